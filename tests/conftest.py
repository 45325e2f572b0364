"""Shared fixtures: paths to ../shared data and a built seeds store."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KG_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "seeds"
FIXTURES = REPO / "tests" / "fixtures"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seeds not found at {SEEDS}")
    return SEEDS


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory, seeds_dir):
    """The seeds built once into an embedded store (path, report)."""
    from kg.build import build
    from kg.stores import open_store

    path = tmp_path_factory.mktemp("seeds") / "store"
    store = open_store(str(path))
    report = build([str(seeds_dir)], store)
    store.close()
    return path, report


@pytest.fixture(scope="session")
def seed_papers(seeds_dir):
    """The seeds extracted once (list of PaperGraph)."""
    from kg.build import papers_from_inputs

    return list(papers_from_inputs([str(seeds_dir)]))
