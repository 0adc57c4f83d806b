"""An owner of organization A, holding every permission, never reads or changes organization
B's objects: by id, through node and nodes, in lists and reports, and in mutation inputs
and payloads. Another organization's object answers exactly as a missing one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from schema.ids import encode
from tests.ledger.helpers import CREATE, account_ids, line
from tests.support import Api, Org

MISSING = "00000000-0000-4000-8000-000000000000"


@dataclass
class Theirs:
    """Organization B and one object of each kind, with A's owner as the outsider."""

    a: Org
    b: Org
    customer: str
    note: str
    vendor: str
    account: str
    draft: str
    posted: str
    category: str
    option: str
    member: str
    key: str


async def _one(api: Api, org: Org, query: str, variables: dict[str, Any] | None = None) -> Any:
    data = await api.data(query, variables, token=org.token())
    (payload,) = data.values()
    errors = payload.get("userErrors") if isinstance(payload, dict) else None
    assert not errors, payload
    return payload


async def _setup(api: Api) -> Theirs:
    a = await api.new_org()
    b = await api.new_org("viewer", separate_duties=False)
    customer = (
        await _one(
            api, b, 'mutation { customerCreate(input: {name: "B cust"}) { customer { id } } }'
        )
    )["customer"]["id"]
    note = (
        await _one(
            api,
            b,
            """mutation($id: ID!) { customerNoteAdd(input: {customerId: $id, body: "secret"}) {
                note { id } userErrors { code } } }""",
            {"id": customer},
        )
    )["note"]["id"]
    vendor = (
        await _one(api, b, 'mutation { vendorCreate(input: {name: "B vend"}) { vendor { id } } }')
    )["vendor"]["id"]
    accounts = await account_ids(api, b)
    category = await _one(
        api,
        b,
        """mutation { trackingCategoryCreate(name: "Region", options: ["North"]) {
            trackingCategory { id options { id } } userErrors { code } } }""",
    )
    lines = [
        line(accounts["1010"], "DEBIT", "7.00", customerId=customer),
        line(
            accounts["4100"],
            "CREDIT",
            "7.00",
            vendorId=vendor,
            dimensionOptionIds=[category["trackingCategory"]["options"][0]["id"]],
        ),
    ]
    entries = []
    for post in (False, True):
        data = await api.data(
            CREATE,
            {"input": {"date": "2026-05-01", "lines": lines, "post": post}},
            token=b.token(),
        )
        assert data["journalEntryCreate"]["userErrors"] == [], data
        entries.append(data["journalEntryCreate"]["journalEntry"]["id"])
    key = (
        await _one(
            api,
            b,
            """mutation { apiKeyCreate(input: {name: "B key", role: "viewer"}) {
                apiKey { id } secret userErrors { code } } }""",
        )
    )["apiKey"]["id"]
    return Theirs(
        a=a,
        b=b,
        customer=customer,
        note=note,
        vendor=vendor,
        account=accounts["1010"],
        draft=entries[0],
        posted=entries[1],
        category=category["trackingCategory"]["id"],
        option=category["trackingCategory"]["options"][0]["id"],
        member=encode("User", b.users["viewer"].id),
        key=key,
    )


async def test_reads_by_id_node_and_nodes_of_another_organization_are_null(api: Api) -> None:
    t = await _setup(api)
    by_id = {
        "customer": t.customer,
        "vendor": t.vendor,
        "account": t.account,
        "journalEntry": t.draft,
    }
    for field, global_id in by_id.items():
        data = await api.data(
            f"query($id: ID!) {{ {field}(id: $id) {{ id }} }}", {"id": global_id}, token=t.a.token()
        )
        assert data[field] is None, field
    posted = await api.data(
        "query($id: ID!) { journalEntry(id: $id) { id lines { account { id } } } }",
        {"id": t.posted},
        token=t.a.token(),
    )
    assert posted["journalEntry"] is None

    everything = [
        t.customer,
        t.note,
        t.vendor,
        t.account,
        t.draft,
        t.posted,
        t.category,
        t.option,
        t.member,
        t.b.global_id,
    ]
    for global_id in everything:
        node = await api.data(
            "query($id: ID!) { node(id: $id) { id } }", {"id": global_id}, token=t.a.token()
        )
        assert node["node"] is None, global_id
    nodes = await api.data(
        "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", {"ids": everything}, token=t.a.token()
    )
    assert nodes["nodes"] == [None] * len(everything)
    # B itself sees them (the ids are real).
    own = await api.data(
        "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
        {"ids": [t.customer, t.vendor, t.account, t.draft, t.category, t.option]},
        token=t.b.token(),
    )
    assert None not in own["nodes"]


