"""How often the subject reading of :func:`extractors.verb_objects.subject_evaluations`
("Our proposed method obtains ... on the MUSE dataset") agrees with the
gold of SciER train and SciERC train, on their gold mentions (research use;
no weights). SciER annotates no anaphor ("our model" is never a mention), so
there the subject is any named Method; SciERC marks "method" / "approach"
as a Generic mention, so there the subject is also the anaphor "our ...
method" / "the proposed ... approach" around a Generic one.

``python bench/anaphor_counts.py [SHARED]`` prints matches and right per corpus.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors.doctext import Ent  # noqa: E402
from extractors.entity_relations import _read_scier_train  # noqa: E402
from extractors.verb_objects import subject_evaluations  # noqa: E402

_OWN_BEFORE = re.compile(r"(?:\bour|\bthe\s+proposed)\s+(?:[\w-]+\s+){0,3}$")
_SCIERC_TYPES = {"Method": "Method", "Material": "Dataset", "Metric": "Metric", "Task": "Task", "Generic": "Generic"}


def scier(path: str) -> dict[str, int]:
    c = {"matches": 0, "right": 0}
    for text, ents, gold in _read_scier_train(path):
        low = text.lower()
        pairs = {(s, o) for s, t, o in gold if t == "EVALUATED_WITH"}
        for m in ents:
            if m.label_ != "Method":
                continue
            for e in subject_evaluations(0, low, ents, m):
                c["matches"] += 1
                key = ((m.start_char, m.end_char), (e.start_char, e.end_char))
                c["right"] += key in pairs or key[::-1] in pairs
    return c


def scierc(path: str) -> dict[str, dict[str, int]]:
    c = {"named": {"matches": 0, "right": 0}, "anaphor": {"matches": 0, "right": 0}}
    for line in open(path, encoding="utf-8"):
        doc = json.loads(line)
        base = 0
        for toks, ner, rels in zip(doc["sentences"], doc["ner"], doc["relations"]):
            text = " ".join(toks)
            starts = [0]
            for t in toks[:-1]:
                starts.append(starts[-1] + len(t) + 1)
            span = {}
            ents = []
            for a, b, label in ner:
                s, e = starts[a - base], starts[b - base] + len(toks[b - base])
                ent = Ent(a, b, s, e, _SCIERC_TYPES.get(label, label), text[s:e])
                span[(a, b)] = ent
                ents.append(ent)
            ents.sort(key=lambda x: x.start_char)
            evals = set()
            for a, b, x, y, t in rels:
                if t == "EVALUATE-FOR":
                    evals |= {((a, b), (x, y)), ((x, y), (a, b))}
            low = text.lower()
            for (a, b), m in span.items():
                kind = "named" if m.label_ == "Method" else None
                subj = m
                if m.label_ == "Generic":
                    own = _OWN_BEFORE.search(low, max(0, m.start_char - 40), m.start_char)
                    if own is None:
                        continue
                    kind, subj = "anaphor", Ent(-1, -1, own.start(), m.end_char, "Method", low[own.start():m.end_char])
                if kind is None:
                    continue
                for e in subject_evaluations(0, low, [x for x in ents if x is not m], subj):
                    c[kind]["matches"] += 1
                    c[kind]["right"] += ((a, b), (e.start, e.end)) in evals
            base += len(toks)
    return c


if __name__ == "__main__":  # pragma: no cover - a measuring tool
    shared = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared")
    print("SciER train, named Method subjects:", scier(str(shared / "corpora/scier/train.jsonl")))
    print("SciERC train:", scierc(str(shared / "corpora/scierc/train.json")))
