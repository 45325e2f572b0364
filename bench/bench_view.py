"""Benchmark ``kg view`` rendering on synthetic graphs (1k and 5k nodes).

Prints, per size: layout+HTML time in Python, page size, and the wall time
from ``driver.get`` until vis-network has drawn the network (its first
``afterDrawing`` event) in headless Debian chromium. Target: < 3 s at 5k nodes.

    python bench/bench_view.py [--sizes 1000,5000] [--screenshots DIR]
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.views.render import write_html  # noqa: E402

TYPES = ["Method", "Dataset", "Benchmark", "Metric", "Task"]
RELS = {"Method": "USES", "Dataset": "EVALUATES_ON", "Benchmark": "EVALUATES_ON", "Metric": "MEASURES", "Task": "ADDRESSES"}


def synthetic(n: int, seed: int = 42) -> nx.MultiDiGraph:
    """``n`` nodes: 40 % papers, 60 % entities with a long-tailed popularity;
    each paper links 2-5 entities (deterministic)."""
    rng = random.Random(seed)
    n_papers = int(n * 0.4)
    g = nx.MultiDiGraph()
    ents = []
    for i in range(n - n_papers):
        t = TYPES[i % len(TYPES)]
        key = f"e{i}"
        g.add_node(key, kind="entity", type=t, id=key, name=f"{t} {i}", aliases=[f"{t[:2].lower()}{i}"],
                   papers=0, evidence=[f"We evaluate {t} {i} against strong baselines in sentence {i}."])
        ents.append(key)
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(ents))]
    for p in range(n_papers):
        key = f"p{p}"
        g.add_node(key, kind="paper", type="Paper", id=key, name=f"Synthetic paper number {p} on things",
                   title=f"Synthetic paper number {p} on things", date="2024-01-01", aliases=[], papers=1, evidence=[])
        for e in set(rng.choices(ents, weights=weights, k=rng.randint(2, 5))):
            rel = "PROPOSES" if rng.random() < 0.05 else RELS[g.nodes[e]["type"]]
            g.add_edge(key, e, key=rel, type=rel, evidence=[f"Paper {p} {rel.lower()} {e}."], papers=1)
            g.nodes[e]["papers"] += 1
    for _ in range(n // 20):  # some entity-entity edges
        a, b = rng.sample(ents[:200], 2)
        g.add_edge(a, b, key="OUTPERFORMS", type="OUTPERFORMS", evidence=[], papers=1)
    return g


def driver(profile: str):
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    opts = Options()
    opts.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,900",
                f"--user-data-dir={profile}"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,5000")
    ap.add_argument("--screenshots", default=None, help="Directory for screenshots (optional).")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-view-"))
    drv = driver(str(tmp / "profile"))
    try:
        print(f"{'nodes':>6} {'edges':>6} {'python s':>9} {'size MB':>8} {'drawn s':>8} {'js errors':>9}")
        for n in (int(s) for s in args.sizes.split(",")):
            g = synthetic(n)
            t0 = time.perf_counter()
            path = write_html(g, tmp / f"view-{n}.html")
            py_s = time.perf_counter() - t0
            size = path.stat().st_size / 1e6
            t0 = time.perf_counter()
            drv.get(path.as_uri())  # returns after the load event (inline scripts have run)
            while not drv.execute_script("return window.kgDrawnAt != null"):
                if time.perf_counter() - t0 > 60:
                    raise SystemExit(f"{n}: not drawn after 60 s")
                time.sleep(0.02)
            drawn_s = time.perf_counter() - t0
            in_page = drv.execute_script("return [network.body.data.nodes.length, network.body.data.edges.length,"
                                         " window.kgDrawnAt]")
            errors = [e for e in drv.get_log("browser") if e["level"] == "SEVERE"]
            assert in_page[0] == g.number_of_nodes() and in_page[1] == g.number_of_edges(), in_page
            print(f"{n:>6} {g.number_of_edges():>6} {py_s:>9.2f} {size:>8.2f} {drawn_s:>8.2f} {len(errors):>9}"
                  f"   (performance.now() at first draw: {in_page[2] / 1000:.2f} s)")
            if args.screenshots:
                Path(args.screenshots).mkdir(parents=True, exist_ok=True)
                drv.save_screenshot(str(Path(args.screenshots) / f"bench-{n}.png"))
    finally:
        drv.quit()


if __name__ == "__main__":
    main()
