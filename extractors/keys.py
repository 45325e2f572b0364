"""Normalised name keys shared by the gazetteer matcher and the linker.

Two surface forms denote the same name when their keys are equal: case,
Unicode form, hyphens, spaces and underscores do not count, so "ImageNet-1K",
"ImageNet-1k" and "ImageNet 1K" share the key ``imagenet1k``. Digits and
``+`` always count, so "CIFAR-10" / "CIFAR-100" and "CodeT5" / "CodeT5+" differ.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DROP = re.compile(r"[\s\-_‐‑‒–—/'’`\"()\[\],:;!?·^]+")
_DOT = re.compile(r"(?<!\d)\.|\.(?!\d)")


#: Spelling, not words: British -ise/-isation/-elling/-our, a possessive 's
#: ("Kendall's tau"), diacritics ("Fréchet"). Each folds both spellings to one
#: key, so no two different words meet ("filling"/"filing" are left alone:
#: only -elling folds).
_SPELLING = [
    (re.compile(r"(?<=[a-z])isation"), "ization"),
    (re.compile(r"(?<=[a-z][lrn])is(e|ed|es|ing|er|ers)\b"), r"iz\1"),  # normalise, summarise, tokenise; not noise, wise
    (re.compile(r"(?<=[a-z])ell(ing|ed|er|ers)\b"), r"el\1"),
    (re.compile(r"(?<=[a-z]{3})our\b"), "or"),
    (re.compile(r"(?<=[a-z])['’]s\b"), ""),
]
#: A literal each :data:`_SPELLING` rule's match contains (a rule runs only
#: where its literal occurs: a regex starting with a look-behind is tried at
#: every position, 1.5-4.5 us a name).
_SPELLING_LITERALS = (("isation",), ("is",), ("ell",), ("our",), ("'", "’"))


def _fold_spelling(text: str) -> str:
    if not text.isascii():  # ASCII has no decompositions and no combining marks
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    for (rx, repl), literals in zip(_SPELLING, _SPELLING_LITERALS):
        if any(lit in text for lit in literals):
            text = rx.sub(repl, text)
    return text


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """Case-, hyphen-, space-, spelling- and Unicode-insensitive key of a name.
    (Cached: the rules and the linker key the same names again and again;
    uncached it cost 26 us a name, 4% of the rules-only pipeline.)"""
    text = _fold_spelling(unicodedata.normalize("NFKC", text).casefold())
    if "." in text:
        text = _DOT.sub("", text)
    return _DROP.sub("", text)


def exact_key(text: str) -> str:
    """Like :func:`name_key` but case-sensitive (for short acronyms)."""
    text = unicodedata.normalize("NFKC", text)
    text = _DOT.sub("", text)
    return _DROP.sub("", text)


def singular_key(key: str) -> str | None:
    """Key with a plural ``s``/``es`` removed, or None when it has none.

    "transformers" -> "transformer", "gans" -> "gan", "processes" ->
    "process"; keys ending in a digit,
    "ss" or "us" are left alone ("class", "corpus").
    """
    if len(key) > 5 and key.endswith(("sses", "ches", "shes", "xes")):
        return key[:-2]  # processes, churches, patches, boxes
    if len(key) > 3 and key.endswith("s") and not key.endswith(("ss", "us", "is")):
        return key[:-1]
    return None


def slug(text: str) -> str:
    """Readable, stable id fragment: lowercase ASCII words joined by '-'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("+", "-plus")
    return re.sub(r"[^a-z0-9.]+", "-", text).strip("-.") or "x"
