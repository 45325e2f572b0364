"""docker/: the compose file, Dockerfile and .dockerignore, checked as data.

No Docker engine runs here, so the files are parsed (PyYAML) and their
promises checked: a pinned Neo4j minor, ports on loopback only, the Bolt
manifest and the Neo4j data on volumes, a `sparql` profile that runs
`kg serve`, an image that installs the declared dependencies and a build
context without .git, stores or venvs.
"""
from __future__ import annotations

import fnmatch
import re
import tomllib
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml")

REPO = Path(__file__).resolve().parents[1]
DOCKER = REPO / "docker"


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((DOCKER / "docker-compose.yml").read_text())


def test_neo4j_image_is_a_pinned_5x_minor(compose):
    image = compose["services"]["neo4j"]["image"]
    assert re.fullmatch(r"neo4j:5\.\d+(\.\d+)?-community", image), image  # not neo4j:5-community, not latest


def test_every_published_port_is_loopback(compose):
    ports = [p for svc in compose["services"].values() for p in svc.get("ports", [])]
    assert ports
    assert all(str(p).startswith("127.0.0.1:") for p in ports), ports


def _volume_targets(svc: dict) -> dict[str, str]:
    """container path -> source, from short-syntax volume entries."""
    out = {}
    for v in svc.get("volumes", []):
        src, dst = str(v).split(":")[:2]
        out[dst] = src
    return out


def test_bolt_manifest_and_neo4j_data_live_on_named_volumes(compose):
    named = set(compose.get("volumes") or {})
    app = compose["services"]["app"]
    state = app["environment"]["KG_STATE_DIR"]
    assert _volume_targets(app).get(state) in named, "the manifest of `run --rm app` must outlive the container"
    assert "bolt://" in " ".join(app["command"])
    assert _volume_targets(compose["services"]["neo4j"]).get("/data") in named


def test_sparql_profile_runs_kg_serve(compose):
    svc = compose["services"]["sparql"]
    assert svc["profiles"] == ["sparql"]
    cmd = " ".join(svc["command"])
    assert "kg serve" in cmd and "--store /store" in cmd and "--port 7878" in cmd
    assert "kg build" in cmd
    assert _volume_targets(svc).get("/store") in set(compose["volumes"])
    assert svc["ports"] == ["127.0.0.1:7878:7878"]


def test_image_installs_the_project_with_its_declared_dependencies():
    text = (DOCKER / "Dockerfile").read_text()
    base = re.search(r"^FROM python:(\d+)\.(\d+)", text, re.M)
    need = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["requires-python"]
    assert base and (int(base[1]), int(base[2])) >= tuple(int(x) for x in re.findall(r"\d+", need)[:2])
    assert re.search(r"pip install --no-cache-dir \.(\s|$)", text)
    for pkg in ("kg", "extractors", "ontology"):
        assert f"COPY {pkg} " in text
    deps = " ".join(tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"])
    assert "scipy" in deps and "pyvis" in deps and "oxigraph>=" in deps  # what the views and kg serve import


def _ignored(path: str, patterns: list[str]) -> bool:
    """Docker's rule, simplified: a pattern matches the path or one of its parents."""
    parts = path.split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    for pat in patterns:
        for pre in prefixes:
            if fnmatch.fnmatch(pre, pat) or (pat.startswith("**/") and fnmatch.fnmatch(pre.rsplit("/", 1)[-1], pat[3:])):
                return True
    return False


def test_dockerignore_keeps_git_stores_and_venvs_out():
    patterns = [ln.strip() for ln in (REPO / ".dockerignore").read_text().splitlines() if ln.strip() and not ln.startswith("#")]
    for path in (".git/HEAD", "kg-store/CURRENT", "kg-store/manifest.sqlite", "venv/bin/python", ".venv/bin/python",
                 "venv-fresh/bin/python", "kg/__pycache__/x.pyc", "mlkg.egg-info/PKG-INFO", "test-artifacts/a.png",
                 ".kg-manifest-0123.sqlite"):
        assert _ignored(path, patterns), path
    for path in ("pyproject.toml", "README.md", "kg/cli/serve.py", "extractors/models/ner/meta.json", "ontology/schema.ttl"):
        assert not _ignored(path, patterns), path
