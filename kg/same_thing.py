"""Whether two entity ids of one paper name one thing, so that no relation
may join them (issue 26: "PBN > Prototype-Based Network" made a method
outperform itself; "Gemma 2B-2B outperforms Gemma 2B" joined the family
Gemma to its own member).

Linking merges most such pairs into one id (an abbreviation defined in the
paper, a gazetteer alias); these checks catch the pairs it kept apart: names
equal up to case and punctuation, an acronym of the other's words, a family
and its member (``variant_of``), or a name that only adds a size/version
suffix to the other ("Gemma" / "Gemma-2B").
"""
from __future__ import annotations

import re

from extractors.keys import name_key

from .model import Entity

_WORD = re.compile(r"[A-Za-z0-9]+")


def is_acronym(short: str, long: str) -> bool:
    """``short`` spells the initials of ``long``'s words ("PBN",
    "Prototype-Based Network"; Schwartz & Hearst, PSB 2003, match
    abbreviations by their letters in order, this is its strict case)."""
    letters = [c.lower() for c in short if c.isalpha()]
    if len(letters) < 2 or short.lower() == short:
        return False
    words = _WORD.findall(long)
    return len(words) == len(letters) and [w[0].lower() for w in words] == letters


def _suffix_of(a: str, b: str) -> bool:
    """``b`` is ``a`` plus a version or size suffix starting with a digit
    ("gemma" -> "gemma2b", "llama" -> "llama27b"), as keys."""
    return len(b) > len(a) >= 3 and b.startswith(a) and b[len(a)].isdigit()


def one_thing(a: Entity, b: Entity) -> bool:
    """Whether entities ``a`` and ``b`` of one paper denote the same thing."""
    if a.id == b.id or a.variant_of == b.id or b.variant_of == a.id:
        return True
    names_a = [a.name, *a.aliases]
    names_b = [b.name, *b.aliases]
    keys_a = {name_key(n) for n in names_a}
    keys_b = {name_key(n) for n in names_b}
    if keys_a & keys_b:
        return True
    if any(_suffix_of(x, y) or _suffix_of(y, x) for x in keys_a for y in keys_b):
        return True
    return any(is_acronym(x, y) or is_acronym(y, x) for x in names_a for y in names_b)
