"""Draw a fresh held-out part of the audit set at random, reproducibly.

    python bench/audit_draw.py --seed 20261209 --per-file 15 --part E \
        --skip tests/data/audit/skipped_E.tsv [--candidates 40]
    python bench/audit_draw.py --seed 20261304 --per-file 5 --part Z --taken A-M   # fresh P4

Why: the audit's figures are honest only on abstracts nobody tuned on, so a
new part is drawn blind from ../shared/corpora/abstracts: each file's
eligible records (year >= 2016, the conference file's year read from its
venue such as ``cvpr2019``; abstract > 500 characters; title not in
../shared/seeds; id and title not in the parts of tests/data/audit/gold_*.jsonl lettered
before this one, so that adding a later part never changes an earlier part's replay)
are shuffled with ``random.Random(seed)``, and the first ``per-file``
records that are not skipped as off-topic (not machine learning, NLP or
vision research: a judgement by hand, recorded with its reason in the
``--skip`` TSV ``source<TAB>id<TAB>reason``) make the pool, interleaved
ACL / conference. ``--candidates N`` prints the first N draws of each file
with their titles, so the labeller can read them and decide the skips.

Output: JSON ``{"how", "pool": [{source, id, title, venue, draw_rank}],
"skipped_off_topic": [...]}`` on stdout.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from audit import AUDIT_DIR, ID_FIELD, SHARED  # noqa: E402  (where the audit set and ../shared are, and each file's id field)

FILES = ("acl_anthology.jsonl.gz", "conference_papers.jsonl.gz")
_VENUE_YEAR = re.compile(r"(\d{4})$")


def _norm_title(t: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", t.casefold()).split())


def record_year(rec: dict) -> int | None:
    """The record's year: its ``year`` field, else the year ending its venue ("eccv2022")."""
    y = rec.get("year")
    if y not in (None, ""):
        try:
            return int(y)
        except (TypeError, ValueError):
            return None
    m = _VENUE_YEAR.search(str(rec.get("venue") or ""))
    return int(m.group(1)) if m else None


def eligible(rec: dict, source: str, taken_ids: set, taken_titles: set, min_year: int = 2016,
             min_chars: int = 500) -> bool:
    """Whether a record may be drawn: recent, a real abstract, not seen before."""
    year = record_year(rec)
    if year is None or year < min_year or len(rec.get("abstract") or "") <= min_chars:
        return False
    rid = rec.get(ID_FIELD[source])
    if not rid:  # a record without its id cannot be looked up by bench/audit.py
        return False
    return (source, str(rid)) not in taken_ids and _norm_title(rec.get("title") or "") not in taken_titles


def parse_taken(spec: str) -> set[str]:
    """The part names a ``--taken`` spec lists: ``"A-L"`` is A, B, ..., L; ``"A-J,K"`` and
    ``"A,B,C"`` also work (single-letter ranges only; a longer name is listed by itself)."""
    names = set()
    for item in (x.strip() for x in spec.split(",")):
        if not item:
            continue
        m = re.fullmatch(r"([A-Z])-([A-Z])", item)
        if m:
            lo, hi = m.groups()
            if lo > hi:
                raise ValueError(f"--taken: range {item} runs backwards")
            names.update(chr(c) for c in range(ord(lo), ord(hi) + 1))
        else:
            names.add(item)
    if not names:
        raise ValueError("--taken: no part named")
    return names


def taken(audit_dir: Path, seeds: Path, part: str | None = None,
          only: set[str] | None = None) -> tuple[set, set]:
    """((source, id) pairs, normalised titles) already in the audit set or the seeds.

    With ``only``, exactly the parts named there count (``gold_{name}.jsonl`` for each
    name; a named part that is missing is an error, so a replay cannot silently count
    fewer parts than its draw did). This is how a draw outside the lettered sequence (the
    fresh parts, drawn as ``--part Z``) replays: its README names the parts that were
    taken when it was drawn, since later audit parts sort before Z too.

    With ``part``, only the parts drawn before it count (``gold_{name}.jsonl`` with name
    sorting before ``part``: parts are lettered in the order they were drawn): the part
    itself and any later part are left out, so that the draw of a part replays after its
    own gold and later parts are written (a later part's records would change the list
    that ``random.Random(seed)`` shuffles)."""
    ids, titles = set(), set()
    if only is not None:
        missing = sorted(n for n in only if not (audit_dir / f"gold_{n}.jsonl").exists())
        if missing:
            raise ValueError(f"--taken: no gold_{missing[0]}.jsonl in {audit_dir}")
    for path in sorted(audit_dir.glob("gold_*.jsonl")):
        name = path.stem[len("gold_"):]
        if only is not None and name not in only:
            continue
        if part is not None and name >= part:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                g = json.loads(line)
                ids.add((g["source"], str(g["id"])))
                titles.add(_norm_title(g["title"]))
    if seeds.exists():
        from kg.sources import read_records

        for rec in read_records([str(seeds)], on_error=lambda e: None):
            titles.add(_norm_title(rec.title))
    return ids, titles


