"""Imports run one way (docs/decisions/package-layers.md).

Every module under server/ is parsed with `ast`; imports inside functions count like the
others. An import against the layering, a loop between packages, a domain or foundation
module importing the composition root or the GraphQL layer, and a model relation that
points up the layers all fail.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SERVER = ROOT / "server"
RECORD = ROOT / "docs" / "decisions" / "package-layers.md"

# Domain packages, lowest first: each imports only the packages before it and the foundation.
DOMAIN_LAYERS = (
    "events",
    "audit",
    "jobs",
    "live",
    "access",
    "identity",
    "crm",
    "ledger",
    "documents",
    "receivables",
    "payables",
    "email",
    "pdf",
    "portal",
    "onboarding",
    "webhooks",
)
# Wires everything together. Nothing else in server/, and nothing in schema/, imports it.
COMPOSITION_ROOT = (
    "app",
    "cli",
    "demo",
    "demo_documents",
    "audit_http",
    "background",
    "documents_http",
)
# Every other module or package directly under server/ is foundation.
FOUNDATION = "foundation"
GRAPHQL_LAYER = ("schema", "strawberry", "graphql")


@dataclass(frozen=True, slots=True)
class Import:
    where: str  # path:line
    target: str  # dotted name of the module (or module attribute) imported
    lazy: bool  # inside a function

    def __str__(self) -> str:
        return f"{self.where} imports {self.target}" + (" (inside a function)" if self.lazy else "")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(source: str, module: str, where: str, is_package: bool = False) -> Iterator[Import]:
    """Every import statement of a module, at any depth, with relative ones made absolute."""

    def visit(node: ast.AST, lazy: bool) -> Iterator[Import]:
        for child in ast.iter_child_nodes(node):
            inner = lazy or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.Import):
                for alias in child.names:
                    yield Import(f"{where}:{child.lineno}", alias.name, inner)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    package = module.split(".") if is_package else module.split(".")[:-1]
                    package = package[: len(package) - (child.level - 1)]
                    base = ".".join([*package, *([child.module] if child.module else [])])
                for alias in child.names:
                    # A module or a name in one: `from server import clock` is server.clock.
                    yield Import(f"{where}:{child.lineno}", f"{base}.{alias.name}", inner)
            yield from visit(child, inner)

    yield from visit(ast.parse(source), False)


def package_of(dotted: str) -> str | None:
    """The package directly under server/ that a dotted name belongs to."""
    parts = dotted.split(".")
    return parts[1] if parts[0] == "server" and len(parts) > 1 else None


def layer(package: str) -> int:
    """Foundation 0, domain packages 1.., the composition root above them all."""
    if package in COMPOSITION_ROOT:
        return len(DOMAIN_LAYERS) + 1
    if package in DOMAIN_LAYERS:
        return DOMAIN_LAYERS.index(package) + 1
    return 0


def layer_name(package: str) -> str:
    if package in COMPOSITION_ROOT:
        return "composition root"
    return package if package in DOMAIN_LAYERS else FOUNDATION


def source_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def server_imports() -> list[tuple[str, Import]]:
    """(importing package, import) for every import in server/."""
    found = []
    for path in source_files(SERVER):
        module = module_name(path)
        package = package_of(module)
        if package is None:
            continue  # server/__init__.py
        where = str(path.relative_to(ROOT))
        for imported in imports(path.read_text(), module, where, path.name == "__init__.py"):
            found.append((package, imported))
    return found


def package_edges() -> dict[str, dict[str, list[Import]]]:
    edges: dict[str, dict[str, list[Import]]] = {}
    for source, imported in server_imports():
        target = package_of(imported.target)
        if target is not None and target != source:
            edges.setdefault(source, {}).setdefault(target, []).append(imported)
    return edges


def loops(edges: dict[str, dict[str, list[Import]]]) -> list[list[str]]:
    """The strongly connected groups of more than one package (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(edges.get(node, {})):
            if other not in index:
                connect(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            connect(node)
    return found


def test_imports_point_down_the_layers() -> None:
    offenders = []
    for source, targets in package_edges().items():
        for target, found in targets.items():
            if source in COMPOSITION_ROOT or layer(source) == layer(target) == 0:
                continue  # the root wires anything; foundation modules use each other
            if layer(target) >= layer(source):
                offenders += [f"{i} ({layer_name(source)} -> {layer_name(target)})" for i in found]
    assert offenders == [], "\n".join(offenders)


def test_packages_do_not_import_each_other_in_a_loop() -> None:
    edges = package_edges()
    described = [
        f"{source} -> {target}: " + ", ".join(sorted({i.where for i in found}))
        for group in loops(edges)
        for source in group
        for target, found in sorted(edges.get(source, {}).items())
        if target in group
    ]
    assert loops(edges) == [], "\n".join(described)


def test_only_the_composition_root_imports_the_graphql_layer() -> None:
    offenders = [
        str(imported)
        for package, imported in server_imports()
        if package not in COMPOSITION_ROOT and imported.target.split(".")[0] in GRAPHQL_LAYER
    ]
    assert offenders == []


def test_schema_does_not_import_the_composition_root() -> None:
    offenders = []
    for path in source_files(ROOT / "schema"):
        where = str(path.relative_to(ROOT))
        is_package = path.name == "__init__.py"
        for imported in imports(path.read_text(), module_name(path), where, is_package):
            if package_of(imported.target) in COMPOSITION_ROOT:
                offenders.append(str(imported))
    assert offenders == []


def _model_classes() -> dict[str, str]:
    """Model class name -> the package whose models.py defines it."""
    owners = {}
    for path in sorted(SERVER.glob("*/models.py")):
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.ClassDef):
                owners[node.name] = path.parent.name
    return owners


def test_model_relations_point_down_the_layers() -> None:
    """`ForeignKeyField("models.Account")` depends on the ledger as an import would."""
    owners = _model_classes()
    offenders = []
    for path in sorted(SERVER.glob("*/models.py")):
        source = path.parent.name
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
                continue
            named = re.fullmatch(r"models\.(\w+)", node.value)
            target = owners.get(named.group(1)) if named else None
            if target is not None and target != source and layer(target) >= layer(source):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} -> {node.value}")
    assert offenders == []


