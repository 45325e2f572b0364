"""Sentences not written in English, found by their function words.

The rules of this package read English: cue words ("we propose", "improves
... by"), English noun phrases and English number formats. About 1.2% of the
120,000 real abstracts in ../shared/corpora/abstracts are written mostly in
French (1,490 of the 32,147 ACL Anthology ones, JEP/TALN/RECITAL papers;
counted 2026-12-07 as more French than English function words), and many
more hold a French paragraph beside an English one. Read as English, such a
sentence gave wrong nodes and wrong results: of the nodes the standard tier
made on 200 of those abstracts (seed 7), French phrases typed Method or Task
("ensemble" 14 times, "TAL" 7, "un module", "Notre extraction", "donc
l'identification", "conjonctions de subordination"), and French decimal
commas read as two numbers ("89,4%" stored as a 4% score, "+4,40% de score
BLEU" as an absolute BLEU of 40%, "1,7 %" as 7%).

So a sentence whose function words are more often those of French, German,
Spanish or Portuguese than English ones (at least two of them) is *foreign*:
there only curated gazetteer names, a title's name, CamelCase coined names
("FipsColor") and capitalised English names become entities
(:func:`kept_in_foreign`, :mod:`extractors.resolve`), and a number stays a quantity
unless the English rules would misread it (:func:`unreadable`): a decimal
comma ("89,4%", "0, 067" is one number) or a change word around it
("réduire ... d'environ 75%", "une diminution ... de 12%", "3 %
d'amélioration": a delta the English kind rules read as a score). On the
200 abstracts above, the percentages without a decimal comma were right
scores 9 times in 13 ("Le taux d'exactitude obtenu est de 78 %"), the 4
wrong ones changes; on the 47 French abstracts of ``draw_sample(3000)``
the 6 decimal-comma results were all wrong. Counts ("63 locuteurs", "300
heures de parole", gold in audit parts B and K) were right.
Function-word profiles are the
oldest language identifier (Ingle 1976; Grefenstette 1995, "Comparing two
language identification schemes"); a library (langid.py, lingua) would add
a dependency and a model for the one decision needed here, English or not
(not measured here; neither is installed).
An English doc costs one regex scan: sentences are read only where two words
that are nearly never English occur in the doc.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from .doctext import FOREIGN_KEY, doc_text
from .sentences import sentence_bounds

#: Words of French, German, Spanish, Portuguese that English text almost never
#: holds in lower case; two in a doc send it to the sentence-by-sentence check.
#: Written after a literal space, so that the regex engine skips to candidates
#: at C speed: 8 us CPU an abstract where a leading ``\b`` cost 29 (1,000
#: real abstracts, loaded machine; the tokenizer took 214 us in the same run).
_FOREIGN_HINT = re.compile(
    r" (?:les|des|une|dans|nous|avec|cette|pour|sur|qui|sont|aux|und|der|das|ist|mit|für|nicht|"
    r"los|las|del|para|por|una|dos|uma|não|também|est|été|à)\b"
)

#: Function words of those languages, none of them an English word too (no
#: "a", "as", "die", "do", "in", "on", "so", "no", "me", "con"), nor a letter
#: that English text holds alone ("e" of "e.g.", "y" and "o" of formulas).
#: They count only as written, in lower case, and never as a piece of a
#: hyphenated word: "DA" is domain adaptation, "en-de" a language pair.
FOREIGN_WORDS = frozenset(
    # French
    "le la les de des du un une et est dans pour sur nous avec qui que cette ces au aux par en sont ont "
    "pas ne se son sa ses leur leurs plus ou été être à"
    # German
    " der das und ist mit für von den zu auf ein eine wir nicht sich dem des werden wird"
    # Spanish
    " el los las del para por una es al lo como más sus entre"
    # Portuguese
    " os da dos das em com um uma é não ao pelo pela".split()
)
#: English function words.
ENGLISH_WORDS = frozenset(
    "the of and to in a an is for that this with on are by we as be from at or it which our these "
    "their was were has have can than into its such".split()
)

_WORD = re.compile(r"(?<![\w-])[^\W\d_]+(?![\w-])")


def _counts(text: str) -> tuple[int, int]:
    """(foreign, English) function words of ``text``."""
    foreign = english = 0
    for w in _WORD.findall(text):
        if w in FOREIGN_WORDS:
            foreign += 1
        elif w in ENGLISH_WORDS:
            english += 1
    return foreign, english


def is_foreign(text: str) -> bool:
    """Whether ``text`` (a sentence) holds more foreign function words than
    English ones, and at least two."""
    foreign, english = _counts(text)
    return foreign >= 2 and foreign > english


def is_english(text: str) -> bool:
    """Whether ``text`` holds more English function words than foreign ones,
    and at least two: a parenthesis without any ("(p = 0, 067)") is no
    English translation."""
    foreign, english = _counts(text)
    return english >= 2 and english > foreign


#: A parenthesised stretch of three words or more, judged by itself: JEP/TALN
#: titles give their English translation in parentheses ("Fouille de motifs
#: et CRF pour la reconnaissance de symptômes (Pattern mining and CRF for
#: symptoms recognition in biomedical texts)").
_PARENTHESIS = re.compile(r"\([^()]*?\w+\W+\w+\W+\w+[^()]*\)")


def foreign_stretches(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start_char, end_char) of the foreign stretches of the sentence
    ``text[start:end]``: the sentence less its English parentheses
    (:func:`is_english`) when its words outside them are foreign, else its
    foreign parentheses."""
    sentence = text[start:end]
    groups = [(m.start(), m.end()) for m in _PARENTHESIS.finditer(sentence)]
    outside = sentence
    for a, b in groups:
        outside = outside[:a] + " " * (b - a) + outside[b:]
    if not is_foreign(outside):
        return [(start + a, start + b) for a, b in groups if is_foreign(sentence[a:b])]
    out, at = [], 0
    for a, b in groups:
        if is_english(sentence[a:b]):
            out.append((start + at, start + a))
            at = b
    out.append((start + at, end))
    return [(a, b) for a, b in out if b > a]


