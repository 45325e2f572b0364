"""Measure entity-to-entity relations against SciER and SciERC relation gold.

``kg evaluate --relations CORPUS``. Units of text are read as for entity
scoring (:mod:`kg.evaluate`: SciER full texts in chunks of 10 sentences,
SciERC whole abstracts; PTB escapes undone), the pipeline runs on each, and
its entity-to-entity relations (``doc._.relations`` whose source is a
mention) are compared with the gold relations as character spans:

* **Rel**: both argument spans exact and the relation type right;
* **Rel+**: also both arguments' entity types right (SciER's "Rel+",
  Zhang et al., EMNLP 2024; PURE's "Rel+", Zhong & Chen, NAACL 2021).

Our mentions are first restated in the corpus' span conventions exactly as
for entity scoring (:func:`kg.evaluate.restate`), and a relation end takes
the restated mention that contains it. Entity types: Method, Task as they
are; Dataset and Benchmark -> Dataset (SciER) or Material (SciERC); Metric
-> Metric (SciERC; SciER has none, so a relation with a Metric end is
neither right nor wrong there, as a Metric mention is in kg/evaluate.py).

Relation types: SciER's nine are ours (``Used-For`` -> USED_FOR ...); our
OUTPERFORMS is scored as COMPARE_WITH. SciERC's seven map as follows
(SciERC's direction is "A REL B" with A its first argument):

==============  =====================================================
SciERC          ours
==============  =====================================================
USED-FOR A B    USED_FOR A -> B
PART-OF A B     PART_OF A -> B
HYPONYM-OF A B  SUBTASK_OF A -> B when both are Tasks, else SUBCLASS_OF A -> B
EVALUATE-FOR    A is the dataset or metric: BENCHMARK_FOR A -> B when A
A B             is a Material and B a Task, else EVALUATED_WITH B -> A
COMPARE A B     COMPARE_WITH (either direction)
FEATURE-OF      not scored (no counterpart)
CONJUNCTION     not scored (no counterpart)
==============  =====================================================

COMPARE_WITH is symmetric (``owl:SymmetricProperty`` in the schema), so it
matches in either direction, in both corpora; every other type is directed.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ontology import RelationType

from .evaluate import PRF, GoldDoc, detect_corpus, detokenize, resolve_path, restate

#: The relation types scored, in table order.
SCORED_RELATIONS = ("USED_FOR", "PART_OF", "SUBCLASS_OF", "SYNONYM_OF", "EVALUATED_WITH", "COMPARE_WITH",
                    "BENCHMARK_FOR", "SUBTASK_OF", "TRAINED_WITH")
SYMMETRIC = frozenset({"COMPARE_WITH"})
#: Our relation types scored as another.
PREDICTED_AS = {"OUTPERFORMS": "COMPARE_WITH"}
#: Our entity types -> each corpus' entity types (None: the corpus has no such type).
ENTITY_TYPES = {
    "scier": {"Method": "Method", "Task": "Task", "Dataset": "Dataset", "Benchmark": "Dataset"},
    "scierc": {"Method": "Method", "Task": "Task", "Metric": "Metric", "Dataset": "Material", "Benchmark": "Material"},
}
_ENTITY_RELATIONS = frozenset(t.value for t in RelationType if t.entity_domain)

# (doc, src start, src end, src type, type, tgt start, tgt end, tgt type)
RelTuple = tuple[int, int, int, str, str, int, int, str]


@dataclass
class RelDoc:
    """One unit of text with gold relations as char spans."""

    doc: GoldDoc
    relations: list[RelTuple] = field(default_factory=list)  # doc index filled in by the scorer (0)


def scierc_relation(label: str, a_type: str, b_type: str) -> tuple[str, bool] | None:
    """(our type, same direction) of a SciERC relation, or None if unscored."""
    if label == "USED-FOR":
        return "USED_FOR", True
    if label == "PART-OF":
        return "PART_OF", True
    if label == "HYPONYM-OF":
        return ("SUBTASK_OF" if a_type == b_type == "Task" else "SUBCLASS_OF"), True
    if label == "EVALUATE-FOR":
        if a_type == "Material" and b_type == "Task":
            return "BENCHMARK_FOR", True
        return "EVALUATED_WITH", False
    if label == "COMPARE":
        return "COMPARE_WITH", True
    return None


def scier_relation(label: str) -> tuple[str, bool]:
    """Our type of a SciER relation (``SubClass-Of`` -> SUBCLASS_OF)."""
    return label.upper().replace("-", "_"), True


def iter_dygie(path: str | Path):
    """(line number, record) of a DyGIE JSON-lines file (read by
    :func:`kg.sources.iter_json_objects`); a line that is not a record with
    ``sentences`` is a ValueError naming file and line."""
    from .records import RecordError
    from .sources import iter_json_objects

    for item in iter_json_objects(Path(path), str(path)):
        if isinstance(item, RecordError):
            raise ValueError(f"{path}:{item.line}: not a DyGIE record ({item.reason})")
        n, rec = item
        if not isinstance(rec.get("sentences"), list):
            raise ValueError(f"{path}:{n}: not a DyGIE record (no 'sentences' list)")
        yield n, rec


def read_relation_corpus(path: str | Path, corpus: str | None = None) -> tuple[str, list[RelDoc]]:
    """SciER ``dev.jsonl`` or SciERC ``dev.json`` (DyGIE style: ``relations``
    per sentence as ``[a_start, a_end, b_start, b_end, label]``, inclusive
    document-level token indices) -> units with gold relations."""
    path = resolve_path(path)
    detected, fmt = detect_corpus(path)
    corpus = corpus or detected
    if fmt != "dygie" or corpus not in ENTITY_TYPES:
        raise ValueError(f"{path}: relation gold is read from SciER dev.jsonl or SciERC *.json (DyGIE format)")
    step = 10 if corpus == "scier" else None
    docs: list[RelDoc] = []
    for n, rec in iter_dygie(path):
        sentences = rec["sentences"]
        ner = rec.get("ner") or [[] for _ in sentences]
        rels = rec.get("relations") or [[] for _ in sentences]
        size = step or len(sentences) or 1
        base = 0
        for c in range(0, max(len(sentences), 1), size):
            words: list[str] = []
            types: dict[tuple[int, int], str] = {}
            chunk_rels = []
            chunk_base = base
            for sent, ents, srels in zip(sentences[c : c + size], ner[c : c + size], rels[c : c + size]):
                for s, e, label in ents:
                    types[(s, e)] = label
                chunk_rels.extend(srels)
                words.extend(sent)
                base += len(sent)
            if not words:
                continue
            words, spaces = detokenize(words, split_words=corpus == "scier")
            spans = [(s - chunk_base, e - chunk_base + 1, t) for (s, e), t in types.items()]
            doc = GoldDoc(f"{rec.get('doc_key') or rec.get('doc_id') or n}#{c // size}", words, spans, spaces)
            offs = doc.offsets
            out = []
            for a0, a1, b0, b1, label in chunk_rels:
                ta, tb = types.get((a0, a1)), types.get((b0, b1))
                if ta is None or tb is None:
                    continue
                mapped = scier_relation(label) if corpus == "scier" else scierc_relation(label, ta, tb)
                if mapped is None:
                    continue
                rtype, forward = mapped
                a = (offs[a0 - chunk_base][0], offs[a1 - chunk_base][1], ta)
                b = (offs[b0 - chunk_base][0], offs[b1 - chunk_base][1], tb)
                src, tgt = (a, b) if forward else (b, a)
                out.append((0, src[0], src[1], src[2], rtype, tgt[0], tgt[1], tgt[2]))
            docs.append(RelDoc(doc, out))
    return corpus, docs


def anaphor_end(end, span, mention) -> tuple[int, int, str] | None:
    """An end an anaphor names ("our model", extractors/anaphora.py) is scored
    at the anaphor's span (what a corpus that annotates "our model" marks),
    typed as the entity it resolves to; any other end by ``end(span)``."""
    if mention is None:
        return end(span)
    resolved = end(span)
    return end(mention) or (resolved and (mention[0], mention[1], resolved[2]))


def predicted_relations(doc, corpus: str, index: int) -> list[RelTuple]:
    """Entity-to-entity relations of a processed doc, ends restated in the
    corpus' span conventions and typed in its types."""
    types = ENTITY_TYPES[corpus]
    ents = restate(corpus, doc, [(e.start_char, e.end_char, e.label_) for e in doc.ents])

    def end(span) -> tuple[int, int, str] | None:
        a, b = span
        for s, e, label in ents:
            if s <= a and b <= e:
                # a type the corpus does not annotate (a Metric in SciER) is
                # neither right nor wrong, as in kg/evaluate.py's NER scoring
                return (s, e, types[label]) if label in types else None
        return None

    out = []
    for r in doc._.relations:
        rtype = r.type.value
        if rtype not in _ENTITY_RELATIONS or not isinstance(r.source, tuple):
            continue
        src, tgt = anaphor_end(end, r.source, getattr(r, "source_mention", None)), \
            anaphor_end(end, r.target, getattr(r, "target_mention", None))
        if src is None or tgt is None or src[:2] == tgt[:2]:
            continue
        out.append((index, src[0], src[1], src[2], PREDICTED_AS.get(rtype, rtype), tgt[0], tgt[1], tgt[2]))
    return out


