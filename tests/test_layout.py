"""The package's layout is the pipeline: no import loops, each stage imports only the stages
before it (and the shared base), and no module outgrows the ~500-line guide.

Read with the standard library's ``ast``: every import counts, the ones inside functions too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "cleaner"
MAX_MODULE_LINES = 500

# Stages in pipeline order, each a module prefix; a module may import its own stage and those
# listed before it. The base modules are below every stage.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("cleaner.errors", "cleaner.result", "cleaner.shape", "cleaner.markdown", "cleaner.textutil", "cleaner.lexicon",
     "cleaner.prefilter", "cleaner.fastxpath", "cleaner.language"),
    ("cleaner.decode",),
    ("cleaner.engines",),
    ("cleaner.segment",),
    ("cleaner.rules",),
    ("cleaner.model",),
    ("cleaner.assemble",),
    ("cleaner.pipeline",),
    ("cleaner",),  # the public API (cleaner/__init__.py)
    ("cleaner.batch", "cleaner.integrations", "cleaner.distributed", "cleaner.evaluate", "cleaner.cli",
     "cleaner.__main__", "cleaner.report", "cleaner.review"),
)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str) -> set[str]:
    """The package modules a module imports (``from pkg import sub`` counts as the submodule)."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in MODULES)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in MODULES else target)
    return {m for m in found if m in MODULES and m != name}


GRAPH = {name: imports_of(name) for name in MODULES}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def layer_of(name: str) -> int:
    """The stage of a module: the longest matching prefix decides ("cleaner" is the API only)."""
    best, depth = -1, -1
    for i, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            matches = name == prefix if prefix == "cleaner" else name == prefix or name.startswith(prefix + ".")
            if matches and len(prefix) > depth:
                best, depth = i, len(prefix)
    return best


def test_the_import_graph_has_no_loop():
    assert cycles(GRAPH) == []


def test_the_loop_finder_finds_a_loop():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_every_module_belongs_to_a_stage():
    assert [name for name in MODULES if layer_of(name) < 0] == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_a_stage_imports_only_itself_and_the_stages_before_it(name):
    later = sorted(m for m in GRAPH[name] if layer_of(m) > layer_of(name))
    assert later == [], f"{name} (stage {layer_of(name)}) imports later stages: {later}"


def test_stages_are_read_in_pipeline_order():
    order = ["cleaner.decode", "cleaner.segment.html", "cleaner.segment.fallback.posts", "cleaner.rules.lines",
             "cleaner.model.estimator", "cleaner.assemble", "cleaner.pipeline"]
    assert [layer_of(m) for m in order] == sorted(layer_of(m) for m in order)
    assert layer_of("cleaner.segment.html") == layer_of("cleaner.segment.fallback.posts")


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_outgrows_the_line_guide(name):
    lines = len(MODULES[name].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{MODULES[name]} has {lines} lines"


def test_the_public_import_paths_stay():
    import cleaner
    from cleaner import errors
    from cleaner.batch import cluster
    from cleaner.integrations import scrapy as scrapy_integration

    import cleaner.distributed as alias

    assert {"clean", "Cleaner", "CleanResult"} <= set(cleaner.__all__)
    assert issubclass(errors.ParseError, errors.CleanError)
    assert alias.clean_files is cluster.clean_files and alias.clean_bag is cluster.clean_bag
    assert scrapy_integration.ForumCleanerPipeline.__name__ == "ForumCleanerPipeline"
