"""The paper-level (or, with ``--entity``, entity-to-entity) relations that differ between two `kg extract` outputs of
the same abstracts, for reading a rule's effect on real abstracts.

    python bench/relation_diff.py OLD.jsonl NEW.jsonl [--read N] [--seed S]

Prints how many relations were removed and added (by type and rule), then
``--read`` of each drawn at random, with the target mention and its
sentence, to be judged by hand (the counts go in the rule's comment and the
commit message). A relation is keyed by (paper, type, target node), so a
relation that only moved to another evidence sentence is not a change;
with ``--entity``, by (paper, type, source node, target node), printed with
both mentions.
"""
from __future__ import annotations

import argparse
import json
import random
from collections import Counter


def _relations(path: str, entity: bool) -> dict[tuple, dict]:
    """The paper-level (``entity`` False) or entity-to-entity relations of a
    ``kg extract`` file, keyed by paper id, type and end ids, each with its
    ends' names added for printing."""
    out: dict[tuple, dict] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            p = json.loads(line)
            pid = p.get("source_id") or p["id"]
            names = {e["id"]: e.get("name", e["id"]) for e in p.get("entities", [])}
            for r in p.get("relations", []):
                if (r.get("source_mention") is not None) != entity or not entity and not r["source"].startswith("p-"):
                    continue
                r = dict(r, target_name=names.get(r["target"], r["target"]),
                         source_name=names.get(r["source"], r["source"]))
                ends = (r["source"], r["target"]) if entity else (r["target"],)
                out[(pid, r["type"], *ends)] = r
    return out


def paper_relations(path: str) -> dict[tuple[str, str, str], dict]:
    """{(paper id, type, target id): relation} of the paper-level relations."""
    return _relations(path, entity=False)


def entity_relations(path: str) -> dict[tuple[str, str, str, str], dict]:
    """{(paper id, type, source id, target id): relation} of the entity-to-entity relations."""
    return _relations(path, entity=True)


def show_entity(key: tuple, r: dict) -> str:
    ev = (r.get("evidence") or {}).get("text", "").replace("\n", " ")
    sm, tm = r.get("source_mention") or {}, r.get("target_mention") or {}
    return (f"{key[1]} {r.get('extractor')} | {r['source_name']} [{sm.get('text', '')}] -> {r['target_name']} "
            f"[{tm.get('text', '')}] | {key[0]}\n    {ev[:400]}")


def show(key: tuple, r: dict) -> str:
    ev = (r.get("evidence") or {}).get("text", "").replace("\n", " ")
    m = r.get("target_mention") or {}
    return f"{key[1]} {r.get('extractor')} | {r['target_name']} [{m.get('text', '')}] | {key[0]}\n    {ev[:400]}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--read", type=int, default=40, help="how many of each side to print")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--entity", action="store_true", help="diff the entity-to-entity relations instead")
    a = ap.parse_args(argv)
    read = entity_relations if a.entity else paper_relations
    old, new = read(a.old), read(a.new)
    removed = [k for k in old if k not in new]
    added = [k for k in new if k not in old]
    for label, keys, src in (("removed", removed, old), ("added", added, new)):
        print(f"{label}: {len(keys)}  " + ", ".join(f"{t} {n}" for t, n in Counter(k[1] for k in keys).most_common()))
        sample = list(keys)
        random.Random(a.seed).shuffle(sample)
        for k in sample[: a.read]:
            print("  " + (show_entity if a.entity else show)(k, src[k]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