def _key(rel: RelTuple, typed: bool) -> tuple:
    i, s0, s1, st, rtype, t0, t1, tt = rel
    a, b = ((s0, s1, st), (t0, t1, tt)) if typed else ((s0, s1), (t0, t1))
    if rtype in SYMMETRIC and b < a:
        a, b = b, a
    return (i, rtype, a, b)


def score_relations(gold: list[RelTuple], pred: list[RelTuple]) -> dict[str, dict[str, PRF]]:
    """``{"Rel": {type: PRF, "micro": PRF}, "Rel+": ...}`` (sets of keys:
    a relation stated twice counts once)."""
    out: dict[str, dict[str, PRF]] = {}
    for mode, typed in (("Rel", False), ("Rel+", True)):
        g = {_key(r, typed) for r in gold}
        p = {_key(r, typed) for r in pred}
        per: dict[str, PRF] = defaultdict(PRF)
        for k in g:
            per[k[1]].n_gold += 1
            per[k[1]].tp_gold += k in p
        for k in p:
            per[k[1]].n_pred += 1
            per[k[1]].tp_pred += k in g
        table = {t: per.get(t, PRF()) for t in SCORED_RELATIONS}
        micro = PRF()
        for prf in table.values():
            micro.add(prf)
        table["micro"] = micro
        out[mode] = table
    return out


