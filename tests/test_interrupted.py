"""Hardening: a build killed mid-way (SIGKILL) and run again gives the same
graph as an uninterrupted build; two builds into one embedded store at once:
the second refuses cleanly and the first is unharmed.

The corpus is generated: 600 JSONL abstracts made by recombining the
sentences of the seed abstracts (deterministic), so the build writes several
batches (the build writes 256 papers per batch) and a kill can land after the
first one. The kill is timed by polling the store's manifest (a SQLite file
beside the store) until at least one batch of papers is recorded.
"""
from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
N_PAPERS = 600
N_PAPERS_BOLT = 400
WRITE_BATCH = 256  # kg.build.build(write_batch=...) default; the CLI has no option for it


def make_corpus(seeds: Path, out: Path, n: int, seed: int = 1) -> Path:
    """``n`` papers whose abstracts are 3-6 seed sentences, recombined."""
    from kg.sources import read_records

    sentences: list[str] = []
    for rec in read_records(str(seeds), on_error=lambda e: None):
        sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", rec.abstract) if len(s.split()) >= 6]
    rng = random.Random(seed)
    words = sorted({w for s in sentences for w in re.findall(r"[A-Za-z]{5,}", s)})
    with open(out, "w", encoding="utf-8") as fh:
        for i in range(n):
            title = f"{rng.choice(words).title()} {rng.choice(words)} for {rng.choice(words)} (study {i})"
            abstract = " ".join(rng.sample(sentences, rng.randint(3, 6)))
            fh.write(json.dumps({"id": f"gen-{i}", "title": title, "abstract": abstract,
                                 "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"}) + "\n")
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, seeds_dir) -> Path:
    return make_corpus(seeds_dir, tmp_path_factory.mktemp("corpus") / "generated.jsonl", N_PAPERS)


def _env(**extra) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("KG_STORE", None)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def kg(*args: str, env: dict | None = None, cwd: Path | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, env=env or _env(),
                          cwd=cwd or REPO, timeout=timeout)


def _recorded(manifest: Path) -> int:
    """Papers whose extraction the (running) build has committed to its manifest."""
    if not manifest.exists():
        return 0
    try:
        db = sqlite3.connect(f"file:{manifest}?mode=ro", uri=True, timeout=0.5)
        try:
            return db.execute("SELECT COUNT(*) FROM papers WHERE content_hash IS NOT NULL").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return 0


def build_and_kill(args: list[str], manifest: Path, env: dict, at_least: int = 1, timeout: float = 120) -> int:
    """Start ``kg build``, SIGKILL it once ``at_least`` papers are recorded in
    the manifest; returns how many were recorded when it was killed."""
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", *args, "-q"], env=env, cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                pytest.fail(f"build finished (exit {proc.returncode}) before it could be killed: {proc.stderr.read()[-1500:]}")
            if _recorded(manifest) >= at_least:
                break
            time.sleep(0.05)
        else:
            pytest.fail("build wrote nothing in time")
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
        assert proc.returncode == -signal.SIGKILL
        return _recorded(manifest)
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(30)
        proc.stderr.close()


def nquads(store: Path) -> list[str]:
    """Sorted N-Quads of an embedded store, as ``kg export --format nq`` writes them
    (in-process: the CLI path is the same function, and subprocesses are slow)."""
    import io

    from kg.exports import export_rdf
    from kg.stores import open_store

    st = open_store(str(store), read_only=True)
    try:
        buf = io.BytesIO()
        export_rdf(st, "nq", buf)
    finally:
        st.close()
    return sorted(line for line in buf.getvalue().decode("utf-8").splitlines() if line.strip())


def paper_count(store: Path) -> int:
    from kg.stores import open_store

    st = open_store(str(store), read_only=True)
    try:
        return st.query("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a kg:Paper }").rows[0][0]
    finally:
        st.close()


@pytest.fixture(scope="module")
def clean_store(tmp_path_factory, corpus) -> Path:
    store = tmp_path_factory.mktemp("clean") / "store"
    res = kg("build", str(corpus), "--store", str(store), "-q")
    assert res.returncode == 0, res.stderr
    return store


