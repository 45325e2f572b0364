"""Method or Task by how real abstracts write the phrase.

The tagger types a span by its words and their neighbours in one abstract;
"density estimation" or "imitation learning" reads like a task there even
where the paper uses it as a technique. A graph node has one type in every
paper, so the type should be the phrase's, not the sentence's: the one the
120,000 real abstracts give it by usage (:mod:`ontology.usage_evidence`:
"using X", "X-based", "based on X" against "for X", "the X task", "X
benchmarks"; distributional typing after Hearst 1992 and Shang et al. 2018).

A chosen Method or Task mention that no list typed (the tagger's, a
pattern's, an abbreviation's long form) takes the usage type when the
counts are clear; too few counts keep today's type. Papers with Code's
tasks and methods are typed the same way where the gazetteer loads them
(:func:`ontology.gazetteer.merge_pwc`). The curated files
(ontology/gazetteer/*.tsv, which type learning settings such as active or
multi-task learning as Task, as the audit guide does, though abstracts write
them as tools), a title and a proposal's name keep theirs.

A bare acronym the paper does not define ("the conventional MNMT", "QA, IR,
MT") that the tagger read as a Method is a Task where the real abstracts
define it mostly as a task's (:mod:`ontology.acronym_evidence`).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ontology.acronym_evidence import acronym_task
from ontology.usage_evidence import usage_type

#: Sources whose type is the tagger's guess, a pattern's or an abbreviation's, and may be corrected.
_GUESSED = frozenset(("ner", "pattern", "repeat", "abbreviation"))
_TYPES = frozenset(("Method", "Task"))


def retype_by_usage(doc: Doc, text_of, chosen: list) -> None:
    """Retype in place the guessed Method/Task picks ``(span, start, end,
    label, source)`` whose phrase real abstracts write mostly the other way."""
    defined = {a.short for a in getattr(doc._, "abbreviations", None) or ()}
    for k, pick in enumerate(chosen):
        span, start, end, label, source = pick
        if label not in _TYPES or source not in _GUESSED:
            continue
        text = text_of(start, end)
        if label == "Method" and source != "abbreviation" and text not in defined and acronym_task(text) \
                and not _named_system(doc, text):
            typed = "Task"  # an acronym the paper does not define, which real abstracts define as a task
        else:
            typed = usage_type(text)
        if typed is not None and typed != label:
            chosen[k] = (Span(doc, start, end, label=typed, kb_id=span.kb_id, span_id=span.id), start, end, typed,
                         source)


_CITED = re.compile(r"\s*\[\d")


def _named_system(doc: Doc, acronym: str) -> bool:
    """Whether a bare acronym names a system, not a task, by a place where
    the paper writes it: "our DCL" or a citation after it ("TSR [12]",
    "HSC [8]"). The acronym evidence counts definitions, which say what an
    acronym usually stands for, not what it names in this paper. On SciER
    train (10-sentence units, standard tier) the acronym retyping changes
    39 spans; these places hold 2 of them (TSR, "Our DCL") and 4 more
    mentions of DCL follow them: 6 Methods it had made wrong, none it had
    made right. A Method listed
    beside the acronym was tried too (4 right of 5 on SciER train) and
    dropped: on 2,000 real abstracts (draw_sample(2000, 40140014)) it
    fired twice, both wrong ("DSL and GDI tasks", "Back-translation and APE
    augmented MT output"); these two places fired on none of them."""
    text = doc.text
    for m in re.finditer(r"(?<![\w-])" + re.escape(acronym) + r"(?![\w-])", text):
        s, e = m.span()
        if re.search(r"\b[Oo]ur\s+$", text[max(0, s - 5):s]) or _CITED.match(text, e):
            return True
    return False