async def test_lists_and_reports_never_show_another_organizations_rows(api: Api) -> None:
    t = await _setup(api)
    token = t.a.token()
    lists = await api.data(
        """{ customers(first: 100) { totalCount nodes { id } }
             vendors(first: 100) { totalCount nodes { id } }
             accounts(first: 100) { nodes { id } }
             journalEntries(first: 100) { totalCount nodes { id } }
             trackingCategories { totalCount nodes { id options { id } } }
             roles(filter: {builtIn: false}) { totalCount nodes { name } }
             taxRates { totalCount nodes { id } }
             paymentTerms { totalCount nodes { id } }
             invoiceDisputes { totalCount nodes { id } }
             members(first: 100) { nodes { user { id } } }
             apiKeys(first: 100) { nodes { id } }
             auditEvents(first: 100) { nodes { objectId } } }""",
        token=token,
    )
    assert lists["customers"] == {"totalCount": 0, "nodes": []}
    assert lists["vendors"] == {"totalCount": 0, "nodes": []}
    assert lists["journalEntries"] == {"totalCount": 0, "nodes": []}
    for name in ("trackingCategories", "roles", "taxRates", "paymentTerms", "invoiceDisputes"):
        assert lists[name] == {"totalCount": 0, "nodes": []}, name
    assert lists["apiKeys"]["nodes"] == []
    assert t.account not in {n["id"] for n in lists["accounts"]["nodes"]}
    assert t.member not in {n["user"]["id"] for n in lists["members"]["nodes"]}
    seen = {e["objectId"] for e in lists["auditEvents"]["nodes"]}
    assert str(t.b.id) not in seen and str(t.b.users["viewer"].id) not in seen

    ledger = await api.gql(
        """query($id: ID!) { generalLedger(accountId: $id, from: "2026-01-01", to: "2026-12-31")
            { closingBalance { amount } lines(first: 10) { nodes { date } } } }""",
        {"id": t.account},
        token=token,
    )
    assert ledger.get("data") is None or ledger["data"]["generalLedger"] is None, ledger

    tb = await api.gql(
        """query($dims: [ID!]) { trialBalance(asOf: "2026-12-31", dimensionOptionIds: $dims) {
            totalDebit { amount } rows { account { code } } } }""",
        {"dims": [t.option]},
        token=token,
    )
    if tb.get("data") and tb["data"]["trialBalance"]:
        assert tb["data"]["trialBalance"]["rows"] == []
        assert tb["data"]["trialBalance"]["totalDebit"]["amount"] == "0.00"


def _codes(payload: dict[str, Any]) -> list[tuple[Any, str]]:
    return [(e["field"], e["code"]) for e in payload["userErrors"]]


async def _refused_like_missing(
    api: Api, org: Org, query: str, variables: dict[str, Any], missing: dict[str, Any]
) -> dict[str, Any]:
    """Run the mutation with another organization's id and with a missing one: both must
    be refused with NOT_FOUND, the same way, with no object in the payload."""
    answers = []
    for v in (variables, missing):
        data = await api.data(query, v, token=org.token())
        (payload,) = data.values()
        answers.append(payload)
    theirs, absent = answers
    assert _codes(theirs) == _codes(absent), (theirs, absent)
    assert "NOT_FOUND" in [code for _, code in _codes(theirs)], theirs
    for key, value in theirs.items():
        if key != "userErrors":
            assert value in (None, [], False), (key, theirs)
    return theirs