def evaluate_relations(path: str | Path, corpus: str | None = None, fast: bool = False, nlp=None) -> dict:
    """Score the pipeline's entity-to-entity relations on a corpus file."""
    from extractors.pipeline import get_nlp

    corpus, docs = read_relation_corpus(path, corpus)
    nlp = nlp or get_nlp(fast)
    gold: list[RelTuple] = []
    pred: list[RelTuple] = []
    ceiling = 0
    for i, (rd, doc) in enumerate(zip(docs, nlp.pipe((d.doc.text for d in docs), batch_size=16))):
        gold.extend((i, *r[1:]) for r in rd.relations)
        mine = predicted_relations(doc, corpus, i)
        pred.extend(mine)
        spans = {(s, e) for s, e, _ in restate(corpus, doc, [(e.start_char, e.end_char, e.label_) for e in doc.ents])}
        ceiling += sum((r[1], r[2]) in spans and (r[5], r[6]) in spans for r in rd.relations)
    scores = score_relations(gold, pred)
    return {
        "corpus": corpus, "path": str(resolve_path(path)), "documents": len(docs), "fast": fast,
        "gold_relations": len(gold),
        "gold_with_both_ends_found": ceiling,
        "scores": {mode: {t: prf.as_dict() for t, prf in per.items()} for mode, per in scores.items()},
    }


def format_relation_table(result: dict) -> str:
    """A plain table: per type and micro, P/R/F1 and counts, Rel and Rel+."""
    lines = [f"{result['corpus']}: {result['documents']} units, {result['gold_relations']} gold relations "
             f"({result['gold_with_both_ends_found']} with both ends among our mentions)"]
    for mode, per in result["scores"].items():
        lines.append("")
        lines.append(f"{mode:15} {'P':>6} {'R':>6} {'F1':>6} {'pred':>6} {'gold':>6}")
        for t, d in per.items():
            lines.append(f"{t:15} {d['precision']:6.1f} {d['recall']:6.1f} {d['f1']:6.1f} {d['predicted']:6d} {d['gold']:6d}")
    return "\n".join(lines)
