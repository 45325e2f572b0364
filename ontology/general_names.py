"""Aliases that name a broader concept than their entry: split them off.

A curated alias that is the entry's name without its leading modifier(s)
("word segmentation" for "Chinese word segmentation", "super-resolution"
for "image super-resolution", "style transfer" for "neural style transfer")
is a synonym only when nothing else specialises the same head. When another
gazetteer name (curated or Papers with Code) is a different modifier on the
same words ("text style transfer", "Video Super-Resolution", "Japanese Word
Segmentation"), the short form is the common head of several concepts: as an
alias of one of them, every paper's "word segmentation" (Urdu's too) or
"super-resolution" (of equation solutions too) would be renamed into that one
sibling. Such an alias becomes an entry of its own (same type), so the
mention keeps its words and a Papers with Code page of that name attaches to
it; the specific entry keeps its name and other aliases, and is a variant of
the head (VARIANT_OF), unless it is already another name's variant.

Only leading modifiers count: a dropped head noun ("optical flow" for
"optical flow estimation", "F1" for "F1 score") names the same thing, and a
name without a sibling ("VOC 2012" for "Pascal VOC 2012", "Sintel" for "MPI
Sintel") is left alone. Measured on 3,000 real abstracts (kg/linking.py):
the curated aliases this splits carried 48 of the 367 word-changing
gazetteer links (standard tier).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"[^\W_]+")


def words(name: str) -> tuple[str, ...]:
    """Lower-case words of a name, hyphens as spaces, plural ``s`` kept
    ("super-resolution" -> ("super", "resolution"))."""
    return tuple(_WORD.findall(name.casefold().replace("-", " ")))


def leading_drop(name: str, alias: str) -> bool:
    """``alias`` is ``name`` without one or more leading words."""
    n, a = words(name), words(alias)
    return 0 < len(a) < len(n) and n[-len(a):] == a


def general_aliases(entries: Iterable, other_names: Iterable[tuple[str, str]] = ()) -> dict[int, set[str]]:
    """Per entry (``id(entry)``), its aliases that are a common head of
    several names: the entry's name minus leading words, where another name
    of the same type group (another entry's surface, or ``other_names``:
    (group, name) pairs such as Papers with Code rows) ends in the same
    words after a different modifier."""
    from .gazetteer import _GROUP

    entries = list(entries)
    # (group, head words) -> owners of names ending in those words after a modifier
    heads: dict[tuple[str, tuple[str, ...]], set] = {}

    def add(group: str, name: str, owner) -> None:
        w = words(name)
        for i in range(1, len(w)):
            heads.setdefault((group, w[i:]), set()).add(owner)

    for e in entries:
        for s in e.surfaces:
            add(_GROUP[e.type], s, id(e))
    for group, name in other_names:
        add(group, name, ("other", words(name)))
    out: dict[int, set[str]] = {}
    for e in entries:
        group = _GROUP[e.type]
        own = {words(s) for s in e.surfaces}
        for alias in e.aliases:
            if not leading_drop(e.name, alias):
                continue
            owners = heads.get((group, words(alias)), set())
            # another entry, or another name that is not one of this entry's own spellings
            if any(o != id(e) and not (isinstance(o, tuple) and o[1] in own) for o in owners):
                out.setdefault(id(e), set()).add(alias)
    return out


def split_general_aliases(entries: list, other_names: Iterable[tuple[str, str]] = ()) -> list:
    """``entries`` with each general alias (:func:`general_aliases`) moved
    into an entry of its own, placed right after its former entry (unless an
    entry of that name exists already)."""
    from dataclasses import replace

    from extractors.keys import name_key

    general = general_aliases(entries, other_names)
    if not general:
        return entries
    names = {name_key(e.name) for e in entries}
    out = []
    for e in entries:
        moved = general.get(id(e), set())
        if not moved:
            out.append(e)
            continue
        first = sorted(moved, key=e.aliases.index)[0]
        # the specific name is a variant of the common head (VARIANT_OF: Chinese word segmentation -> word segmentation)
        out.append(replace(e, aliases=tuple(a for a in e.aliases if a not in moved), variant_of=e.variant_of or first))
        for alias in sorted(moved, key=e.aliases.index):
            if name_key(alias) not in names:
                names.add(name_key(alias))
                out.append(replace(e, name=alias, aliases=(), part_of=None, variant_of=None, task=None))
    return out
