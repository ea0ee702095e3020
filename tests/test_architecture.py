"""The shape of the package: the public names, the stages and the one-way flow between them."""

from __future__ import annotations

import ast
import types
from pathlib import Path

import trendkz

SRC = Path(trendkz.__file__).parent
# Each stage may import _core and the stages before it; the three analysis families
# (diff, terms, facts) meet only in report.
LAYERS = {
    "_core": 0,
    "load": 1,
    "segment": 2,
    "align": 3,
    "diff": 4,
    "terms": 4,
    "facts": 4,
    "datasets": 1.5,
    "report": 5,
    "__init__": 7,
    "__main__": 7,
}
SUBPACKAGES = {"_core", "load", "segment", "align", "diff", "terms", "facts", "report"}


def _modules() -> dict[str, Path]:
    out = {}
    for path in SRC.rglob("*.py"):
        parts = path.relative_to(SRC).with_suffix("").parts
        name = ".".join(parts[:-1]) if parts[-1] == "__init__" else ".".join(parts)
        out[name or "__init__"] = path
    return out


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Every trendkz module ``name`` imports, at the top or inside a function."""
    is_pkg = path.name == "__init__.py"
    package = name.split(".") if is_pkg else name.split(".")[:-1]
    if name == "__init__":
        package = []
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
            elif node.module and node.module.split(".")[0] == "trendkz":
                base, node.module = [], node.module.partition(".")[2] or None
            else:
                continue
            mod = ".".join(base + (node.module.split(".") if node.module else []))
            for alias in node.names:
                full = f"{mod}.{alias.name}" if mod else alias.name
                found.add(full if full in known else (mod or "__init__"))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("trendkz."):
                    found.add(alias.name.partition(".")[2])
    found.discard(name)
    return {m for m in found if m in known}


def _graph() -> dict[str, set[str]]:
    mods = _modules()
    return {name: _imports(name, path, set(mods)) for name, path in mods.items()}


def test_all_lists_every_public_name():
    public = {
        n
        for n, v in vars(trendkz).items()
        if not n.startswith("_") and not isinstance(v, types.ModuleType)
    }
    assert public == set(trendkz.__all__) - {"datasets", "lexicon", "__version__"}
    assert (
        trendkz.__all__ == sorted(trendkz.__all__, key=str.casefold)
        or sorted(trendkz.__all__) == trendkz.__all__
    )
    modules = {
        n
        for n, v in vars(trendkz).items()
        if not n.startswith("_") and isinstance(v, types.ModuleType)
    }
    assert modules == SUBPACKAGES - {"_core"} | {"datasets", "lexicon"}


def test_each_stage_exports_its_public_functions():
    import importlib

    for stage in SUBPACKAGES - {"_core"}:
        module = importlib.import_module(f"trendkz.{stage}")
        for name in module.__all__:
            assert getattr(trendkz, name) is getattr(module, name), (stage, name)


def test_flow_is_one_way():
    wrong = []
    for name, deps in _graph().items():
        mine = name.split(".")[0]
        for dep in deps:
            theirs = dep.split(".")[0]
            if theirs == mine:
                continue
            if LAYERS[theirs] >= LAYERS[mine]:
                wrong.append(f"{name} imports {dep}")
    assert wrong == []


def test_no_import_cycle_even_a_lazy_one():
    graph = _graph()
    state: dict[str, int] = {}
    cycles = []

    def visit(node, stack):
        state[node] = 1
        for dep in sorted(graph[node]):
            if state.get(dep) == 1:
                cycles.append(" -> ".join(stack[stack.index(dep) :] + [dep]))
            elif dep not in state:
                visit(dep, stack + [dep])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    # a package's __init__ importing its own modules is not a cycle of code
    cycles = [
        c
        for c in cycles
        if not all(p.split(".")[0] == c.split(".")[0] and "." not in p for p in c.split(" -> ")[:1])
    ]
    assert cycles == []


def test_modules_stay_small():
    big = {
        name: n
        for name, path in _modules().items()
        if (n := len(path.read_text("utf-8").splitlines())) > 420
    }
    assert big == {}
