"""Every Node type, through every root field that fetches one by id and through node and
nodes, answers for another organization's object exactly as for a missing one.

Generated from the schema: a new Node type or a new by-id root field is covered without
editing this file, and a Node type without a factory below fails the test until one is added.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from graphql import GraphQLNonNull, GraphQLObjectType, GraphQLSchema, get_named_type

from schema import build_schema
from schema.ids import encode
from server.jobs import enqueue
from server.settings import Settings
from tests.documents.helpers import ITEM_CREATE, mutate, new_tax_rate, new_terms
from tests.jobs import handlers as _job_handlers  # noqa: F401  (registers test.work)
from tests.ledger.helpers import CREATE as ENTRY_CREATE
from tests.ledger.helpers import account_ids, line
from tests.payables.helpers import Books
from tests.payables.test_purchase_orders import _order
from tests.receivables.helpers import customer, issued_invoice, record_payment
from tests.receivables.test_credit_notes import _credit_note
from tests.receivables.test_reminders import OPEN_DISPUTE, _record
from tests.support import Api, Org


@dataclass
class World:
    """Organization B with objects made through the API, and ids kept by type name."""

    api: Api
    b: Org
    ids: dict[str, str] = field(default_factory=dict)

    async def get(self, type_name: str) -> str:
        """The id of B's object of that type, made on first use."""
        if type_name not in self.ids:
            self.ids[type_name] = await FACTORIES[type_name](self)
        return self.ids[type_name]

    async def one(self, query: str, variables: dict[str, Any] | None = None) -> Any:
        data = await self.api.data(query, variables, token=self.b.token())
        (payload,) = data.values()
        assert not payload.get("userErrors"), payload
        return payload


Factory = Callable[[World], Awaitable[str]]


async def _customer(w: World) -> str:
    return await customer(w.api, w.b, "B customer")


async def _customer_note(w: World) -> str:
    payload = await w.one(
        """mutation($id: ID!) { customerNoteAdd(input: {customerId: $id, body: "private"}) {
            note { id } userErrors { code } } }""",
        {"id": await w.get("Customer")},
    )
    return str(payload["note"]["id"])


async def _vendor(w: World) -> str:
    payload = await w.one('mutation { vendorCreate(input: {name: "B vendor"}) { vendor { id } } }')
    return str(payload["vendor"]["id"])


async def _account(w: World) -> str:
    return (await account_ids(w.api, w.b))["1010"]


async def _tracking(w: World) -> str:
    payload = await w.one(
        """mutation { trackingCategoryCreate(name: "Region", options: ["North"]) {
            trackingCategory { id options { id } } userErrors { code } } }"""
    )
    w.ids["TrackingOption"] = payload["trackingCategory"]["options"][0]["id"]
    return str(payload["trackingCategory"]["id"])


async def _tracking_option(w: World) -> str:
    await w.get("TrackingCategory")
    return w.ids["TrackingOption"]


async def _journal_entry(w: World) -> str:
    accounts = await account_ids(w.api, w.b)
    lines = [line(accounts["1010"], "DEBIT", "7.00"), line(accounts["4100"], "CREDIT", "7.00")]
    payload = await w.one(ENTRY_CREATE, {"input": {"date": "2026-05-01", "lines": lines}})
    return str(payload["journalEntry"]["id"])


async def _invoice(w: World) -> str:
    invoice = await issued_invoice(w.api, w.b, await w.get("Customer"), "100.00")
    return str(invoice["id"])


async def _payment(w: World) -> str:
    paid = await record_payment(
        w.api,
        w.b,
        await w.get("Customer"),
        "10.00",
        [{"invoiceId": await w.get("Invoice"), "amount": "10.00"}],
    )
    assert paid["userErrors"] == [], paid
    return str(paid["payment"]["id"])


async def _allocation(w: World) -> str:
    data = await w.api.data(
        "query($id: ID!) { payment(id: $id) { allocations { id } } }",
        {"id": await w.get("Payment")},
        token=w.b.token(),
    )
    return str(data["payment"]["allocations"][0]["id"])


async def _credit_note_(w: World) -> str:
    note = await _credit_note(w.api, w.b, await w.get("Customer"), "5.00")
    return str(note["id"])


async def _dispute(w: World) -> str:
    payload = await w.one(
        OPEN_DISPUTE,
        {"input": {"invoiceId": await w.get("Invoice"), "reason": "PRICING", "date": "2026-03-05"}},
    )
    return str(payload["dispute"]["id"])


async def _reminder(w: World) -> str:
    invoice = await issued_invoice(w.api, w.b, await w.get("Customer"), "20.00")
    payload = await _record(w.api, w.b, invoice["id"], "2026-06-01")
    assert payload["userErrors"] == [], payload
    return str(payload["reminder"]["id"])


async def _item(w: World) -> str:
    payload = await mutate(w.api, w.b, ITEM_CREATE, name="B item")
    assert payload["userErrors"] == [], payload
    return str(payload["item"]["id"])


async def _tax_rate(w: World) -> str:
    return str((await new_tax_rate(w.api, w.b))["id"])


async def _terms(w: World) -> str:
    return str((await new_terms(w.api, w.b))["id"])


async def _books(w: World) -> Books:
    return Books(w.api, w.b, await account_ids(w.api, w.b), await w.get("Vendor"))


async def _bill(w: World) -> str:
    return str((await (await _books(w)).approved("B-1", "50.00"))["id"])