def test_the_decision_record_lists_the_layers() -> None:
    rows = [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in RECORD.read_text().splitlines()
        if re.match(r"\| (\d+|root) \|", line)
    ]
    domains = tuple(row[1].strip("`") for row in rows if row[0].isdigit())
    root = next(row[1] for row in rows if row[0] == "root")
    assert domains == DOMAIN_LAYERS
    assert tuple(re.findall(r"`(\w+)`", root)) == COMPOSITION_ROOT
    assert [int(row[0]) for row in rows if row[0].isdigit()] == list(
        range(1, len(DOMAIN_LAYERS) + 1)
    )


def test_the_checker_sees_lazy_relative_and_package_imports() -> None:
    source = (
        "from server import clock\n"
        "from server.ledger import posting\n"
        "from . import chart\n"
        "from ..crm.models import Customer\n"
        "import server.audit.log\n"
        "def f():\n"
        "    from server.app import create_app\n"
        "class C:\n"
        "    async def m(self):\n"
        "        import schema.app\n"
    )
    found = list(imports(source, "server.ledger.manual", "m.py"))
    assert [(i.target, i.lazy) for i in found] == [
        ("server.clock", False),
        ("server.ledger.posting", False),
        ("server.ledger.chart", False),
        ("server.crm.models.Customer", False),
        ("server.audit.log", False),
        ("server.app.create_app", True),
        ("schema.app", True),
    ]
    assert [package_of(i.target) for i in found[:6]] == [
        "clock",
        "ledger",
        "ledger",
        "crm",
        "audit",
        "app",
    ]


def test_a_loop_between_packages_is_found() -> None:
    edge = [Import("x.py:1", "server.b", False)]
    assert loops({"a": {"b": edge}, "b": {"c": edge}, "c": {"a": edge}, "d": {"a": edge}}) == [
        ["a", "b", "c"]
    ]
    assert loops({"a": {"b": edge}, "b": {"c": edge}}) == []