async def test_mutations_with_another_organizations_ids_are_not_found(api: Api) -> None:
    t = await _setup(api)
    a = t.a
    missing = {
        "Customer": encode("Customer", MISSING),
        "Vendor": encode("Vendor", MISSING),
        "Account": encode("Account", MISSING),
        "JournalEntry": encode("JournalEntry", MISSING),
        "TrackingCategory": encode("TrackingCategory", MISSING),
        "User": encode("User", MISSING),
        "ApiKey": encode("ApiKey", MISSING),
    }
    cases: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
        (
            """mutation($i: CustomerUpdateInput!) { customerUpdate(input: $i) {
                customer { id } userErrors { field code } } }""",
            {"i": {"id": t.customer, "name": "Hacked"}},
            {"i": {"id": missing["Customer"], "name": "Hacked"}},
        ),
        (
            """mutation($id: ID!) { customerArchive(input: {id: $id}) {
                customer { id } userErrors { field code } } }""",
            {"id": t.customer},
            {"id": missing["Customer"]},
        ),
        (
            """mutation($id: ID!) { customerNoteAdd(input: {customerId: $id, body: "x"}) {
                note { id } customer { id } userErrors { field code } } }""",
            {"id": t.customer},
            {"id": missing["Customer"]},
        ),
        (
            """mutation($i: VendorUpdateInput!) { vendorUpdate(input: $i) {
                vendor { id } userErrors { field code } } }""",
            {"i": {"id": t.vendor, "name": "Hacked"}},
            {"i": {"id": missing["Vendor"], "name": "Hacked"}},
        ),
        (
            """mutation($id: ID!) { vendorArchive(input: {id: $id}) {
                vendor { id } userErrors { field code } } }""",
            {"id": t.vendor},
            {"id": missing["Vendor"]},
        ),
        (
            """mutation($i: AccountUpdateInput!) { accountUpdate(input: $i) {
                account { id } userErrors { field code } } }""",
            {"i": {"id": t.account, "name": "Hacked"}},
            {"i": {"id": missing["Account"], "name": "Hacked"}},
        ),
        (
            """mutation($id: ID!) { accountArchive(input: {id: $id}) {
                account { id } userErrors { field code } } }""",
            {"id": t.account},
            {"id": missing["Account"]},
        ),
        (
            """mutation($i: AccountCreateInput!) { accountCreate(input: $i) {
                account { id } userErrors { field code } } }""",
            {
                "i": {
                    "code": "1015",
                    "name": "Sub",
                    "type": "ASSET",
                    "subtype": "CASH",
                    "parentId": t.account,
                }
            },
            {
                "i": {
                    "code": "1015",
                    "name": "Sub",
                    "type": "ASSET",
                    "subtype": "CASH",
                    "parentId": missing["Account"],
                }
            },
        ),
        (
            """mutation($id: ID!) { journalEntryPost(id: $id) {
                journalEntry { id } userErrors { field code } } }""",
            {"id": t.draft},
            {"id": missing["JournalEntry"]},
        ),
        (
            """mutation($id: ID!) { journalEntryReverse(input: {id: $id, date: "2026-06-01"}) {
                journalEntry { id } userErrors { field code } } }""",
            {"id": t.posted},
            {"id": missing["JournalEntry"]},
        ),
        (
            """mutation($id: ID!) { trackingOptionCreate(categoryId: $id, name: "South") {
                trackingCategory { id } userErrors { field code } } }""",
            {"id": t.category},
            {"id": missing["TrackingCategory"]},
        ),
        (
            """mutation($id: ID!) { memberRolesSet(input: {userId: $id, roles: ["owner"]}) {
                member { roles } userErrors { field code } } }""",
            {"id": t.member},
            {"id": missing["User"]},
        ),
        (
            """mutation($id: ID!) { memberRemove(input: {userId: $id}) {
                removedUserId userErrors { field code } } }""",
            {"id": t.member},
            {"id": missing["User"]},
        ),
        (
            """mutation($id: ID!) { apiKeyRevoke(id: $id) {
                apiKey { id } userErrors { field code } } }""",
            {"id": t.key},
            {"id": missing["ApiKey"]},
        ),
    ]
    for query, theirs, absent in cases:
        await _refused_like_missing(api, a, query, theirs, absent)

    # A journal entry of A may not point at B's accounts, customers, vendors or options.
    ours = await account_ids(api, a)
    line_cases = [
        ({"accountId": t.account}, "accountId"),
        ({"customerId": t.customer}, "customerId"),
        ({"vendorId": t.vendor}, "vendorId"),
        ({"dimensionOptionIds": [t.option]}, "dimensionOptionIds"),
    ]
    for change, name in line_cases:
        first = {**line(ours["1010"], "DEBIT", "1.00"), **change}
        lines = [first, line(ours["4100"], "CREDIT", "1.00")]
        data = await api.data(
            CREATE, {"input": {"date": "2026-05-02", "lines": lines}}, token=a.token()
        )
        payload = data["journalEntryCreate"]
        assert payload["journalEntry"] is None, payload
        assert [e["code"] for e in payload["userErrors"]] == ["NOT_FOUND"], payload
        assert payload["userErrors"][0]["field"][:3] == ["input", "lines", "0"], name

    # Nothing of B changed, and B's member still has their role.
    check = await api.data(
        """query($c: ID!, $v: ID!, $a: ID!, $d: ID!, $p: ID!) {
            customer(id: $c) { name status notes { body } }
            vendor(id: $v) { name status }
            account(id: $a) { name status }
            draft: journalEntry(id: $d) { status }
            posted: journalEntry(id: $p) { status reversedBy { id } }
            trackingCategories { nodes { options { name } } }
            members(first: 10) { nodes { roles } }
            apiKeys(first: 10) { nodes { revokedAt } } }""",
        {"c": t.customer, "v": t.vendor, "a": t.account, "d": t.draft, "p": t.posted},
        token=t.b.token(),
    )
    assert check["customer"] == {
        "name": "B cust",
        "status": "ACTIVE",
        "notes": [{"body": "secret"}],
    }
    assert check["vendor"] == {"name": "B vend", "status": "ACTIVE"}
    assert check["account"]["status"] == "ACTIVE"
    assert check["draft"] == {"status": "DRAFT"}
    assert check["posted"] == {"status": "POSTED", "reversedBy": None}
    assert check["trackingCategories"]["nodes"] == [{"options": [{"name": "North"}]}]
    assert sorted(r for n in check["members"]["nodes"] for r in n["roles"]) == ["owner", "viewer"]
    assert check["apiKeys"]["nodes"] == [{"revokedAt": None}]


