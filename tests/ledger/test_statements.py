"""Statements through the API: P&L, balance sheet, general ledger, dimensions."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from schema.ids import encode
from tests.ledger.helpers import account_ids, line, post, trial_balance
from tests.support import Api, Org

PL = """query($from: Date!, $to: Date!, $cf: Date, $ct: Date, $monthly: Boolean!, $dims: [ID!]) {
  profitAndLoss(from: $from, to: $to, compareFrom: $cf, compareTo: $ct, monthly: $monthly,
                dimensionOptionIds: $dims) {
    columns { from to }
    sections { key totals { amount } rows { account { code } amounts { amount } } }
    grossProfit { amount } netIncome { amount } } }"""

BS = """query($asOf: Date!) { balanceSheet(asOf: $asOf) {
  totalAssets { amount } totalLiabilitiesAndEquity { amount } currentYearEarnings { amount }
  assets { rows { account { code } amounts { amount } } }
  equity { rows { account { code } amounts { amount } } } } }"""


async def _books(api: Api, org: Org) -> dict[str, str]:
    ids = await account_ids(api, org)
    entries = [
        ("2025-11-15", "1010", "3000", "5000.00"),  # owner investment, last year
        ("2025-12-10", "1010", "4100", "1200.00"),  # last year's revenue
        ("2026-01-10", "1010", "4100", "2000.00"),  # revenue
        ("2026-01-20", "5000", "1010", "500.00"),  # cost of sales
        ("2026-02-03", "6300", "1010", "800.00"),  # rent
        ("2026-02-25", "1010", "4100", "1500.00"),  # revenue
    ]
    for date, debit, credit, amount in entries:
        payload = await post(
            api, org, date, [line(ids[debit], "DEBIT", amount), line(ids[credit], "CREDIT", amount)]
        )
        assert payload["userErrors"] == []
    return ids


async def test_profit_and_loss_sections_net_income_and_comparison(api: Api) -> None:
    org = await api.new_org(separate_duties=False)
    await _books(api, org)
    data = await api.data(
        PL,
        {
            "from": "2026-01-01",
            "to": "2026-02-28",
            "cf": "2025-12-01",
            "ct": "2025-12-31",
            "monthly": False,
        },
        token=org.token(),
    )
    pl = data["profitAndLoss"]
    sections = {s["key"]: [t["amount"] for t in s["totals"]] for s in pl["sections"]}
    assert sections == {
        "income": ["3500.00", "1200.00"],
        "cost_of_sales": ["500.00", "0.00"],
        "expenses": ["800.00", "0.00"],
    }
    assert [v["amount"] for v in pl["grossProfit"]] == ["3000.00", "1200.00"]
    assert [v["amount"] for v in pl["netIncome"]] == ["2200.00", "1200.00"]


async def test_profit_and_loss_monthly_columns_sum_to_the_period(api: Api) -> None:
    org = await api.new_org(separate_duties=False)
    await _books(api, org)
    data = await api.data(
        PL, {"from": "2026-01-01", "to": "2026-03-31", "monthly": True}, token=org.token()
    )
    pl = data["profitAndLoss"]
    assert [c["from"] for c in pl["columns"]] == ["2026-01-01", "2026-02-01", "2026-03-01"]
    assert [v["amount"] for v in pl["netIncome"]] == ["1500.00", "700.00", "0.00"]


async def test_balance_sheet_balances_with_current_year_earnings(api: Api) -> None:
    org = await api.new_org(separate_duties=False)
    await _books(api, org)
    bs = (await api.data(BS, {"asOf": "2026-02-28"}, token=org.token()))["balanceSheet"]
    assert bs["totalAssets"] == bs["totalLiabilitiesAndEquity"] == {"amount": "8400.00"}
    assert bs["currentYearEarnings"] == {"amount": "2200.00"}
    equity = {r["account"]["code"]: r["amounts"][0]["amount"] for r in bs["equity"]["rows"]}
    # Last year's result shows in retained earnings.
    assert equity == {"3000": "5000.00", "3100": "1200.00"}


async def test_general_ledger_running_balance_across_pages(api: Api) -> None:
    org = await api.new_org(separate_duties=False)
    ids = await _books(api, org)
    query = """query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
      generalLedger(accountId: $id, from: "2026-01-01", to: "2026-12-31") {
        openingBalance { amount } closingBalance { amount }
        lines(first: $first, after: $after, last: $last, before: $before) {
          totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          nodes { entryNumber date debit { amount } credit { amount } balance { amount } } } } }"""

    async def ledger(**variables: Any) -> dict[str, Any]:
        found = await api.data(query, {"id": ids["1010"], **variables}, token=org.token())
        report: dict[str, Any] = found["generalLedger"]
        assert report["openingBalance"] == {"amount": "6200.00"}
        assert report["closingBalance"] == {"amount": "8400.00"}
        assert report["lines"]["totalCount"] == 4
        return report["lines"]

    def balances(page: dict[str, Any]) -> list[str]:
        return [ln["balance"]["amount"] for ln in page["nodes"]]

    first = await ledger(first=2)
    assert balances(first) == ["8200.00", "7700.00"]
    assert first["pageInfo"]["hasNextPage"] is True
    second = await ledger(first=2, after=first["pageInfo"]["endCursor"])
    assert balances(second) == ["6900.00", "8400.00"]
    assert second["pageInfo"]["hasNextPage"] is False
    # Backwards, the balances are the same: each page is summed from its first line.
    last = await ledger(last=3)
    assert balances(last) == ["7700.00", "6900.00", "8400.00"]
    assert last["pageInfo"]["hasPreviousPage"] is True
    before = await ledger(last=3, before=last["pageInfo"]["startCursor"])
    assert balances(before) == ["8200.00"]
    assert before["pageInfo"] | {"startCursor": None, "endCursor": None} == {
        "hasNextPage": True,
        "hasPreviousPage": False,
        "startCursor": None,
        "endCursor": None,
    }


async def test_revenue_by_campaign_through_dimensions(api: Api) -> None:
    org = await api.new_org(separate_duties=False)
    ids = await account_ids(api, org)
    made = await api.data(
        """mutation { trackingCategoryCreate(name: "Campaign", options: ["Spring", "Autumn"]) {
            trackingCategory { id options { id name } } userErrors { code } } }""",
        token=org.token(),
    )
    options = {
        o["name"]: o["id"] for o in made["trackingCategoryCreate"]["trackingCategory"]["options"]
    }
    for campaign, amount in (("Spring", "300.00"), ("Autumn", "120.00"), ("Spring", "80.00")):
        payload = await post(
            api,
            org,
            "2026-04-01",
            [
                line(ids["1010"], "DEBIT", amount),
                line(ids["4100"], "CREDIT", amount, dimensionOptionIds=[options[campaign]]),
            ],
        )
        assert payload["journalEntry"]["lines"][1]["dimensions"] == [{"name": campaign}]
    # Untagged income and an expense: the unassigned column holds them.
    untagged = await post(
        api,
        org,
        "2026-04-03",
        [
            line(ids["1010"], "DEBIT", "30.00"),
            line(ids["4100"], "CREDIT", "50.00"),
            line(ids["6100"], "DEBIT", "20.00"),
        ],
    )
    assert untagged["userErrors"] == []
    spring = await api.data(
        PL,
        {"from": "2026-01-01", "to": "2026-12-31", "monthly": False, "dims": [options["Spring"]]},
        token=org.token(),
    )
    assert spring["profitAndLoss"]["netIncome"] == [{"amount": "380.00"}]
    category = made["trackingCategoryCreate"]["trackingCategory"]["id"]
    grouped = await api.data(
        """query($cat: ID!) { profitAndLoss(from: "2026-01-01", to: "2026-12-31", groupBy: $cat) {
            columns { label unassigned } netIncome { amount }
            sections { key totals { amount } } } }""",
        {"cat": category},
        token=org.token(),
    )
    columns = grouped["profitAndLoss"]
    assert [(c["label"], c["unassigned"]) for c in columns["columns"]] == [
        ("Autumn", False),
        ("Spring", False),
        ("Unassigned", True),
    ]
    assert [v["amount"] for v in columns["netIncome"]] == ["120.00", "380.00", "30.00"]
    whole = await api.data(
        PL, {"from": "2026-01-01", "to": "2026-12-31", "monthly": False}, token=org.token()
    )
    total = Decimal(whole["profitAndLoss"]["netIncome"][0]["amount"])
    assert sum(Decimal(v["amount"]) for v in columns["netIncome"]) == total == Decimal("530.00")
    for grouped_section, section in zip(
        columns["sections"], whole["profitAndLoss"]["sections"], strict=True
    ):
        parts = sum(Decimal(t["amount"]) for t in grouped_section["totals"])
        assert parts == Decimal(section["totals"][0]["amount"]), section["key"]
    tb = await trial_balance(api, org, "2026-12-31", [options["Autumn"]])
    assert {r["account"]["code"]: r["credit"]["amount"] for r in tb["rows"]} == {"4100": "120.00"}
    # Two options of one category on one line are refused.
    both = await post(
        api,
        org,
        "2026-04-02",
        [
            line(ids["1010"], "DEBIT", "1.00"),
            line(ids["4100"], "CREDIT", "1.00", dimensionOptionIds=list(options.values())),
        ],
    )
    assert both["userErrors"][0]["code"] == "DUPLICATE_DIMENSION"
    assert both["userErrors"][0]["field"] == ["input", "lines", "1", "dimensionOptionIds"]


async def test_account_balance_field_matches_trial_balance(api: Api) -> None:
    org = await api.new_org(separate_duties=False)
    await _books(api, org)
    data = await api.data(
        """{ accounts(first: 100, filter: {type: ASSET}) {
            nodes { code balance(asOf: "2026-02-28") { amount } } } }""",
        token=org.token(),
    )
    balances = {a["code"]: Decimal(a["balance"]["amount"]) for a in data["accounts"]["nodes"]}
    assert balances["1010"] == Decimal("8400.00")
    assert sum(balances.values()) == Decimal("8400.00")


GENERAL_LEDGER = """query($id: ID!) {
  generalLedger(accountId: $id, from: "2026-01-01", to: "2026-12-31") {
    openingBalance { amount } closingBalance { amount }
    lines { nodes { date entryNumber memo description debit { amount } credit { amount }
            balance { amount } entry { id } } } } }"""
JOURNAL_FIELDS = ("entryNumber", "memo", "description", "entry")


async def test_general_ledger_lines_hide_journal_text_without_journal_read(api: Api) -> None:
    # The report gives amounts and dates (report:read); numbers and texts are the journal's.
    org = await api.new_org("viewer", separate_duties=False)
    ids = await account_ids(api, org)
    await post(
        api,
        org,
        "2026-02-01",
        [
            line(ids["1010"], "DEBIT", "10.00", description="bonus J. Smith"),
            line(ids["4000"], "CREDIT", "10.00"),
        ],
        memo="confidential memo",
    )
    variables = {"id": ids["1010"]}
    full = (await api.data(GENERAL_LEDGER, variables, token=org.token()))["generalLedger"]
    (shown,) = full["lines"]["nodes"]
    assert shown["memo"] == "confidential memo" and shown["description"] == "bonus J. Smith"
    assert shown["entryNumber"] is not None and shown["entry"] is not None
    result = await api.gql(GENERAL_LEDGER, variables, token=org.token("viewer"))
    (seen,) = result["data"]["generalLedger"]["lines"]["nodes"]
    assert {name: seen[name] for name in JOURNAL_FIELDS} == dict.fromkeys(JOURNAL_FIELDS)
    assert {k: v for k, v in seen.items() if k not in JOURNAL_FIELDS} == {
        k: v for k, v in shown.items() if k not in JOURNAL_FIELDS
    }
    forbidden = {e["path"][-1] for e in result["errors"] if e["extensions"]["code"] == "FORBIDDEN"}
    assert forbidden == set(JOURNAL_FIELDS)
    assert "confidential memo" not in str(result) and "J. Smith" not in str(result)


async def test_grouped_profit_and_loss_hides_option_names_without_account_read(api: Api) -> None:
    # Tracking options are read with account:read; the report (report:read) keeps its figures.
    org = await api.new_org("viewer", separate_duties=False)
    ids = await account_ids(api, org)
    made = await api.data(
        """mutation { trackingCategoryCreate(name: "Campaign", options: ["Secret launch"]) {
            trackingCategory { id options { id } } userErrors { code } } }""",
        token=org.token(),
    )
    category = made["trackingCategoryCreate"]["trackingCategory"]
    option = category["options"][0]["id"]
    await post(
        api,
        org,
        "2026-04-01",
        [
            line(ids["1010"], "DEBIT", "10.00"),
            line(ids["4100"], "CREDIT", "10.00", dimensionOptionIds=[option]),
        ],
    )
    role = await api.data(
        """mutation { roleCreate(input: {name: "reports_only",
             permissions: [{object: "report", action: "read"}]}) { userErrors { code } } }""",
        token=org.token(),
    )
    assert role["roleCreate"]["userErrors"] == []
    given = await api.data(
        """mutation($id: ID!) { memberRolesSet(input: {userId: $id, roles: ["reports_only"]})
             { userErrors { code } } }""",
        {"id": encode("User", org.users["viewer"].id)},
        token=org.token(),
    )
    assert given["memberRolesSet"]["userErrors"] == []
    query = """query($cat: ID!) { profitAndLoss(from: "2026-01-01", to: "2026-12-31",
        groupBy: $cat) { columns { label unassigned } netIncome { amount } } }"""
    variables = {"cat": category["id"]}
    full = (await api.data(query, variables, token=org.token()))["profitAndLoss"]
    assert [c["label"] for c in full["columns"]] == ["Secret launch", "Unassigned"]
    result = await api.gql(query, variables, token=org.token("viewer"))
    seen = result["data"]["profitAndLoss"]
    assert [c["label"] for c in seen["columns"]] == [None, None]
    assert [c["unassigned"] for c in seen["columns"]] == [False, True]
    assert seen["netIncome"] == full["netIncome"]
    assert {(e["extensions"]["code"], e["path"][-1]) for e in result["errors"]} == {
        ("FORBIDDEN", "label")
    }
    assert "Secret launch" not in str(result)