def test_killed_build_resumes_to_same_graph(tmp_path, corpus, clean_store):
    store = tmp_path / "store"
    killed_at = build_and_kill([str(corpus), "--store", str(store)], store / "manifest.sqlite", _env())
    assert 0 < killed_at < N_PAPERS, killed_at
    partial = paper_count(store)  # the store opens after a SIGKILL, and holds whole batches only
    assert partial >= killed_at and partial % WRITE_BATCH == 0, (partial, killed_at)
    res = kg("build", str(corpus), "--store", str(store))
    assert res.returncode == 0, res.stderr
    assert "unchanged" in res.stderr  # incremental: what was written before the kill is not redone
    print(f"\nkilled after {killed_at} papers recorded ({partial} in the store); rerun: "
          f"{[x for x in res.stderr.splitlines() if x.startswith('built')]}")
    got, want = nquads(store), nquads(clean_store)
    assert len(got) == len(want) and got == want
    assert paper_count(store) == N_PAPERS


def test_concurrent_build_refused(tmp_path, corpus, clean_store):
    store = tmp_path / "store"
    first = subprocess.Popen([sys.executable, "-m", "kg", "build", str(corpus), "--store", str(store), "-q"],
                             env=_env(), cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not (store / "manifest.sqlite").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert first.poll() is None, "first build ended too early"
        second = kg("build", str(corpus), "--store", str(store), "-q")
        assert first.poll() is None, "first build ended before the second was refused; the test proves nothing"
        assert second.returncode == 1, (second.returncode, second.stderr)
        assert "cannot open store" in second.stderr and "is another build using it?" in second.stderr, second.stderr
        assert "Traceback" not in second.stderr
        # read-only commands are refused (or served) cleanly too, never corrupting anything
        q = kg("stats", "--store", str(store))
        assert q.returncode in (0, 1) and "Traceback" not in q.stderr, q.stderr
        out, err = first.communicate(timeout=240)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait(30)
    assert first.returncode == 0, err
    assert nquads(store) == nquads(clean_store)


# -- Bolt store (FalkorDB) -------------------------------------------------------------------
@pytest.fixture(scope="module")
def bolt():
    sys.path.insert(0, str(Path(__file__).parent))
    from bolt_server import bolt_server

    with bolt_server() as (url, opts):
        yield url, opts


def _bolt_env(url: str, opts: dict, state: Path) -> dict[str, str]:
    extra = {"KG_STATE_DIR": str(state)}
    if "user" in opts:
        extra.update(NEO4J_USER=opts["user"], NEO4J_PASSWORD=opts["password"])
    return _env(**extra)


def _bolt_counts(url: str, opts: dict) -> dict:
    from kg.stores import open_store

    st = open_store(url, **opts)
    try:
        return st.counts()
    finally:
        st.close()


def _bolt_clear(url: str, opts: dict) -> None:
    from kg.stores import open_store

    st = open_store(url, **opts)
    try:
        st.clear()
    finally:
        st.close()


@pytest.mark.bolt
def test_killed_bolt_build_resumes_to_same_counts(tmp_path, seeds_dir, bolt):
    from kg.manifest import manifest_path_for

    url, opts = bolt
    corpus = make_corpus(seeds_dir, tmp_path / "bolt.jsonl", N_PAPERS_BOLT, seed=2)
    _bolt_clear(url, opts)
    clean_state = tmp_path / "state-clean"
    clean_state.mkdir()
    res = kg("build", str(corpus), "--store", url, "-q", env=_bolt_env(url, opts, clean_state))
    assert res.returncode == 0, res.stderr
    clean = _bolt_counts(url, opts)
    assert clean["nodes"]["Paper"] == N_PAPERS_BOLT

    _bolt_clear(url, opts)
    state = tmp_path / "state"
    state.mkdir()
    env = _bolt_env(url, opts, state)
    manifest = state / manifest_path_for(url).name
    killed_at = build_and_kill([str(corpus), "--store", url], manifest, env)
    assert 0 < killed_at < N_PAPERS_BOLT
    partial = _bolt_counts(url, opts)
    assert partial["nodes"].get("Paper", 0) >= killed_at
    res = kg("build", str(corpus), "--store", url, "-q", env=env)
    assert res.returncode == 0, res.stderr
    after = _bolt_counts(url, opts)
    print(f"\nbolt: killed after {killed_at} recorded ({partial['nodes'].get('Paper', 0)} Paper nodes); "
          f"after rerun {after['nodes']}")
    assert after == clean
