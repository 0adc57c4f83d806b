"""Every root Query and Mutation field, sent hostile and plausible arguments made from the
schema (tests/schema/fuzz.py): no answer is an internal error or an HTTP 500, every error
carries a code, and a refused mutation writes nothing.

Hypothesis draws the mixed examples, derandomized so a run is repeatable; sweeps then set
every argument of one kind (strings, ids, dates, ints) to each hostile value of that kind
while the others stay plausible, so each class reaches every field."""

from __future__ import annotations

import json
import os
from typing import Any

import pytest
from graphql import (
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLSchema,
    get_named_type,
    get_nullable_type,
)
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from server.audit.log import chain_key
from server.audit.models import AuditEvent
from server.settings import Settings
from tests.graphql_schema import executable_schema
from tests.ledger.helpers import account_ids
from tests.receivables.helpers import create_invoice, customer, sale
from tests.schema.fuzz import (
    HOSTILE_CURSORS,
    HOSTILE_DATES,
    HOSTILE_DATETIMES,
    HOSTILE_IDS,
    HOSTILE_INTS,
    HOSTILE_STRINGS,
    Request,
    Values,
    request_for,
)
from tests.support import PASSWORD, Api, Org

# Drawn examples per root field; raise it for a deeper run on a developer machine.
EXAMPLES_PER_FIELD = int(os.environ.get("LEDGERLINE_FUZZ_EXAMPLES", "3"))
# Fields that end the session they run in; they run last, each with a fresh sign-in after.
ENDS_SESSION = ("sessionRevoke",)
SWEEPS: dict[str, tuple[Any, ...]] = {
    # NUL, a lone surrogate, 10,000 characters, a bidi override, 65 characters (one more
    # than the shortest compared columns) and a 302-character e-mail.
    "String": tuple(HOSTILE_STRINGS[i] for i in (0, 1, 3, 4, 12, 13)),
    "ID": HOSTILE_IDS[3:5],
    "Date": HOSTILE_DATES[:2],
    "DateTime": HOSTILE_DATETIMES[:1],
    "Int": HOSTILE_INTS[2:4],
}


def _schema(settings: Settings) -> GraphQLSchema:
    return executable_schema(settings)


def _examples(strategy: Any, count: int) -> list[Any]:
    drawn: list[Any] = []

    @settings(
        max_examples=count,
        derandomize=True,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        deadline=None,
    )
    @given(strategy)
    def collect(value: Any) -> None:
        drawn.append(value)

    collect()
    return drawn


def _sweeps(request: Request, values: Values, field: str) -> list[dict[str, Any]]:
    """Variable sets where every argument leaf of one scalar kind takes one hostile value."""
    out = []
    for scalar, hostile in SWEEPS.items():
        for value in hostile:
            out.append(
                {
                    var: _replace(
                        values.benign(arg.type, name, field), arg.type, scalar, value, name
                    )
                    for var, (arg, name) in request.variables.items()
                }
            )
    for cursor in HOSTILE_CURSORS[:4]:
        varset = {}
        for var, (arg, name) in request.variables.items():
            varset[var] = (
                cursor if name in ("after", "before") else values.benign(arg.type, name, field)
            )
        if any(n in ("after", "before") for _, n in request.variables.values()):
            out.append(varset)
    # A field without leaves of some kind gets the same plausible set from each of its
    # sweeps: send it once.
    unique = {json.dumps(v, sort_keys=True): v for v in out}
    return list(unique.values())


def _replace(benign: Any, kind: Any, scalar: str, value: Any, name: str) -> Any:
    inner = get_nullable_type(kind)
    if isinstance(inner, GraphQLList):
        return [_replace(b, inner.of_type, scalar, value, name) for b in benign or [None]]
    if isinstance(inner, GraphQLInputObjectType):
        return {
            n: _replace((benign or {}).get(n), f.type, scalar, value, n)
            for n, f in inner.fields.items()
        }
    if getattr(inner, "name", None) == scalar:
        return value
    return benign


async def _post(api: Api, document: str, variables: dict[str, Any], token: str | None) -> Any:
    # Encoded here with ASCII escapes, so lone surrogates reach the server as JSON escapes.
    body = json.dumps({"query": document, "variables": variables})
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    return await api.client.post("/graphql", content=body.encode(), headers=headers)


async def _last_sequence(org: Org) -> int:
    row = (
        await AuditEvent.filter(chain_key=chain_key(org.id))
        .order_by("-sequence")
        .first()
        .values("sequence")
    )
    return int(row["sequence"]) if row else 0


def _refused(result: dict[str, Any]) -> bool:
    if result.get("errors"):
        return True
    for payload in (result.get("data") or {}).values():
        if isinstance(payload, dict) and payload.get("userErrors"):
            return True
    return False