async def _bill_payment(w: World) -> str:
    books = await _books(w)
    paid = await books.pay("5.00", [(await w.get("Bill"), "5.00")])
    assert paid["userErrors"] == [], paid
    return str(paid["billPayment"]["id"])


async def _purchase_order(w: World) -> str:
    return str((await _order(await _books(w)))["id"])


async def _organization(w: World) -> str:
    return w.b.global_id


async def _user(w: World) -> str:
    return encode("User", w.b.users["viewer"].id)


async def _event(w: World) -> str:
    data = await w.api.data("{ events(first: 1) { nodes { id } } }", token=w.b.token())
    return str(data["events"]["nodes"][0]["id"])


async def _job(w: World) -> str:
    job = await enqueue("test.work", {}, organization_id=w.b.id)
    assert job is not None
    return encode("Job", job.id)


# One way to make an object of each Node type in organization B, by type name.
async def _email_delivery(w: World) -> str:
    await w.one(
        """mutation { emailSettingsSet(input: {host: "127.0.0.1", port: 25, security: NONE,
            fromAddress: "b@ledgerline.test"}) { userErrors { code } } }"""
    )
    payload = await w.one(
        """mutation($id: ID!) { invoiceSend(input: {id: $id, to: "b@customer.test"}) {
            delivery { id } userErrors { code } } }""",
        {"id": await w.get("Invoice")},
    )
    return str(payload["delivery"]["id"])


FACTORIES: dict[str, Factory] = {
    "Account": _account,
    "Allocation": _allocation,
    "Bill": _bill,
    "BillPayment": _bill_payment,
    "CreditNote": _credit_note_,
    "Customer": _customer,
    "CustomerNote": _customer_note,
    "Dispute": _dispute,
    "EmailDelivery": _email_delivery,
    "Event": _event,
    "Invoice": _invoice,
    "Job": _job,
    "InvoiceReminder": _reminder,
    "Item": _item,
    "JournalEntry": _journal_entry,
    "Organization": _organization,
    "Payment": _payment,
    "PaymentTerms": _terms,
    "PurchaseOrder": _purchase_order,
    "TaxRate": _tax_rate,
    "TrackingCategory": _tracking,
    "TrackingOption": _tracking_option,
    "User": _user,
    "Vendor": _vendor,
}


def _graphql(settings: Settings) -> GraphQLSchema:
    return build_schema(settings)._schema


def node_types(schema: GraphQLSchema) -> list[str]:
    node = schema.get_type("Node")
    return sorted(
        name
        for name, t in schema.type_map.items()
        if isinstance(t, GraphQLObjectType) and node in t.interfaces
    )


def by_id_fields(schema: GraphQLSchema) -> dict[str, list[str]]:
    """Root query fields taking one required `id` and returning one Node, by type name."""
    query = schema.query_type
    assert query is not None
    found: dict[str, list[str]] = {}
    nodes = set(node_types(schema))
    for name, root in query.fields.items():
        required = [a for a, arg in root.args.items() if isinstance(arg.type, GraphQLNonNull)]
        returned = get_named_type(root.type)
        if required == ["id"] and returned is not None and returned.name in nodes:
            found.setdefault(returned.name, []).append(name)
    return found


def test_every_node_type_has_a_factory(settings: Settings) -> None:
    assert sorted(FACTORIES) == node_types(_graphql(settings))


def test_by_id_fields_are_found_for_the_documents(settings: Settings) -> None:
    fields = by_id_fields(_graphql(settings))
    assert fields["PurchaseOrder"] == ["purchaseOrder"]
    assert {"Invoice", "Bill", "Customer", "Vendor", "Payment"} <= set(fields)


async def test_another_organizations_object_answers_as_missing_by_every_id_path(
    api: Api, settings: Settings
) -> None:
    schema = _graphql(settings)
    a = await api.new_org()
    world = World(api, await api.new_org("viewer", "ap_clerk", "approver", separate_duties=False))
    fields = by_id_fields(schema)
    leaks: list[str] = []
    for type_name in node_types(schema):
        theirs = await world.get(type_name)
        for root in fields.get(type_name, []):
            query = f"query($id: ID!) {{ {root}(id: $id) {{ id }} }}"
            own = await api.data(query, {"id": theirs}, token=world.b.token())
            assert own[root] == {"id": theirs}, (root, own)  # the id is real
            leaks += _leaks(root, await api.gql(query, {"id": theirs}, token=a.token()), root)
        node = "query($id: ID!) { node(id: $id) { id } }"
        own = await api.data(node, {"id": theirs}, token=world.b.token())
        assert own["node"] == {"id": theirs} or type_name in _NOT_NODES_FOR_OWNER, (type_name, own)
        leaks += _leaks(f"node {type_name}", await api.gql(node, {"id": theirs}, token=a.token()))
        many = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }"
        answer = await api.gql(many, {"ids": [theirs]}, token=a.token())
        if answer.get("data") and answer["data"]["nodes"] != [None]:
            leaks.append(f"nodes {type_name}: {answer}")
    assert leaks == []


# Node types that even their own organization's owner does not read through `node`:
# users are visible through what references them (members, creators), not by id.
_NOT_NODES_FOR_OWNER = {"User"}


def _leaks(path: str, answer: dict[str, Any], root: str = "node") -> list[str]:
    """What the outsider got beyond null (with NOT_FOUND at most)."""
    data = answer.get("data") or {}
    codes = {e.get("extensions", {}).get("code") for e in answer.get("errors") or []}
    if data.get(root) is not None or not codes <= {"NOT_FOUND"}:
        return [f"{path}: {answer}"]
    return []
