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


def closed_port() -> int:
    """A loopback port nothing listens on (bound once, then released)."""
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    """Debian's headless chromium through selenium (skip when not installed)."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("needs /usr/bin/chromium and /usr/bin/chromedriver")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    opts = Options()
    opts.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,900",
                f"--user-data-dir={tmp_path_factory.mktemp('chrome-profile')}"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opts)
    yield drv
    drv.quit()
