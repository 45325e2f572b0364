"""Check that a code change leaves ``kg extract``'s output byte-identical.

    python bench/same_output.py save DIR [--n 3000] [--tiers fast,standard]
    python bench/same_output.py check DIR

``save`` draws a fixed sample of ``--n`` real abstracts from
../shared/corpora/abstracts (seeded, half ACL Anthology, half conference
papers; written to DIR, outside the repository: the abstracts are never
copied into it), then runs ``kg extract --model TIER`` on the seeds and on
the sample and keeps each output as DIR/TIER-seeds.jsonl and
DIR/TIER-sample.jsonl. ``check`` runs the same extractions with the code
checked out now into DIR/new/ and compares them byte for byte with the
saved ones; for a difference it names the first differing paper and field.
Exit 0 when every output is identical, 1 otherwise.

For speed work, where outputs must not change (issue 25). Single process
(``--workers 1``), so it costs one core.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
ABSTRACTS = SHARED / "corpora" / "abstracts"
SOURCES = (("acl_anthology.jsonl.gz", "anthology_id"), ("conference_papers.jsonl.gz", "id"))


def corpus_rows(names=tuple(name for name, _ in SOURCES)):
    """Every record of the abstracts files ``names`` (in that order) that has
    an abstract, as the raw JSON row: the one reader of ../shared/corpora/
    abstracts for bench scripts that read the whole corpus."""
    for name in names:
        with gzip.open(ABSTRACTS / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if (row.get("abstract") or "").strip():
                    yield row


def audited_ids() -> set[tuple[str, str]]:
    """``(source file, id)`` of every abstract in an audit or fresh part
    (tests/data/audit, tests/data/fresh gold_*.jsonl), held out or not."""
    seen: set[tuple[str, str]] = set()
    for folder in ("audit", "fresh"):
        for gold in sorted((REPO / "tests" / "data" / folder).glob("gold_*.jsonl")):
            for line in gold.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    seen.add((row["source"], str(row["id"])))
    return seen


def draw_sample(n: int, seed: int = 20261206, keep_audited: bool = False) -> list[dict]:
    """``n`` abstracts, half from each source, drawn with a fixed seed; records
    as ``{"id", "title", "abstract"}`` (the ``jsonl`` input format).

    Abstracts of the audit and fresh parts are left out of the draw (unless
    ``keep_audited``): a helper reading a cue pool must not read what the
    pipeline says about a held-out part, and a count on a developed part is
    not a count on unseen text. They are dropped after sampling, so a draw
    quoted before stop 40 replays as it was, less those abstracts (15 of 3,000 in
    draw_sample(3000, 40120701) and (3000, 38110711), 14 in (3000, 606061))."""
    audited = set() if keep_audited else audited_ids()
    out: list[dict] = []
    for k, (name, id_field) in enumerate(SOURCES):
        rows = [r for r in corpus_rows((name,)) if r.get(id_field)]
        want = n // 2 if k == 0 else n - n // 2
        for r in random.Random(seed + k).sample(rows, want):
            if (name, str(r[id_field])) in audited:
                continue
            out.append({"id": f"{name.split('.')[0]}:{r[id_field]}", "title": r.get("title") or "",
                        "abstract": r["abstract"]})
    return out


def extract(inputs: Path, tier: str, out: Path) -> float:
    """Run ``kg extract`` on ``inputs`` with ``tier`` into ``out``; seconds."""
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg", "extract", str(inputs), "--model", tier, "-o", str(out), "-q"],
                   check=True, cwd=REPO)
    return time.perf_counter() - t0


def first_difference(old: Path, new: Path) -> str:
    """Where two outputs first differ: paper (line) and top-level field."""
    a, b = old.read_text(encoding="utf-8").splitlines(), new.read_text(encoding="utf-8").splitlines()
    if len(a) != len(b):
        return f"{len(a)} vs {len(b)} lines"
    for i, (x, y) in enumerate(zip(a, b), 1):
        if x != y:
            ox, oy = json.loads(x), json.loads(y)
            fields = [k for k in sorted(set(ox) | set(oy)) if ox.get(k) != oy.get(k)]
            paper = ox.get("paper", {}) if isinstance(ox.get("paper"), dict) else {}
            return f"line {i} ({paper.get('source_id') or paper.get('title') or ''}): fields {', '.join(fields)}"
    return "same lines, different bytes"


def runs(d: Path, tiers: list[str]) -> list[tuple[str, Path, Path]]:
    """(tier, input, output name) for every saved extraction."""
    return [(t, src, Path(f"{t}-{name}.jsonl")) for t in tiers
            for name, src in (("seeds", SHARED / "seeds"), ("sample", d / "sample.jsonl"))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("action", choices=("save", "check"))
    ap.add_argument("dir", type=Path, help="where the sample and the saved outputs live (outside the repository)")
    ap.add_argument("--n", type=int, default=3000, help="abstracts in the sample (save)")
    ap.add_argument("--tiers", default="fast,standard", help="comma-separated tiers (save)")
    args = ap.parse_args(argv)
    d: Path = args.dir
    if args.action == "save":
        d.mkdir(parents=True, exist_ok=True)
        with open(d / "sample.jsonl", "w", encoding="utf-8") as fh:
            for rec in draw_sample(args.n):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        (d / "tiers.txt").write_text(args.tiers + "\n")
        for tier, src, name in runs(d, args.tiers.split(",")):
            print(f"{name}: {extract(src, tier, d / name):.0f} s", flush=True)
        return 0
    if not (d / "tiers.txt").exists():
        print(f"error: {d} holds no saved outputs (run: same_output.py save {d})", file=sys.stderr)
        return 2
    tiers = (d / "tiers.txt").read_text().strip().split(",")
    (d / "new").mkdir(exist_ok=True)
    same = True
    for tier, src, name in runs(d, tiers):
        secs = extract(src, tier, d / "new" / name)
        if (d / name).read_bytes() == (d / "new" / name).read_bytes():
            print(f"{name}: identical ({secs:.0f} s)", flush=True)
        else:
            same = False
            print(f"{name}: DIFFERENT: {first_difference(d / name, d / 'new' / name)}", flush=True)
    print("all outputs identical" if same else "outputs differ")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