def read_skips(path: Path | None) -> dict[tuple[str, str], str]:
    """{(source, id): reason} of the draws skipped as off-topic; a bad line names file and line."""
    if path is None or not path.exists():
        return {}
    out = {}
    with open(path, encoding="utf-8", newline="") as f:
        for n, row in enumerate(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
            if not row or row[0] == "source" or not "".join(row).strip():
                continue
            if len(row) < 3 or not row[2].strip():
                raise ValueError(f"{path}:{n}: expected source, id, reason (tab-separated)")
            out[(row[0], row[1])] = row[2].strip()
    return out


def shuffled(source: str, shared: Path, seed: int, taken_ids: set, taken_titles: set) -> list[dict]:
    """The eligible records of one file, in the order ``random.Random(seed)`` shuffles them."""
    recs = []
    with gzip.open(shared / "corpora" / "abstracts" / source, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if eligible(rec, source, taken_ids, taken_titles):
                recs.append({"source": source, "id": str(rec[ID_FIELD[source]]), "title": rec["title"],
                             "venue": str(rec.get("venue_booktitle") or rec.get("venue") or "")[:80]})
    random.Random(seed).shuffle(recs)
    for rank, r in enumerate(recs):
        r["draw_rank"] = rank
    return recs


def draw(per_source: dict[str, list[dict]], per_file: int, skips: dict) -> tuple[list[dict], list[dict]]:
    """(pool interleaved file by file, skipped draws with reasons) from the shuffled records."""
    picks, skipped = {}, []
    for source, recs in per_source.items():
        picks[source] = []
        for r in recs:
            if len(picks[source]) == per_file:
                break
            reason = skips.get((source, r["id"]))
            if reason:
                skipped.append({**r, "reason": reason})
            else:
                picks[source].append(r)
    pool = [r for group in zip(*picks.values()) for r in group]
    return pool, skipped


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=20261209)
    ap.add_argument("--per-file", type=int, default=15, help="abstracts drawn from each file")
    ap.add_argument("--part", metavar="NAME", help="the part being drawn: only parts lettered before it count as taken (so the draw replays)")
    ap.add_argument("--taken", metavar="PARTS",
                    help="the audit parts counted as taken, e.g. A-L or A-J,K (default: those lettered before --part); "
                         "a fresh part's replay names the parts taken when it was drawn")
    ap.add_argument("--skip", type=Path, help="TSV source, id, reason of draws skipped as off-topic")
    ap.add_argument("--candidates", type=int, metavar="N", help="print the first N draws of each file (TSV) and stop")
    ap.add_argument("--audit-dir", type=Path, default=AUDIT_DIR)
    ap.add_argument("--shared", type=Path, default=SHARED)
    args = ap.parse_args(argv)
    try:
        only = parse_taken(args.taken) if args.taken else None
        ids, titles = taken(args.audit_dir, args.shared / "seeds", args.part, only)
        per_source = {s: shuffled(s, args.shared, args.seed, ids, titles) for s in FILES}
        if args.candidates:
            for recs in per_source.values():
                for r in recs[:args.candidates]:
                    print("\t".join([r["source"], r["id"], str(r["draw_rank"]), r["venue"], " ".join(r["title"].split())]))
            return 0
        pool, skipped = draw(per_source, args.per_file, read_skips(args.skip))
    except (OSError, ValueError) as e:
        print(f"audit_draw: {e}", file=sys.stderr)
        return 1
    how = (f"random.Random({args.seed}).shuffle of each file's records with year >= 2016 (conference: year "
           "from venue), abstract > 500 chars, id and title not in the earlier-lettered tests/data/audit/gold_*.jsonl, title not in "
           f"../shared/seeds; first {args.per_file} on-topic (ML/NLP/CV) records of each file in shuffled order; "
           "pool interleaved ACL/conference (bench/audit_draw.py)")
    json.dump({"how": how, "pool": pool, "skipped_off_topic": skipped}, sys.stdout, indent=1, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