async def _seed(api: Api, org: Org) -> Values:
    """Real ids of several kinds, so some requests reach the rules behind the id lookups."""
    accounts = await account_ids(api, org)
    customer_id = await customer(api, org, "Fuzz Customer")
    draft = await create_invoice(api, org, customer_id, [sale(accounts["4000"], "10.00")])
    vendor = await api.data(
        'mutation { vendorCreate(input: {name: "Fuzz Vendor"}) { vendor { id } } }',
        token=org.token(),
    )
    by_type = {
        "Customer": customer_id,
        "Invoice": draft["invoice"]["id"],
        "Vendor": vendor["vendorCreate"]["vendor"]["id"],
        "Account": accounts["4000"],
        "Organization": org.global_id,
    }
    return Values(ids=list(by_type.values()), by_type=by_type)


class Session:
    """The owner's token, renewed when a fuzzed request ended it."""

    def __init__(self, api: Api, org: Org) -> None:
        self.api = api
        self.org = org

    async def renew(self) -> None:
        session = await self.api.sign_in(self.org.users["owner"].email, PASSWORD)
        if session.get("accessToken"):
            self.org.tokens["owner"] = session["accessToken"]


def _check(field: str, variables: dict[str, Any], response: Any) -> dict[str, Any]:
    context = f"{field} with {str(variables)[:600]}"
    assert response.status_code < 500, (context, response.text[:500])
    result: dict[str, Any] = response.json()
    for error in result.get("errors") or []:
        code = (error.get("extensions") or {}).get("code")
        assert code and code != "INTERNAL_SERVER_ERROR", (context, error)
    return result


async def _fuzz_field(
    api: Api,
    session: Session,
    operation: str,
    name: str,
    field_def: GraphQLField,
    values: Values,
    *,
    signed_in: bool,
    failures: list[str],
) -> int:
    request = request_for(operation, name, field_def)
    mixed = st.fixed_dictionaries(
        {var: values.strategy(arg.type, n) for var, (arg, n) in request.variables.items()}
    )
    variable_sets = _examples(mixed, EXAMPLES_PER_FIELD if signed_in else 2)
    if signed_in:
        variable_sets += _sweeps(request, values, name)
    for variables in variable_sets:
        before = await _last_sequence(session.org) if operation == "mutation" else 0
        token = session.org.token() if signed_in else None
        response = await _post(api, request.document, variables, token)
        try:
            result = _check(name, variables, response)
        except AssertionError as failure:
            failures.append(str(failure)[:900])
            continue
        if operation == "mutation" and _refused(result):
            written = await AuditEvent.filter(
                chain_key=chain_key(session.org.id), sequence__gt=before, outcome="SUCCESS"
            ).values_list("action", flat=True)
            if written:
                failures.append(f"{name} refused but wrote {written}: {str(variables)[:300]}")
        if (
            any(
                (e.get("extensions") or {}).get("code") == "UNAUTHENTICATED"
                for e in result.get("errors") or []
            )
            and signed_in
        ):
            await session.renew()
    return len(variable_sets)


def _root_fields(schema: GraphQLSchema) -> list[tuple[str, str, GraphQLField]]:
    assert schema.query_type and schema.mutation_type
    fields = [("query", n, f) for n, f in schema.query_type.fields.items()]
    mutations = [("mutation", n, f) for n, f in schema.mutation_type.fields.items()]
    mutations.sort(key=lambda item: item[1] in ENDS_SESSION)
    return fields + mutations


async def test_every_root_field_survives_hostile_arguments(api: Api, settings: Settings) -> None:
    org = await api.new_org(separate_duties=False)
    values = await _seed(api, org)
    session = Session(api, org)
    schema = _schema(settings)
    sent = 0
    failures: list[str] = []
    for operation, name, field_def in _root_fields(schema):
        sent += await _fuzz_field(
            api, session, operation, name, field_def, values, signed_in=True, failures=failures
        )
    assert not failures, "\n".join(failures)
    assert sent > 5 * len(_root_fields(schema))


async def test_every_root_field_survives_hostile_arguments_unauthenticated(
    api: Api, settings: Settings
) -> None:
    org = await api.new_org()
    values = Values(ids=[org.global_id])
    session = Session(api, org)
    failures: list[str] = []
    for operation, name, field_def in _root_fields(_schema(settings)):
        await _fuzz_field(
            api, session, operation, name, field_def, values, signed_in=False, failures=failures
        )
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("scalar", sorted(SWEEPS))
def test_sweeps_reach_a_field_of_each_kind(settings: Settings, scalar: str) -> None:
    """The sweeps are not vacuous: some root field takes each swept kind of argument."""
    schema = _schema(settings)
    kinds = set()
    for _, name, field_def in _root_fields(schema):
        request = request_for("query", name, field_def)
        for arg, _ in request.variables.values():
            kinds.update(_leaf_scalars(arg.type))
    assert scalar in kinds


def _leaf_scalars(kind: Any, seen: frozenset[str] = frozenset()) -> set[str]:
    named = get_named_type(kind)
    if isinstance(named, GraphQLInputObjectType):
        if named.name in seen:
            return set()
        out: set[str] = set()
        for f in named.fields.values():
            out |= _leaf_scalars(f.type, seen | {named.name})
        return out
    return {named.name}
