"""Results attached on the graph's settled entity types.

The spaCy component attaches each result to the metric, dataset and method
mentions of its sentence by the types the sentence's NER gave them
(:func:`extractors.results.sentence_results`). The graph settles a mention's
type later, over the whole corpus (the gazetteer's type, else the majority
of its mentions' votes: :meth:`kg.linking.Linker.observe`), so the two may
disagree: "an accuracy of 0.784 on the RumourEval test set" with
RumourEval a Method in its sentence but a Dataset in the graph. A result
must link what the graph says its statement names, so a sentence holding a
mention whose settled type differs from its NER type is attached again, by
the same rules, on the settled types. Sentences where every type agrees
keep the component's results as they are (the same inputs give the same
output), so the cost is one dictionary look-up per mention of a result
sentence.

(This replaces two patches that mended the symptoms after attachment: a
method link to a graph Dataset made the dataset, and a list of "dataset if
the graph says so" candidates per result.)
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from extractors.doctext import Ent
from extractors.quantities import Quantity
from extractors.results import LocalResult, sentence_results


def result_tuple(lr: LocalResult) -> tuple:
    """A :class:`LocalResult` as the plain tuple of ``DocData.results``: (value,
    unit, kind, start, end, qualifier, metric, dataset, method, measure,
    direction, scale, own, over, subset); spans as (start, end) tuples."""
    def span(x):
        return tuple(x) if x else None

    q = lr.quantity
    return (q.value, q.unit, lr.kind, q.start, q.end, q.qualifier, span(lr.metric), span(lr.dataset), span(lr.method),
            q.kind, lr.direction, lr.scale, lr.own, span(lr.over), lr.subset)


def _quantity(t: Sequence) -> Quantity:
    value, unit, kind, start, end, qualifier = t
    return Quantity(value, unit, kind, start, end, qualifier)


def settled_results(text: str, ents: list[tuple], results: list[tuple], inputs: list[tuple],
                    settled: Callable[[tuple[int, int]], str | None]) -> list[tuple]:
    """``results`` (``DocData.results``) with each sentence re-attached where a
    mention's settled type differs from its sentence type.

    ``ents``: ``DocData.ents`` (text, kb_id, label, id, start, end);
    ``inputs``: ``DocData.result_inputs``, one per result sentence, in order
    (sentence span, number of its results, its mentions' spans, quantities,
    bare numbers, the paper's own proposal's span);
    ``settled(span)``: the graph's type of the mention at ``span`` (an
    :class:`ontology.EntityType` value), None where it is no node (a
    generic description keeps its sentence type)."""
    by_span = {(e[4], e[5]): e for e in ents}
    out: list[tuple] = []
    i = 0
    for start, end, n, spans, quantities, numbers, own_span in inputs:
        mine = results[i : i + n]
        i += n
        labels = [(span, by_span[span][2], settled(span)) for span in spans if span in by_span]
        own = None
        if own_span is not None and tuple(own_span) in by_span:  # the paper's proposal, maybe in another sentence
            o = by_span[tuple(own_span)]
            own = Ent(0, 0, o[4], o[5], settled(tuple(own_span)) or o[2], o[0])
        if all(new is None or new == old for _, old, new in labels) and (own is None or own.label_ == o[2]):
            out.extend(mine)
            continue
        sent_ents = [Ent(0, 0, a, b, new or old, text[a:b]) for (a, b), old, new in labels]
        found = sentence_results((start, end), text[start:end], sent_ents, [_quantity(q) for q in quantities], own,
                                 [_quantity(q) for q in numbers])
        out.extend(result_tuple(lr) for lr in found)
    out.extend(results[i:])  # (none: every result comes from a result sentence)
    return out
