"""Which mention of its sentence a value is about: the nearest one in the
same clause, and "respectively" lists paired in order.

Split out of :mod:`extractors.results` because where a value attaches is
one question asked of metrics, datasets and methods alike, apart from which
numbers are results and of what kind: a mention counts only within the
value's clause (";", ", and", "while", "whereas" end it; for a dataset ", and"
ends it unless a verb of the same subject follows), a following mention
introduced by on / in / for ranks first ("97.4% on ImageNet"), a value in
brackets belongs to the dataset before its bracket, and "2.8% and 3.2% ...
respectively on GLUE and SQuAD" pairs values and mentions in order.
"""
from __future__ import annotations

import re

from .doctext import Ent
from .quantities import Quantity
from .result_pairs import coordinated_before, item_slots, trailing_list, without_abbreviations


#: ", and" between two percentages joins one list of values, not two clauses: "on LDC2020T07 we have achieved 70.45%,
#: 71.76%, and 70.80% in Smatch F1" (the last value lost the dataset before it, the others the metric after it).
#: Only percentages: with bare numbers or ", and by N" it took citations, task numbers and other items' datasets
#: (on 3,000 real abstracts, seed 41015, 7 results changed, 0 right).
_LIST_AND = r"(?<=\d%),\s+and\s+(?=\d+(?:\.\d+)?\s?%)"
_CLAUSE_BREAK = re.compile(r";|(?!" + _LIST_AND + r"),\s+(?:and|while|but|whereas)\b|\bwhile\b|\bwhereas\b")
#: For a method, every ", and" still ends the clause: crediting a method across a list of percentages took compared or
#: improved methods ("outperforms ... PromptRank, by ... 9.43%, 7.68%, and 4.82%"; on 106 real abstracts that write
#: such a list, 2 of 11 method changes were right).
_METHOD_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|while|but|whereas)\b|\bwhile\b|\bwhereas\b")
#: For a dataset, ", and" ends the statement unless a verb of the same subject follows: "We evaluated our
#: DRNNs on SemEval-2010 Task 8, and achieve an F1-score of 86.1%" (the subject, its method, stays before).
_DATASET_CLAUSE_BREAK = re.compile(r";|(?!" + _LIST_AND + r"),\s+(?:and(?!\s+(?:also\s+|further\s+|then\s+)?(?:achiev|obtain|reach|attain|yield|report|establish|"
                           r"outperform|improv|score|set|get|surpass|show|demonstrat)[a-z]*\b)|while|but|whereas)\b"
                           r"|\bwhile\b|\bwhereas\b")
_CLAUSE_END = re.compile(r"[;.]|,\s+(?:and|while|but|whereas)\b")
_IN_BRACKETS = re.compile(r"\([^()]*$")
_BRACKET_OF = re.compile(r"\)\s*(?:of|on|in|from)\s+(?:the\s+)?$")
_INTRODUCED = re.compile(r"\b(?:on|in|for|of|across)\s+(?:the\s+)?$")


def _same_clause(text: str, a: int, b: int, breaks: re.Pattern[str] = _CLAUSE_BREAK) -> bool:
    lo, hi = min(a, b), max(a, b)
    # the search runs only where one of its literals occurs (a third of its
    # cost was trying ``\bwhile\b`` at every position)
    if text.find(",", lo, hi) < 0 and text.find(";", lo, hi) < 0 and text.find("while", lo, hi) < 0 \
            and text.find("whereas", lo, hi) < 0:
        return True
    m = breaks.search(text, lo, hi + 16)  # (past hi: the ", and" of a list of values looks at the value after it)
    return m is None or m.start() >= hi


def _attach(cands: list[Ent], q: Quantity, text: str, base: int, window: int = 80, dataset: bool = False) -> Ent | None:
    """The mention a quantity is about: the nearest one in the same clause
    (following mentions introduced by on/in/for first), none if too far.
    (Skipping a following mention when another value comes between was
    tried: "95.84 F1 ... and 97.00% UAS ... on PTB" shares its dataset, and
    the dev half lost 2 of 43 dataset links.)"""
    ranked = _ranked(cands, q, text, base, window, dataset)
    return ranked[0] if ranked else None