def foreign_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start_char, end_char) of the doc's foreign stretches
    (:func:`foreign_stretches` of each sentence), computed once per doc; []
    for nearly every doc."""
    cached = doc.user_data.get(FOREIGN_KEY)
    if cached is not None:
        return cached
    text = doc_text(doc)
    out: list[tuple[int, int]] = []
    hints = _FOREIGN_HINT.finditer(text)
    if next(hints, None) is not None and next(hints, None) is not None:
        for b in sentence_bounds(doc):
            out += foreign_stretches(text, b[2], b[3])
    doc.user_data[FOREIGN_KEY] = out
    return out


_DECIMAL_COMMA = re.compile(r"\d,\s?\d")
#: Change words of French (the foreign language of nearly all such abstracts) near a number.
_CHANGE = re.compile(r"amélior|réduct|rédui|dimin|baiss|hauss|augment|gain|gagn|progress|relati", re.I)


def unreadable(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` of a foreign stretch is one
    the English rules misread: a piece of a decimal comma ("89,4", "0, 067",
    "+4,40") or a number with a change word within 60 characters before it or
    20 after it ("une diminution du taux d'erreur de l'ordre de 12%")."""
    if _DECIMAL_COMMA.search(text, max(0, start - 3), end + 3) is not None:
        return True
    return _CHANGE.search(text, max(0, start - 60), min(len(text), end + 20)) is not None


def in_foreign(stretches: list[tuple[int, int]], start_char: int, end_char: int) -> bool:
    """Whether the characters ``start_char``-``end_char`` lie in one of the
    foreign ``stretches``."""
    return any(a <= start_char and end_char <= b for a, b in stretches)


_CAMEL = re.compile(r"[A-Za-z0-9-]*[a-z][A-Z][A-Za-z0-9-]*")
#: A proper name of two words or more written in English: each word capitalised
#: or a number, joined by at most "of", "for", "and", "the" ("TAC 2008",
#: "Watson Knowledge Studio", "Constraint Languages for Lambda Structures").
_ENGLISH_NAME = re.compile(r"[A-Z][\w.-]*(?:\s+(?:(?:of|for|and|the)\s+)?(?:[A-Z][\w.-]*|\d[\w.-]*))+", re.ASCII)


def kept_in_foreign(text: str, source: str) -> bool:
    """Whether a candidate entity survives in a foreign stretch: a curated
    gazetteer name (written the same in any language: "WordNet", "BLEU",
    "conditional random field"), the name a title gives before its colon
    ("Webaffix : un outil d'acquisition morphologique ..."), one CamelCase
    word ("FipsColor", "ExoGen"), a coined name in any language, or a
    capitalised name of English words (:data:`_ENGLISH_NAME`) with no
    foreign function word. Every other source reads English noun phrases
    and cue words: a lone acronym is as often a French one ("TAL",
    traitement automatique des langues) as a name."""
    if source in ("gazetteer", "title") or _CAMEL.fullmatch(text):
        return True
    return bool(_ENGLISH_NAME.fullmatch(text)) and not any(w in FOREIGN_WORDS for w in text.split())
