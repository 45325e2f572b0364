"""Why paper-level relations are wrong or missed on the audit: each emitted
paper relation that is not right (with its rule and evidence sentence), and
each gold paper relation the pipeline did not state, by class.

Miss classes (first that applies):
- ``no node``: no node of the paper names the gold target (a node problem,
  issue 28; bench/audit_miss_classes.py says why);
- ``other type``: a node names it and the paper has another relation to it
  (e.g. USES where the gold says PROPOSES);
- ``no relation``: a node names it and the paper has no relation to it (a
  cue problem: no own-work sentence, a background cue, no use cue...).

With ``--entity``: the gold entity-to-entity relations missed, by class
(first that applies): ``no end`` (an end has no mention among the emitted
entities: a node problem, issue 28), ``apart`` (both ends are mentioned but
not both inside the gold quote: another sentence, or an anaphor such as "our
model"), ``other type`` (the two are related with another type or the other
direction), ``no relation`` (both inside the quote, nothing related: a cue
that is missing or not read).

``python bench/audit_relation_classes.py --extracted OUT.jsonl [--audit-dir DIR] [--list] [--entity]``
(OUT from ``bench/audit.py --save``). Point --audit-dir at a directory holding
only the parts you may read (never the held-out parts).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from audit import AUDIT_DIR, load_texts, pair_papers, read_gold, read_judgements  # noqa: E402
from audit_match import (  # noqa: E402
    PAPER, _end, gold_index, gold_names, is_node, lookup_key, node_verdict, norm, relation_key, relation_matches, surfaces,
)


def classify(gold: dict, paper: dict, judged: dict) -> tuple[list[tuple], list[tuple]]:
    """(not-right emitted paper relations, missed gold paper relations) of one
    audited paper, each a tuple of printable fields."""
    src_id = (gold["source"], gold["id"])
    gold_by_name = gold_index(gold["entities"])
    ents = paper.get("entities", [])
    by_id = {e["id"]: e for e in ents}
    verdicts = {}
    for e in ents:
        if is_node(e):
            v, _ = node_verdict(e, gold["entities"])
            verdicts[e["id"]] = v or judged.get((*src_id, "node", lookup_key("node", f"{e['type']}|{e['name']}")))
    bad, hit = [], set()
    related: dict[str, set[str]] = {}
    for r in paper.get("relations", []):
        src = _end(paper, r["source"], r.get("source_mention"), by_id)
        if src != PAPER:
            continue
        tgt = _end(paper, r["target"], r.get("target_mention"), by_id)
        if isinstance(tgt, dict):
            related.setdefault(tgt.get("id"), set()).add(r["type"])
        ev = (r.get("evidence") or {}).get("text", "")
        tv = verdicts.get(tgt.get("id")) if isinstance(tgt, dict) else None
        matched = [i for i, gr in enumerate(gold["relations"]) if relation_matches(r, src, tgt, gr, gold_by_name)]
        if tv not in ("fragment", "generic") and matched:
            hit.update(matched)
            continue
        name = tgt.get("name", "") if isinstance(tgt, dict) else str(tgt)
        if tv in ("fragment", "generic"):
            v = tv
        elif isinstance(tgt, dict) and any(gold_by_name.get(n, {}).get("kind") == "generic" for n in surfaces(tgt)):
            v = "generic"
        else:
            v = judged.get((*src_id, "relation", lookup_key("relation", relation_key(r["type"], PAPER, name))), "?")
        if v != "right":
            mention = (r.get("target_mention") or {}).get("text", "")
            bad.append((v, r["type"], r.get("extractor", ""), name, mention, gold["id"], ev))
    missed = []
    for i, gr in enumerate(gold["relations"]):
        if gr["source"] != PAPER or i in hit:
            continue
        g = gold_by_name.get(gr["target"].casefold()) or next(
            (x for x in gold["entities"] if gr["target"] in (x["name"], *x.get("aliases", []))), None)
        keys = gold_names(g) if g else {gr["target"].casefold()}
        nodes = [e for e in ents if is_node(e) and (surfaces(e) & keys)]
        if not nodes:
            cls, have = "no node", ""
        else:
            have = ",".join(sorted(set().union(*(related.get(e["id"], set()) for e in nodes))))
            cls = "other type" if have else "no relation"
        missed.append((cls, gr["type"], gr["target"], have, gold["id"], gr.get("quote", "")))
    return bad, missed


def _mention_spans(ent: dict, paper: dict) -> list[tuple[str, int, int]]:
    return [(m.get("field", ""), m.get("start", -1), m.get("end", -1)) for m in ent.get("mentions", [])]


def gold_ends(gr: dict, gold_by_name: dict, ents: list[dict]) -> list[list[dict]]:
    """[emitted entities naming the gold relation's source, ... its target]."""
    ends = []
    for name in (gr["source"], gr["target"]):
        g = gold_by_name.get(norm(name))
        keys = gold_names(g) if g else {norm(name)}
        ends.append([e for e in ents if surfaces(e) & keys])
    return ends


def classify_entity(gold: dict, paper: dict) -> list[tuple]:
    """The gold entity-to-entity relations of one audited paper that no
    emitted relation matches, each (class, type, source, target, id, quote)."""
    gold_by_name = gold_index(gold["entities"])
    ents = paper.get("entities", [])
    by_id = {e["id"]: e for e in ents}
    emitted = []
    for r in paper.get("relations", []):
        src = _end(paper, r["source"], r.get("source_mention"), by_id)
        if src == PAPER:
            continue
        emitted.append((r, src, _end(paper, r["target"], r.get("target_mention"), by_id)))
    missed = []
    for gr in gold["relations"]:
        if gr["source"] == PAPER or any(relation_matches(r, s, t, gr, gold_by_name) for r, s, t in emitted):
            continue
        ends = gold_ends(gr, gold_by_name, ents)
        if not ends[0] or not ends[1]:
            cls = "no end"
        else:
            quote = gr.get("quote", "")
            inside = []
            for found in ends:
                ok = False
                for field in ("title", "abstract"):
                    raw = paper.get(field) or ""
                    k = raw.find(quote) if quote else -1
                    if k >= 0 and any(f == field and k <= a and b <= k + len(quote)
                                      for e in found for f, a, b in _mention_spans(e, paper)):
                        ok = True
                inside.append(ok)
            ids = ({e["id"] for e in ends[0]}, {e["id"] for e in ends[1]})
            related = any(r["source"] in ids[0] | ids[1] and r["target"] in ids[0] | ids[1]
                          for r, _s, _t in emitted)
            cls = "apart" if not all(inside) else "other type" if related else "no relation"
        missed.append((cls, gr["type"], gr["source"], gr["target"], gold["id"], gr.get("quote", "")))
    return missed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--extracted", required=True, help="kg extract output of the audit (bench/audit.py --save)")
    ap.add_argument("--audit-dir", default=str(AUDIT_DIR), help="where gold_*.jsonl and judgements_*.tsv are")
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--list", action="store_true", help="print every wrong and missed relation as TSV")
    ap.add_argument("--entity", action="store_true", help="classify the missed entity-to-entity relations instead")
    a = ap.parse_args(argv)
    audit = Path(a.audit_dir)
    gold = read_gold(sorted(audit.glob("gold_*.jsonl")))
    judged = read_judgements(sorted(audit.glob("judgements_*.tsv")))
    texts = load_texts(gold, Path(a.shared))
    with open(a.extracted, encoding="utf-8") as f:
        papers = [json.loads(line) for line in f if line.strip()]
    if a.entity:
        missed_ent = [m for g, p in pair_papers(gold, texts, papers) for m in classify_entity(g, p)]
        if a.list:
            print("class\ttype\tsource\ttarget\tid\tquote")
            for row in sorted(missed_ent):
                print("\t".join(map(str, row)))
            return 0
        print(f"missed gold entity-to-entity relations: {len(missed_ent)}")
        types = sorted({m[1] for m in missed_ent})
        classes = ["no end", "apart", "other type", "no relation"]
        print(f"{'type':15}" + "".join(f"{c:>12}" for c in classes))
        for t in types:
            print(f"{t:15}" + "".join(f"{sum(1 for m in missed_ent if m[:2] == (c, t)):12d}" for c in classes))
        return 0
    bad_all, missed_all = [], []
    for g, p in pair_papers(gold, texts, papers):
        bad, missed = classify(g, p, judged)
        bad_all += bad
        missed_all += missed
    if a.list:
        print("verdict\ttype\trule\ttarget\tmention\tid\tevidence")
        for row in sorted(bad_all):
            print("\t".join(map(str, row)))
        print("\nclass\ttype\ttarget\thas\tid\tquote")
        for row in sorted(missed_all):
            print("\t".join(map(str, row)))
        return 0
    print(f"emitted paper relations not right: {len(bad_all)}")
    for (v, t, rule), n in Counter((b[0], b[1], b[2]) for b in bad_all).most_common():
        print(f"{n:5d}  {v:8} {t:13} {rule}")
    print(f"missed gold paper relations: {len(missed_all)}")
    for (cls, t), n in sorted(Counter((m[0], m[1]) for m in missed_all).items()):
        print(f"{n:5d}  {cls:12} {t}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
