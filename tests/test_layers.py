"""The layers of quotebank, read from the imports in its source.

A module imports only from its own layer or the layers below it, and never a private (``_name``) name of another
module. Every import counts: at the top of a file or inside a function (the lazy ones too), relative or absolute.
Modules are mapped to layers by their first name under ``quotebank``, so ``quotebank.bank.store`` is in the layer of
``bank`` and a new module of a package lands in its layer without a change here.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path

import attrs

import quotebank

# Lowest first. A module may import from its own layer and from any layer before it.
LAYERS: tuple[tuple[str, frozenset[str]], ...] = (
    ("data model and word lists", frozenset({"model", "errors", "lexicons", "syntax", "textnorm"})),
    ("text-level detection", frozenset({"detect", "marks", "transcript"})),
    (
        "Doc analysis",
        frozenset(
            {
                "attribute",
                "indirect",
                "coref",
                "entity",
                "headline_names",
                "classify",
                "channel",
                "roles",
                "paragraphs",
                "tokenizer",
                "fastpipes",
            }
        ),
    ),
    ("the spaCy component", frozenset({"component", "pipeline"})),
    ("corpus streaming", frozenset({"api", "batch", "corpus", "dask"})),
    ("the bank", frozenset({"bank", "linking"})),
    ("CLI and display", frozenset({"cli", "display", "__main__", "__init__"})),
)

# Imports that break the layering today, as (importing unit, imported unit). Each names who removes it; the list
# only shrinks (test_known_exceptions_still_occur fails on an entry nothing needs any more).
KNOWN_UPWARD: frozenset[tuple[str, str]] = frozenset(
    {
        # QuoteBank._repr_html_ renders through display; the bank helper (bank/ package, issue #14) moves it out.
        ("bank", "display"),
    }
)

# Private names one module takes from another today, as (importing unit, name).
KNOWN_PRIVATE: frozenset[tuple[str, str]] = frozenset()


MAX_LINES = 500
# Modules longer than that today, each with who splits it (issue #14); a module that was split simply drops out.
KNOWN_LONG: frozenset[str] = frozenset(
    {
        "fastpipes.py",  # two drop-in spaCy components with their tables, just over the limit
    }
)


@attrs.frozen(kw_only=True)
class Import:
    """One name (or module) a module imports, or a private attribute it reads off another module's object."""

    module: str
    target: str
    name: str | None
    line: int


def package_modules(root: Path, package: str) -> dict[str, Path]:
    """Every module of the package under ``root`` by dotted name (a package is its ``__init__``)."""
    modules = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def _resolve(module: str, is_package: bool, level: int, target: str | None) -> str:
    """The absolute name of a relative import's module."""
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join([*base, target] if target else base)


def imports_of(root: Path, package: str) -> list[Import]:
    """Every import of a module of the package inside the package, and every private attribute one module reads
    that another module of the package defines."""
    modules = package_modules(root, package)
    private_homes: dict[str, set[str]] = {}
    trees = {}
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        trees[module] = tree
        for node in ast.walk(tree):
            name = None
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                name = node.name
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                name = node.id
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                name = node.attr
            if name is not None and _private(name):
                private_homes.setdefault(name, set()).add(module)
    found: list[Import] = []
    for module, tree in trees.items():
        is_package = modules[module].name == "__init__.py"
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found += [
                    Import(module=module, target=a.name, name=None, line=node.lineno)
                    for a in node.names
                    if a.name == package or a.name.startswith(package + ".")
                ]
            elif isinstance(node, ast.ImportFrom):
                source = node.module if node.level == 0 else _resolve(module, is_package, node.level, node.module)
                if source is None or not (source == package or source.startswith(package + ".")):
                    continue
                for alias in node.names:
                    submodule = f"{source}.{alias.name}"
                    if submodule in modules:
                        found.append(Import(module=module, target=submodule, name=None, line=node.lineno))
                    else:
                        found.append(Import(module=module, target=source, name=alias.name, line=node.lineno))
            elif isinstance(node, ast.Attribute) and _private(node.attr):
                owner = node.value
                if isinstance(owner, ast.Name) and owner.id in ("self", "cls"):
                    continue
                homes = private_homes.get(node.attr, set())
                if homes and module not in homes:
                    found += [Import(module=module, target=h, name=node.attr, line=node.lineno) for h in sorted(homes)]
    return found


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__") and name != "_"


