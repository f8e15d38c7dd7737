"""The package's floor plan: imports point down the pipeline only, with no cycles."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "factcheck"

# Layers, bottom first: a module may import its own layer's modules and those below, never above.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("errors", "version"),
    ("settings", "records", "text", "boundaries", "files"),
    ("guard",),
    ("inputs",),
    ("analysis",),
    ("claims",),
    ("retrieval",),
    ("judging",),
    ("reports",),
    ("pipeline",),
    ("runs", "training", "analyst", "backends"),
    ("app",),
    ("terminal",),
    ("cli", "__init__"),
    ("__main__",),
)
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}

# Function-level imports allowed: optional or heavy third-party dependencies, never factcheck.
LAZY_OK = "factcheck"


def _modules() -> dict[str, Path]:
    return {".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts): path
            for path in PACKAGE.rglob("*.py")}


def _imports(path: Path) -> list[tuple[str, bool]]:
    """``(imported factcheck module, inside a function)`` for every import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, bool]] = []

    def visit(node: ast.AST, nested: bool, type_only: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = nested or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            guarded = type_only or (isinstance(child, ast.If)
                                    and "TYPE_CHECKING" in ast.unparse(child.test))
            if isinstance(child, ast.ImportFrom) and child.module and not guarded:
                if child.module.startswith("factcheck"):
                    found.append((child.module, inner))
                    found.extend((f"{child.module}.{a.name}", inner) for a in child.names)
            elif isinstance(child, ast.Import) and not guarded:
                found.extend((a.name, inner) for a in child.names if a.name.startswith("factcheck"))
            visit(child, inner, guarded)

    visit(tree, False, False)
    return found


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _edges() -> dict[str, set[str]]:
    modules = _modules()
    edges: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = {m for m, _ in _imports(path) if m in modules}
        edges[name] = targets - {name}
    return edges


@pytest.mark.parametrize("name", sorted(_modules()))
def test_imports_point_down_the_pipeline(name: str):
    here = _layer(name)
    assert here in RANK, f"{name}: add its folder to LAYERS"
    for target, _ in _imports(_modules()[name]):
        there = _layer(target)
        if there == here or target == "factcheck":
            continue
        assert RANK[there] < RANK[here] or here == "__init__", f"{name} imports {target} (above it)"


@pytest.mark.parametrize("name", sorted(_modules()))
def test_no_function_level_factcheck_imports(name: str):
    if _layer(name) in {"__init__", "cli"}:
        pytest.skip("the package root and the CLI import stages lazily to start fast")
    nested = sorted({m for m, inner in _imports(_modules()[name]) if inner})
    assert not nested, f"{name} imports {nested} inside a function"


def test_no_import_cycles():
    edges = _edges()
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt):] + [nxt]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)
