"""Posting to the ledger through the API: the rules of double entry."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ledger.helpers import account_ids, line, post, trial_balance
from tests.support import Api

ENTRIES = "{ journalEntries(first: 100) { totalCount nodes { number status } } }"


async def test_new_organization_has_a_starting_chart_with_system_accounts(api: Api) -> None:
    org = await api.new_org()
    data = await api.data(
        "{ accounts(first: 100) { totalCount nodes { code subtype isSystem isControl } } }",
        token=org.token(),
    )
    accounts = {a["code"]: a for a in data["accounts"]["nodes"]}
    assert data["accounts"]["totalCount"] >= 25
    assert accounts["1100"]["subtype"] == "ACCOUNTS_RECEIVABLE" and accounts["1100"]["isControl"]
    assert accounts["2000"]["subtype"] == "ACCOUNTS_PAYABLE" and accounts["2000"]["isControl"]
    assert accounts["3100"]["subtype"] == "RETAINED_EARNINGS" and accounts["3100"]["isSystem"]


async def test_balanced_entry_posts_with_number_and_trial_balance_matches(api: Api) -> None:
    org = await api.new_org(separate_duties=False)
    ids = await account_ids(api, org)
    first = await post(
        api,
        org,
        "2026-01-05",
        [line(ids["1010"], "DEBIT", "1000.00"), line(ids["3000"], "CREDIT", "1000.00")],
        memo="Owner investment",
    )
    assert first["userErrors"] == []
    entry = first["journalEntry"]
    assert entry["status"] == "POSTED" and entry["number"] == 1
    assert [ln["account"]["code"] for ln in entry["lines"]] == ["1010", "3000"]
    second = await post(
        api,
        org,
        "2026-01-06",
        [line(ids["6300"], "DEBIT", "250.00"), line(ids["1010"], "CREDIT", "250.00")],
    )
    assert second["journalEntry"]["number"] == 2

    tb = await trial_balance(api, org, "2026-12-31")
    assert tb["totalDebit"] == tb["totalCredit"] == {"amount": "1000.00"}
    rows = {r["account"]["code"]: (r["debit"]["amount"], r["credit"]["amount"]) for r in tb["rows"]}
    assert rows == {
        "1010": ("750.00", "0.00"),
        "3000": ("0.00", "1000.00"),
        "6300": ("250.00", "0.00"),
    }
    early = await trial_balance(api, org, "2026-01-05")
    assert early["totalDebit"] == {"amount": "1000.00"}


@pytest.mark.parametrize(
    ("lines", "path", "code"),
    [
        (
            [("1010", "DEBIT", "10.00"), ("3000", "CREDIT", "9.99")],
            ["input", "lines"],
            "UNBALANCED",
        ),
        ([("1010", "DEBIT", "10.00")], ["input", "lines"], "TOO_FEW_LINES"),
        (
            [("1010", "DEBIT", "0"), ("3000", "CREDIT", "0")],
            ["input", "lines", "0", "amount"],
            "ZERO_AMOUNT",
        ),
        (
            [("1010", "DEBIT", "-5"), ("3000", "CREDIT", "-5")],
            ["input", "lines", "0", "amount"],
            "NEGATIVE_AMOUNT",
        ),
        (
            [("1010", "DEBIT", "1.005"), ("3000", "CREDIT", "1.005")],
            ["input", "lines", "0", "amount"],
            "TOO_PRECISE",
        ),
        (
            [("1100", "DEBIT", "5.00"), ("4000", "CREDIT", "5.00")],
            ["input", "lines", "0", "accountId"],
            "CONTROL_ACCOUNT",
        ),
    ],
)
async def test_bad_entry_returns_user_error_and_writes_nothing(
    api: Api, lines: list[tuple[str, str, str]], path: list[str], code: str
) -> None:
    org = await api.new_org(separate_duties=False)
    ids = await account_ids(api, org)
    payload = await post(api, org, "2026-02-01", [line(ids[a], s, x) for a, s, x in lines])
    assert payload["journalEntry"] is None
    assert (payload["userErrors"][0]["field"], payload["userErrors"][0]["code"]) == (path, code)
    assert (await api.data(ENTRIES, token=org.token()))["journalEntries"]["totalCount"] == 0
    assert (await trial_balance(api, org, "2030-01-01"))["rows"] == []


async def test_entry_with_another_organizations_or_archived_account_is_refused(api: Api) -> None:
    org = await api.new_org(separate_duties=False)
    other = await api.new_org()
    ids = await account_ids(api, org)
    theirs = await account_ids(api, other)
    payload = await post(
        api,
        org,
        "2026-02-01",
        [line(theirs["1010"], "DEBIT", "5"), line(ids["3000"], "CREDIT", "5")],
    )
    assert payload["userErrors"][0]["code"] == "NOT_FOUND"
    assert payload["userErrors"][0]["field"] == ["input", "lines", "0", "accountId"]
    archived = await api.data(
        """mutation($id: ID!) { accountArchive(input: {id: $id}) {
            account { status } userErrors { code } } }""",
        {"id": ids["6800"]},
        token=org.token(),
    )
    assert archived["accountArchive"]["account"]["status"] == "ARCHIVED"
    payload = await post(
        api, org, "2026-02-01", [line(ids["6800"], "DEBIT", "5"), line(ids["1010"], "CREDIT", "5")]
    )
    assert payload["userErrors"][0]["code"] == "ACCOUNT_ARCHIVED"


async def test_lock_date_refuses_postings_on_or_before_it(api: Api) -> None:
    org = await api.new_org("accountant", "ar_clerk", separate_duties=False)
    ids = await account_ids(api, org)
    lock = "mutation($d: Date) { lockDateSet(lockDate: $d) { lockDate userErrors { code } } }"
    denied = await api.gql(lock, {"d": "2026-03-31"}, token=org.token("ar_clerk"))
    assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    data = await api.data(lock, {"d": "2026-03-31"}, token=org.token("accountant"))
    assert data["lockDateSet"]["lockDate"] == "2026-03-31"
    lines = [line(ids["1010"], "DEBIT", "5"), line(ids["3000"], "CREDIT", "5")]
    on_lock = await post(api, org, "2026-03-31", lines)
    assert on_lock["userErrors"][0]["code"] == "PERIOD_LOCKED"
    assert on_lock["userErrors"][0]["field"] == ["input", "date"]
    after = await post(api, org, "2026-04-01", lines)
    assert after["journalEntry"]["number"] == 1


async def test_reversal_posts_mirror_entry_linked_both_ways_once(api: Api) -> None:
    org = await api.new_org(separate_duties=False)
    ids = await account_ids(api, org)
    original = (
        await post(
            api,
            org,
            "2026-05-01",
            [line(ids["6200"], "DEBIT", "80.00"), line(ids["1010"], "CREDIT", "80.00")],
        )
    )["journalEntry"]
    reverse = """mutation($input: JournalEntryReverseInput!) { journalEntryReverse(input: $input) {
      journalEntry { id number date reversalOf { id } lines { side account { code } } }
      userErrors { code } } }"""
    data = await api.data(
        reverse, {"input": {"id": original["id"], "date": "2026-05-10"}}, token=org.token()
    )
    reversal = data["journalEntryReverse"]["journalEntry"]
    assert reversal["reversalOf"]["id"] == original["id"]
    assert [(ln["side"], ln["account"]["code"]) for ln in reversal["lines"]] == [
        ("CREDIT", "6200"),
        ("DEBIT", "1010"),
    ]
    again = await api.data(
        reverse, {"input": {"id": original["id"], "date": "2026-05-11"}}, token=org.token()
    )
    assert again["journalEntryReverse"]["userErrors"][0]["code"] == "ALREADY_REVERSED"
    linked = await api.data(
        "query($id: ID!) { journalEntry(id: $id) { reversedBy { id } } }",
        {"id": original["id"]},
        token=org.token(),
    )
    assert linked["journalEntry"]["reversedBy"]["id"] == reversal["id"]
    assert (await trial_balance(api, org, "2026-12-31"))["rows"] == []
    assert (await trial_balance(api, org, "2026-05-05"))["totalDebit"] == {"amount": "80.00"}


async def test_draft_can_be_unbalanced_but_posts_only_when_balanced(api: Api) -> None:
    org = await api.new_org(separate_duties=False)
    ids = await account_ids(api, org)
    draft = (
        await post(
            api,
            org,
            "2026-06-01",
            [line(ids["6400"], "DEBIT", "30"), line(ids["1010"], "CREDIT", "20")],
            post=False,
        )
    )["journalEntry"]
    assert draft["status"] == "DRAFT" and draft["number"] is None
    post_draft = """mutation($id: ID!) { journalEntryPost(id: $id) {
      journalEntry { number status } userErrors { code } } }"""
    refused = await api.data(post_draft, {"id": draft["id"]}, token=org.token())
    assert refused["journalEntryPost"]["userErrors"][0]["code"] == "UNBALANCED"

    good = (
        await post(
            api,
            org,
            "2026-06-01",
            [line(ids["6400"], "DEBIT", "30"), line(ids["1010"], "CREDIT", "30")],
            post=False,
        )
    )["journalEntry"]
    posted = await api.data(post_draft, {"id": good["id"]}, token=org.token())
    assert posted["journalEntryPost"]["journalEntry"] == {"number": 1, "status": "POSTED"}
    twice = await api.data(post_draft, {"id": good["id"]}, token=org.token())
    assert twice["journalEntryPost"]["userErrors"][0]["code"] == "ALREADY_POSTED"


async def test_foreign_currency_line_needs_a_rate_and_posts_in_base(api: Api) -> None:
    org = await api.new_org(separate_duties=False)
    ids = await account_ids(api, org)
    lines = [
        line(ids["1010"], "DEBIT", "100.00", currency="EUR"),
        line(ids["4100"], "CREDIT", "100.00", currency="EUR"),
    ]
    missing = await post(api, org, "2026-07-01", lines)
    assert missing["userErrors"][0]["code"] == "NO_EXCHANGE_RATE"
    rate = await api.data(
        """mutation { exchangeRateSet(currency: "EUR", date: "2026-06-30", rate: "1.0833") {
            exchangeRate { rate } userErrors { code } } }""",
        token=org.token(),
    )
    assert rate["exchangeRateSet"]["exchangeRate"]["rate"] == "1.0833"
    # Thirds of a euro convert with rounding; the entry still balances in dollars.
    three = [
        line(ids["1010"], "DEBIT", "33.33", currency="EUR"),
        line(ids["1010"], "DEBIT", "33.33", currency="EUR"),
        line(ids["1010"], "DEBIT", "33.34", currency="EUR"),
        line(ids["4100"], "CREDIT", "100.00", currency="EUR"),
    ]
    entry = (await post(api, org, "2026-07-01", three))["journalEntry"]
    assert entry["lines"][3]["baseAmount"] == {"amount": "108.33", "currency": "USD"}
    debits = sum(float(ln["baseAmount"]["amount"]) * 100 for ln in entry["lines"][:3])
    assert round(debits) == 10833
    assert entry["lines"][0]["exchangeRate"] == "1.0833"


async def test_idempotency_key_replays_and_refuses_other_input(api: Api) -> None:
    org = await api.new_org(separate_duties=False)
    ids = await account_ids(api, org)
    lines = [line(ids["6100"], "DEBIT", "2.50"), line(ids["1010"], "CREDIT", "2.50")]
    first = await post(api, org, "2026-08-01", lines, idempotencyKey="fee-2026-08")
    second = await post(api, org, "2026-08-01", lines, idempotencyKey="fee-2026-08")
    assert second["journalEntry"]["id"] == first["journalEntry"]["id"]
    assert (await api.data(ENTRIES, token=org.token()))["journalEntries"]["totalCount"] == 1
    other = [line(ids["6100"], "DEBIT", "3.00"), line(ids["1010"], "CREDIT", "3.00")]
    conflict = await post(api, org, "2026-08-01", other, idempotencyKey="fee-2026-08")
    assert conflict["userErrors"][0]["code"] == "IDEMPOTENCY_KEY_REUSED"


async def test_posting_needs_post_permission_and_viewer_cannot_create(api: Api) -> None:
    org = await api.new_org("viewer", "auditor")
    ids = await account_ids(api, org)
    lines = [line(ids["6100"], "DEBIT", "1"), line(ids["1010"], "CREDIT", "1")]
    for role in ("viewer", "auditor"):
        result = await api.gql(
            """mutation($i: JournalEntryCreateInput!) {
                journalEntryCreate(input: $i) { journalEntry { id } } }""",
            {"i": {"date": "2026-01-01", "lines": lines, "post": True}},
            token=org.token(role),
        )
        assert result["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    read = await api.data(ENTRIES, token=org.token("auditor"))
    assert read["journalEntries"]["totalCount"] == 0


async def test_account_create_validates_and_rejects_duplicate_code(api: Api) -> None:
    org = await api.new_org()
    create = """mutation($i: AccountCreateInput!) { accountCreate(input: $i) {
      account { code name type subtype } userErrors { field code } } }"""
    ok = await api.data(
        create,
        {
            "i": {
                "code": "6150",
                "name": "Postage",
                "type": "EXPENSE",
                "subtype": "OPERATING_EXPENSE",
            }
        },
        token=org.token(),
    )
    assert ok["accountCreate"]["account"]["code"] == "6150"
    dup = await api.data(
        create,
        {"i": {"code": "6150", "name": "Again", "type": "EXPENSE", "subtype": "OPERATING_EXPENSE"}},
        token=org.token(),
    )
    assert dup["accountCreate"]["userErrors"] == [
        {"field": ["input", "code"], "code": "DUPLICATE_CODE"}
    ]
    wrong: dict[str, Any] = {"code": "6160", "name": "X", "type": "EXPENSE", "subtype": "BANK"}
    bad = await api.data(create, {"i": wrong}, token=org.token())
    assert bad["accountCreate"]["userErrors"][0]["code"] == "INVALID_ACCOUNT_TYPE"


async def test_entry_list_with_parties_costs_the_same_statements_for_one_or_many(
    api: Api,
) -> None:
    org = await api.new_org(separate_duties=False)
    ids = await account_ids(api, org)
    customer = await api.data(
        'mutation { customerCreate(input: {name: "Party"}) { customer { id } } }', token=org.token()
    )
    customer_id = customer["customerCreate"]["customer"]["id"]
    for i in range(5):
        await post(
            api,
            org,
            f"2026-09-0{i + 1}",
            [
                line(ids["1010"], "DEBIT", "10.00", customerId=customer_id),
                line(ids["4100"], "CREDIT", "10.00", customerId=customer_id),
            ],
        )
    query = """query($n: Int) { journalEntries(first: $n) { nodes { number
        lines { account { code } customer { name } } } } }"""
    costs = []
    for size in (1, 5):
        response = await api.post(query, {"n": size}, token=org.token())
        nodes = response.json()["data"]["journalEntries"]["nodes"]
        assert len(nodes) == size
        assert all(ln["customer"]["name"] == "Party" for n in nodes for ln in n["lines"])
        costs.append(int(response.headers["x-sql-statements"]))
    assert costs[0] == costs[1]
