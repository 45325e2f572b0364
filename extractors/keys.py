"""Normalised name keys shared by the gazetteer matcher and the linker.

Two surface forms denote the same name when their keys are equal: case,
Unicode form, hyphens, spaces and underscores do not count, so "ImageNet-1K",
"ImageNet-1k" and "ImageNet 1K" share the key ``imagenet1k``. Digits and
``+`` always count, so "CIFAR-10" / "CIFAR-100" and "CodeT5" / "CodeT5+" differ.
"""
from __future__ import annotations

import re
import unicodedata

_DROP = re.compile(r"[\s\-_‐‑‒–—/'’`\"()\[\],:;!?]+")
_DOT = re.compile(r"(?<!\d)\.|\.(?!\d)")


def name_key(text: str) -> str:
    """Case-, hyphen-, space- and Unicode-insensitive key of a name."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _DOT.sub("", text)
    return _DROP.sub("", text)


def exact_key(text: str) -> str:
    """Like :func:`name_key` but case-sensitive (for short acronyms)."""
    text = unicodedata.normalize("NFKC", text)
    text = _DOT.sub("", text)
    return _DROP.sub("", text)


def singular_key(key: str) -> str | None:
    """Key with a plural ``s``/``es`` removed, or None when it has none.

    "transformers" -> "transformer", "gans" -> "gan"; keys ending in a digit,
    "ss" or "us" are left alone ("class", "corpus").
    """
    if len(key) > 3 and key.endswith("s") and not key.endswith(("ss", "us", "is")):
        return key[:-1]
    return None


def slug(text: str) -> str:
    """Readable, stable id fragment: lowercase ASCII words joined by '-'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("+", "-plus")
    return re.sub(r"[^a-z0-9.]+", "-", text).strip("-.") or "x"
