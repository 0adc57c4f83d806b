"""The lists that became connections answer each built-in role as the golden matrix says:
the connection refuses (FORBIDDEN) every role the matrix denies and answers every role it
allows, through the API, so changing a list's shape changed no permission."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.access.catalogue import BUILTIN_ROLES
from tests.ledger.helpers import account_ids
from tests.support import Api

MATRIX = Path(__file__).with_name("authorization_matrix.txt")
QUERIES = {
    "roles": "{ roles { totalCount } }",
    "invoiceDisputes": "{ invoiceDisputes { totalCount } }",
    "taxRates": "{ taxRates { totalCount } }",
    "paymentTerms": "{ paymentTerms { totalCount } }",
    "documentTemplates": "{ documentTemplates { totalCount } }",
    "trackingCategories": "{ trackingCategories { totalCount } }",
    "dutySegregations": "{ dutySegregations { totalCount } }",
    "remindersDue": '{ remindersDue(asOf: "2026-12-31") { totalCount } }',
    "generalLedger": """query($id: ID!) {
        generalLedger(accountId: $id, from: "2026-01-01", to: "2026-12-31") {
          lines { totalCount } } }""",
}


def _decisions(field: str) -> dict[str, bool]:
    header, *rows = MATRIX.read_text().splitlines()
    roles = header.split(" | ")[-1].split()
    for row in rows:
        name, _need, answers = row.split(" | ")
        if name == f"Query.{field}":
            return {r: a == "allow" for r, a in zip(roles, answers.split(), strict=True)}
    raise AssertionError(f"Query.{field} is not in the matrix")


@pytest.mark.parametrize("field", sorted(QUERIES))
async def test_each_list_answers_every_role_as_the_matrix_says(api: Api, field: str) -> None:
    org = await api.new_org(*(r for r in BUILTIN_ROLES if r != "owner"))
    variables = {"id": (await account_ids(api, org))["1010"]} if field == "generalLedger" else {}
    decisions = _decisions(field)
    assert set(decisions) == set(BUILTIN_ROLES)
    for role, allowed in decisions.items():
        result = await api.gql(QUERIES[field], variables, token=org.token(role))
        codes = {e["extensions"]["code"] for e in result.get("errors") or []}
        if allowed:
            assert codes == set() and result["data"][field] is not None, (role, result)
        else:
            # generalLedger is nullable (null for an unknown account): null there.
            assert codes == {"FORBIDDEN"} and not (result["data"] or {}).get(field), (role, result)
