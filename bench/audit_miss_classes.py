"""Why the pipeline misses gold entities: each gold *specific* entity of the
audit that no node of its paper names, with the reason, counted by class.

Classes (first that applies):
- ``typed otherwise``: a node has its name but another type;
- ``named otherwise``: a node carries it as an alias or mention under another name;
- ``concept``: extracted, but kept as a concept (no evidence that it names something, kg/nodes.py);
- ``cut``: a node or concept overlaps where the abstract writes it (a longer or shorter span);
- ``not verbatim``: the abstract does not write the name or an alias as such;
- ``not extracted``: nothing was extracted there.
Each miss also says whether the gazetteer knows it, its case and its word count.

``python bench/audit_miss_classes.py --extracted OUT.jsonl [--audit-dir DIR]`` (OUT from
``bench/audit.py --save``); ``--list`` prints the misses as TSV. Point --audit-dir at a
directory holding only the parts you may read (never the held-out parts).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from audit import AUDIT_DIR, load_texts, pair_papers, read_gold  # noqa: E402
from audit_match import gold_names, is_node, norm, surfaces  # noqa: E402


def occurrences(ent: dict, paper: dict) -> list[tuple[str, int, int]]:
    """Where the title or abstract writes the entity's name or an alias (case-insensitive)."""
    out = []
    for name in [ent["name"], *ent.get("aliases", [])]:
        for fld in ("title", "abstract"):
            out += [(fld, m.start(), m.end()) for m in re.finditer(re.escape(name), paper.get(fld) or "", re.I)]
    return out


def miss_class(ent: dict, paper: dict) -> str | None:
    """The class of a gold specific entity's miss (module docstring), or None if a node names it."""
    keys = gold_names(ent)
    nodes = [e for e in paper.get("entities", []) if is_node(e)]
    named = [e for e in nodes if norm(e.get("name")) in keys]
    if named:
        return None if named[0].get("type") == ent["type"] else "typed otherwise"
    if any(surfaces(e) & keys for e in nodes):
        return "named otherwise"
    if any(norm(c.get("text")) in keys for c in paper.get("concepts", [])) or \
            any(surfaces(e) & keys for e in paper.get("entities", []) if not is_node(e)):
        return "concept"
    occ = occurrences(ent, paper)
    spans = [(m["field"], m["start"], m["end"]) for e in paper.get("entities", []) for m in e.get("mentions", [])]
    spans += [(c["field"], c["start"], c["end"]) for c in paper.get("concepts", [])]
    if any(f == g and a < d and c < b for f, a, b in spans for g, c, d in occ):
        return "cut"
    return "not extracted" if occ else "not verbatim"


def shape(ent: dict, known: set[str]) -> str:
    """gazetteer or not / lower or Capitalised / one word or more, for a miss."""
    name = ent["name"]
    return "/".join(("gazetteer" if gold_names(ent) & known else "unknown",
                     "lower" if name[:1].islower() else "Cap", "1w" if " " not in name else "mw"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--extracted", required=True, help="kg extract output of the audit (bench/audit.py --save)")
    ap.add_argument("--audit-dir", default=str(AUDIT_DIR), help="where gold_*.jsonl are")
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--list", action="store_true", help="print every miss as TSV")
    a = ap.parse_args(argv)
    from ontology.gazetteer import default_entries

    known = {norm(s) for e in default_entries() for s in e.surfaces}
    gold = read_gold(sorted(Path(a.audit_dir).glob("gold_*.jsonl")))
    texts = load_texts(gold, Path(a.shared))
    with open(a.extracted, encoding="utf-8") as f:
        papers = [json.loads(line) for line in f if line.strip()]
    counts: Counter = Counter()
    rows = []
    for g, p in pair_papers(gold, texts, papers):
        for ent in g["entities"]:
            if ent.get("kind") != "specific":
                continue
            cls = miss_class(ent, p)
            if cls:
                counts[cls] += 1
                rows.append((cls, shape(ent, known), ent["type"], ent["name"], g["id"]))
    if a.list:
        print("class\tshape\ttype\tname\tid")
        for r in sorted(rows):
            print("\t".join(r))
        return 0
    total = sum(counts.values())
    print(f"gold specific entities missed as nodes: {total}")
    for cls, n in counts.most_common():
        print(f"{n:5d}  {cls}")
    print("by class and shape:")
    for (cls, sh), n in Counter((r[0], r[1]) for r in rows).most_common():
        print(f"{n:5d}  {cls}  {sh}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