def _ranked(cands: list[Ent], q: Quantity, text: str, base: int, window: int = 80, dataset: bool = False) -> list[Ent]:
    """The mentions a quantity may be about, best first (:func:`_attach`'s order)."""
    qa, qb = q.start - base, q.end - base
    # a value in brackets belongs to the dataset before its bracket: "the OntoNotes coreference task (79.6% F1),
    # strong performance on the TACRED benchmark" (not one after it, unless "(25 out of 194 frames) of KITTI")
    close = text.find(")", qb) if dataset and _IN_BRACKETS.search(text, max(0, qa - 60), qa) else -1
    breaks = _DATASET_CLAUSE_BREAK if dataset else _CLAUSE_BREAK
    scored = []
    for e in cands:
        ea, eb = e.start_char - base, e.end_char - base
        d = ea - qb if ea >= qb else qa - eb
        if d < 0 or d > window or not _same_clause(text, qa, ea, breaks) \
                or 0 <= close < ea and not _BRACKET_OF.match(text, close, ea):
            continue
        if ea >= qb and _INTRODUCED.search(text[max(qb, ea - 12) : ea]):
            d -= window // 2  # "97.4% on ImageNet"
        scored.append((d, e))
    scored.sort(key=lambda de: de[0])  # stable: the first of equals, as before
    return [e for _, e in scored]


def _respectively(text: str, quantities: list[Quantity], cands: list[Ent], base: int) -> dict[int, Ent | None]:
    """"2.8% and 3.2% ... respectively on GLUE and SQuAD" (or "on GLUE and
    SQuAD ... 2.8% and 3.2%, respectively"): pair them in order, one
    "respectively" at a time (a sentence may hold two such lists). A value
    mapped to None is an item whose mention the NER did not tag: it takes
    no other mention of its clause."""
    if "respectively" not in text or len(quantities) < 2:
        return {}
    out: dict[int, Ent] = {}
    lo = 0
    for m in re.finditer(r"\brespectively\b", text):
        nxt = text.find("respectively", m.end())
        hi = len(text) if nxt < 0 else nxt
        qs = [q for q in quantities if lo <= q.start - base < m.start()]
        seg = without_abbreviations([d for d in cands if lo <= d.start_char - base < hi], text, base)
        if len(qs) >= 2:
            tail = _CLAUSE_END.search(text, m.end())
            stop = tail.start() if tail else len(text)
            after = [d for d in seg if d.start_char > qs[-1].end and (d.start_char - base < m.start() or d.start_char - base < stop)]
            before = [d for d in seg if d.end_char <= qs[0].start]
            run = trailing_list(qs, text, base)
            slots = None if len(after) == len(qs) else item_slots(run, seg, text, base, m.start())
            if slots is not None:  # "9.64%, 8.84% and 3.22% on the CIFAR-10, Brown and HPatches datasets respectively"
                # with "Brown" untagged: 8.84% is no other item's (it took CIFAR-10, the nearest, before)
                out.update({id(q): d for q, d in zip(run, slots)})
                lo = m.end()
                continue
            for group in (after, before[-len(qs):] if len(before) >= len(qs) else []):
                names = [d.text for d in group]
                if len(group) == len(qs) and len(set(names)) == len(names):
                    out.update({id(q): d for q, d in zip(qs, group)})
                    break
            else:  # the list right before "respectively" and a coordination before it ("improved F1 by 19.07% with a
                # precision, recall, and F1 ... of 83.75%, 87.01%, and 85.35% respectively")
                group = coordinated_before(seg, run[0], len(run), text, base) if 2 <= len(run) < len(qs) else []
                if group and len({d.text for d in group}) == len(group):
                    out.update({id(q): d for q, d in zip(run, group)})
        lo = m.end()
    return out