def unit_of(module: str, package: str) -> str:
    """The first name under the package (``quotebank.bank.store`` -> ``bank``); the package itself is ``__init__``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def layer_of(unit: str, layers: Iterable[tuple[str, frozenset[str]]]) -> int:
    for n, (_, units) in enumerate(layers):
        if unit in units:
            return n
    raise LookupError(f"{unit!r} is in no layer: add it to LAYERS")


def upward_imports(
    imports: Iterable[Import], package: str, layers: tuple[tuple[str, frozenset[str]], ...]
) -> dict[tuple[str, str], list[Import]]:
    """Imports from a higher layer, by (importing unit, imported unit)."""
    out: dict[tuple[str, str], list[Import]] = {}
    for imp in imports:
        unit, target = unit_of(imp.module, package), unit_of(imp.target, package)
        if layer_of(target, layers) > layer_of(unit, layers):
            out.setdefault((unit, target), []).append(imp)
    return out


def private_imports(imports: Iterable[Import], package: str) -> dict[tuple[str, str], list[Import]]:
    """Private names taken from another module, by (importing unit, name)."""
    out: dict[tuple[str, str], list[Import]] = {}
    for imp in imports:
        if imp.name is not None and _private(imp.name) and imp.target != imp.module:
            out.setdefault((unit_of(imp.module, package), imp.name), []).append(imp)
    return out


def _describe(found: Mapping[tuple[str, str], list[Import]]) -> str:
    return "; ".join(
        f"{imp.module}:{imp.line} -> {imp.target}{'.' + imp.name if imp.name else ''}"
        for imports in found.values()
        for imp in imports
    )


ROOT = Path(quotebank.__file__).parent


def _source_imports() -> list[Import]:
    return imports_of(ROOT, "quotebank")


def test_every_module_has_a_layer() -> None:
    for module in package_modules(ROOT, "quotebank"):
        layer_of(unit_of(module, "quotebank"), LAYERS)


def test_modules_import_only_their_own_layer_or_below() -> None:
    found = upward_imports(_source_imports(), "quotebank", LAYERS)
    new = {key: imps for key, imps in found.items() if key not in KNOWN_UPWARD}
    assert not new, f"imports from a higher layer: {_describe(new)}"


def test_no_module_imports_another_modules_private_names() -> None:
    found = private_imports(_source_imports(), "quotebank")
    new = {key: imps for key, imps in found.items() if key not in KNOWN_PRIVATE}
    assert not new, f"private names of another module: {_describe(new)}"


def test_no_module_is_much_longer_than_a_reader_can_hold() -> None:
    long = {
        path.relative_to(ROOT).as_posix(): n
        for path in ROOT.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    new = {name: n for name, n in long.items() if name not in KNOWN_LONG}
    assert not new, f"modules over {MAX_LINES} lines: {new}"


def test_known_exceptions_still_occur() -> None:
    imports = _source_imports()
    stale = (KNOWN_UPWARD - upward_imports(imports, "quotebank", LAYERS).keys()) | (
        KNOWN_PRIVATE - private_imports(imports, "quotebank").keys()
    )
    assert not stale, f"fixed, so remove from the known exceptions: {sorted(stale)}"


def _write(root: Path, files: Mapping[str, str]) -> Path:
    package = root / "pkg"
    for name, source in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    return package


SYNTHETIC_LAYERS = (
    ("bottom", frozenset({"model"})),
    ("middle", frozenset({"detect", "attribute"})),
    ("top", frozenset({"cli", "__init__"})),
)


def test_the_checker_finds_upward_lazy_absolute_and_private_imports(tmp_path: Path) -> None:
    package = _write(
        tmp_path,
        {
            "__init__.py": "from .cli import main\n",
            "model.py": "def _helper():\n    return 1\n\nclass Index:\n    def _is_media(self):\n        return 0\n",
            "cli.py": "from . import detect\n\ndef main():\n    return detect\n",
            "detect.py": (
                "from .model import _helper\n"  # private name
                "import pkg.model\n"  # absolute, allowed
                "def run():\n"
                "    from .cli import main\n"  # lazy and upward
                "    return main\n"
            ),
            "attribute/__init__.py": "from .speakers import speak\n",
            "attribute/speakers.py": (
                "from ..model import Index\n"
                "import pkg.cli as cli\n"  # absolute and upward
                "def speak(index: Index):\n"
                "    return index._is_media()\n"  # another module's private method
            ),
        },
    )
    imports = imports_of(package, "pkg")
    upward = upward_imports(imports, "pkg", SYNTHETIC_LAYERS)
    assert sorted(upward) == [("attribute", "cli"), ("detect", "cli")]
    assert [i.line for i in upward["detect", "cli"]] == [4]
    assert sorted(private_imports(imports, "pkg")) == [("attribute", "_is_media"), ("detect", "_helper")]
    # A package's own submodules and the package above them are found through relative imports.
    assert Import(module="pkg.attribute", target="pkg.attribute.speakers", name="speak", line=1) in imports
    assert Import(module="pkg.cli", target="pkg.detect", name=None, line=1) in imports


def test_the_checker_passes_a_clean_package(tmp_path: Path) -> None:
    package = _write(
        tmp_path,
        {
            "__init__.py": "from .cli import main as main\n",
            "model.py": "class Index:\n    def _key(self):\n        return self._other()\n",
            "detect.py": "from .model import Index\n",
            "cli.py": "from .detect import Index as _Index\n\ndef main():\n    return _Index\n",
        },
    )
    imports = imports_of(package, "pkg")
    assert not upward_imports(imports, "pkg", SYNTHETIC_LAYERS)
    assert not private_imports(imports, "pkg")


def test_the_architecture_page_shows_the_same_layers() -> None:
    page = (ROOT.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(): line for line in page.splitlines() if line.startswith("| ")}
    for name, units in LAYERS:
        assert name in rows, f"docs/architecture.md has no row for the layer {name!r}"
        missing = [u for u in units if not u.startswith("__") and f"`{u}`" not in rows[name]]
        assert not missing, f"docs/architecture.md does not list {missing} under {name!r}"
