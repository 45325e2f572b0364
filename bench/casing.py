"""What the rules and the gazetteer recover of the uncased encoder's misses
on capitalised names (issue 25, item 3: "BERT", "GLUE", "MoCo").

    python bench/casing.py [CORPUS ...] [--json]

The encoder (all-MiniLM-L6-v2, uncased WordPiece) sees "MoCo" as "moco":
case is lost before the model. For each gold entity with a capital letter,
on each corpus' dev file (default: SciERC dev and SciER dev), it counts:

- ``gold``: gold entities (scored types) whose text has a capital letter;
- ``encoder found``: the encoder's own candidates (``span_id="ner"``, after
  the corpus' restatements, as ``kg evaluate`` scores) have it, exact span
  and type;
- ``missed``: the rest, and of those:
  - ``pipeline recovers``: the accurate tier's output (``doc.ents``,
    restated) has it: the rules, the gazetteer or the coined-name patterns
    put it there;
  - ``gazetteer has it`` / ``rules have it``: a gazetteer candidate, or a
    candidate of the other rules (names, abbreviations, patterns), has the
    exact span and type (whether or not the resolver kept it);
  - ``case-marked``: a word of it has a capital after its first letter, or
    the entity does not start a sentence ("MoCo", "GLUE", "LLaMA", a
    capitalised name mid-sentence): the words a case feature would mark.
    An upper bound of what such a feature could add, not a trained one.

Exact span and type. For comparison, the encoder's recall on the gold
entities without a capital is printed too.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DEFAULT_CORPORA = ("scierc/dev.json", "scier/dev.jsonl")


def _case_marked(text: str, doc_text: str, start: int) -> bool:
    """A word with a capital after its first letter, or a capital-initial
    entity that does not start a sentence."""
    if any(any(c.isupper() for c in word[1:]) for word in text.split()):
        return True
    before = doc_text[:start].rstrip()
    return text[:1].isupper() and bool(before) and before[-1] not in ".!?\n"


def measure(path: str, nlp) -> dict:
    from extractors.gazetteer import SPAN_GROUP
    from kg.evaluate import SCORED_TYPES, TYPE_MAP, gold_spans, read_corpus, restate

    corpus, docs = read_corpus(path)
    types = set(SCORED_TYPES[corpus])
    gold = gold_spans(docs, corpus)
    by_doc: dict[int, list[tuple[int, int, str]]] = {}
    for i, s, e, t in gold:
        by_doc.setdefault(i, []).append((s, e, t))
    counts = dict(gold_lower=0, encoder_found_lower=0, gold=0, encoder_found=0, missed=0, pipeline_recovers=0, gazetteer_has=0, rules_have=0,
                  case_marked=0, case_marked_recovered=0)
    examples: list[str] = []

    def mapped(spans):
        return {(s, e, TYPE_MAP.get(label)) for s, e, label in spans if TYPE_MAP.get(label) in types}

    for i, doc in enumerate(nlp.pipe((d.text for d in docs), batch_size=32)):
        text = docs[i].text
        cands = list(doc.spans.get(SPAN_GROUP, []))
        ner = mapped(restate(corpus, doc, [(c.start_char, c.end_char, c.label_) for c in cands if c.id_ == "ner"]))
        final = mapped(restate(corpus, doc, [(e.start_char, e.end_char, e.label_) for e in doc.ents]))
        gaz = mapped((c.start_char, c.end_char, c.label_) for c in cands if c.id_.startswith("gazetteer"))
        rules = mapped((c.start_char, c.end_char, c.label_) for c in cands
                       if c.id_ != "ner" and not c.id_.startswith("gazetteer"))
        for s, e, t in by_doc.get(i, []):
            surface = text[s:e]
            if not any(c.isupper() for c in surface):
                counts["gold_lower"] += 1
                counts["encoder_found_lower"] += (s, e, t) in ner
                continue
            counts["gold"] += 1
            if (s, e, t) in ner:
                counts["encoder_found"] += 1
                continue
            counts["missed"] += 1
            recovered = (s, e, t) in final
            counts["pipeline_recovers"] += recovered
            counts["gazetteer_has"] += (s, e, t) in gaz
            counts["rules_have"] += (s, e, t) in rules
            if _case_marked(surface, text, s):
                counts["case_marked"] += 1
                counts["case_marked_recovered"] += recovered
                if not recovered and len(examples) < 12:
                    examples.append(f"{surface} ({t})")
    return {"corpus": corpus, "path": path, "counts": counts, "unrecovered case-marked examples": examples}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpora", nargs="*", help="corpus files (default: SciERC dev, SciER dev under ../shared/corpora)")
    ap.add_argument("--json", action="store_true", help="print JSON")
    args = ap.parse_args(argv)
    from extractors.pipeline import make_nlp
    from extractors.train_ner import SEEDS_DIR

    shared = Path(SEEDS_DIR).parent / "corpora"
    paths = args.corpora or [str(shared / p) for p in DEFAULT_CORPORA]
    nlp = make_nlp("accurate")
    if nlp.get_pipe("mlkg_ner_v1").model is None:
        print("no encoder model: nothing to measure", file=sys.stderr)
        return 1
    out = [measure(p, nlp) for p in paths]
    if args.json:
        print(json.dumps(out, indent=1))
        return 0
    for r in out:
        c = r["counts"]
        missed = c["missed"] or 1
        print(f"{r['corpus']} ({r['path']}): {c['gold']} gold entities with a capital; encoder finds "
              f"{c['encoder_found']}, misses {c['missed']}")
        print(f"  of the misses: pipeline output has {c['pipeline_recovers']} ({100 * c['pipeline_recovers'] / missed:.0f}%); "
              f"a gazetteer candidate has {c['gazetteer_has']}, another rule's candidate {c['rules_have']}; "
              f"case-marked {c['case_marked']} (of which the pipeline recovers {c['case_marked_recovered']})")
        print(f"  for comparison, gold entities without a capital: {c['gold_lower']}, encoder finds "
              f"{c['encoder_found_lower']} ({100 * c['encoder_found_lower'] / (c['gold_lower'] or 1):.0f}%; "
              f"with a capital: {100 * c['encoder_found'] / (c['gold'] or 1):.0f}%)")
        print("  case-marked misses not recovered, e.g.: " + "; ".join(r["unrecovered case-marked examples"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
