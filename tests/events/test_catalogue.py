"""The event catalogue covers every audited action, and the actions it names exist.

The actions are collected from the source: every call of `audit.record`, `audit.record_alone`
and `audit.event_fields` in server/ and schema/, with its action resolved from a literal, a
module constant, the values passed for a parameter, or an f-string over known values. A call
whose action cannot be resolved fails the test, so the scan cannot quietly miss one.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from server.crm.models import Customer, Vendor
from server.crm.parties import kind_of
from server.events.catalogue import BY_ACTION, CATALOGUE, NOT_EVENTS
from server.events.outbox import UnknownAction, outgoing

ROOT = Path(__file__).resolve().parents[2]
WRITERS = ("record", "record_alone", "event_fields")
# Values of the names an action's f-string is built from.
PLACEHOLDERS = {"kind": {kind_of(Customer), kind_of(Vendor)}}


@dataclass(frozen=True)
class Call:
    where: str
    action: ast.expr
    function: ast.FunctionDef | ast.AsyncFunctionDef | None
    module: ast.Module


def _sources() -> Iterator[tuple[str, ast.Module]]:
    for folder in ("server", "schema"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            yield str(path.relative_to(ROOT)), ast.parse(path.read_text())


def _calls() -> Iterator[Call]:
    """Every call that writes an audit event, with the function it is made in."""
    for where, module in _sources():
        functions = [
            n for n in ast.walk(module) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
        ]
        for node in ast.walk(module):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "audit"
                and node.func.attr in WRITERS
            ):
                continue
            inside = [f for f in functions if f.lineno <= node.lineno <= (f.end_lineno or 0)]
            function = max(inside, key=lambda f: f.lineno) if inside else None
            yield Call(f"{where}:{node.lineno}", node.args[1], function, module)


def _passed_for(parameter: str) -> set[str]:
    """String literals passed anywhere as `parameter=...`."""
    return {
        keyword.value.value
        for _, module in _sources()
        for node in ast.walk(module)
        if isinstance(node, ast.Call)
        for keyword in node.keywords
        if keyword.arg == parameter
        and isinstance(keyword.value, ast.Constant)
        and isinstance(keyword.value.value, str)
    }


def _resolve(call: Call) -> set[str]:
    expr = call.action
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return {expr.value}
    if isinstance(expr, ast.JoinedStr):
        texts = {""}
        for part in expr.values:
            if isinstance(part, ast.Constant):
                texts = {t + str(part.value) for t in texts}
            elif isinstance(part, ast.FormattedValue) and isinstance(part.value, ast.Name):
                values = PLACEHOLDERS.get(part.value.id)
                if values is None:
                    raise AssertionError(f"{call.where}: unknown placeholder {part.value.id}")
                texts = {t + v for t in texts for v in values}
            else:
                raise AssertionError(f"{call.where}: cannot resolve {ast.unparse(expr)}")
        return texts
    if isinstance(expr, ast.Name):
        for node in call.module.body:
            if (
                isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == expr.id for t in node.targets)
                and isinstance(node.value, ast.Constant)
            ):
                return {node.value.value}
        if call.function is not None:
            args = call.function.args
            params = [*args.posonlyargs, *args.args, *args.kwonlyargs]
            defaults = dict(
                zip([a.arg for a in args.kwonlyargs], args.kw_defaults, strict=True)
            ) | dict(zip([a.arg for a in args.args][::-1], args.defaults[::-1], strict=False))
            if expr.id in {p.arg for p in params}:
                found = _passed_for(expr.id)
                default = defaults.get(expr.id)
                if isinstance(default, ast.Constant) and isinstance(default.value, str):
                    found.add(default.value)
                if found:
                    return found
    raise AssertionError(f"{call.where}: cannot tell which action {ast.unparse(expr)} is")


def written_actions() -> dict[str, list[str]]:
    """Every audited action, with where it is written."""
    actions: dict[str, list[str]] = {}
    for call in _calls():
        for action in _resolve(call):
            actions.setdefault(action, []).append(call.where)
    return actions


def test_every_audited_action_has_an_event_type_or_a_reason_for_none() -> None:
    actions = written_actions()
    assert len(actions) > 60  # the scan found the writers
    missing = {a: w for a, w in actions.items() if a not in BY_ACTION and a not in NOT_EVENTS}
    assert missing == {}


def test_the_catalogue_names_only_actions_that_are_written() -> None:
    written = written_actions().keys()
    assert sorted(BY_ACTION.keys() - written) == []
    assert sorted(NOT_EVENTS.keys() - written) == []


def test_the_scan_resolves_parameters_constants_and_f_strings() -> None:
    actions = written_actions()
    # A parameter: refund_credit(operation=...); a module constant: bill_approval.APPROVE_OPERATION;
    # a default: posting.post(operation="journal_entry.post"); an f-string: parties.
    for action in ("payment.refund", "credit_note.refund", "bill.approve", "customer.update"):
        assert action in actions
    assert any(w.startswith("server/ledger/posting.py") for w in actions["journal_entry.post"])


def test_event_type_names_are_past_tense_and_versioned() -> None:
    for event_type in CATALOGUE:
        noun, _, verb = event_type.name.partition(".")
        assert noun and verb, event_type.name
        past = [w for w in verb.split("_") if w.endswith("ed") or w in ("set", "sent", "written")]
        assert past, event_type.name
        assert event_type.version >= 1
        assert event_type.fields, f"{event_type.name} declares no payload field"


def test_an_action_in_neither_list_is_refused_when_written() -> None:
    fields = {
        "action": "invoice.teleport",
        "outcome": "SUCCESS",
        "organization_id": "00000000-0000-0000-0000-000000000001",
    }
    with pytest.raises(UnknownAction):
        outgoing(fields)


@pytest.mark.parametrize("outcome", ["FAILURE", "DENIED"])
def test_a_failed_or_denied_change_writes_no_event(outcome: str) -> None:
    fields = {
        "action": "invoice.issue",
        "outcome": outcome,
        "organization_id": "00000000-0000-0000-0000-000000000001",
    }
    assert outgoing(fields) is None