async def test_roles_of_another_organization_are_not_found_by_name(api: Api) -> None:
    a = await api.new_org()
    b = await api.new_org("viewer")
    made = await api.data(
        """mutation { roleCreate(input: {name: "b_only", permissions: [
            {object: "customer", action: "read"}]}) { role { name } userErrors { code } } }""",
        token=b.token(),
    )
    assert made["roleCreate"]["userErrors"] == []
    roles = await api.data("{ roles(first: 100) { nodes { name } } }", token=a.token())
    assert "b_only" not in {r["name"] for r in roles["roles"]["nodes"]}
    for query in (
        """mutation { rolePermissionsSet(input: {name: "b_only", permissions: []}) {
            role { name } userErrors { field code } } }""",
        """mutation { roleDelete(input: {name: "b_only"}) {
            deletedName userErrors { field code } } }""",
    ):
        data = await api.data(query, token=a.token())
        (payload,) = data.values()
        assert [e["code"] for e in payload["userErrors"]] == ["NOT_FOUND"], payload
    # A's own member cannot be given B's custom role either.
    member = encode("User", (await api.new_org()).users["owner"].id)
    given = await api.data(
        """mutation($id: ID!) { memberRolesSet(input: {userId: $id, roles: ["b_only"]}) {
            member { roles } userErrors { code } } }""",
        {"id": member},
        token=a.token(),
    )
    assert given["memberRolesSet"]["member"] is None
    still = await api.data(
        "{ roles(first: 100) { nodes { name permissions { action } } } }", token=b.token()
    )
    assert {"name": "b_only", "permissions": [{"action": "read"}]} in still["roles"]["nodes"]
