"""Skip a regex where the literal text every match contains is absent.

Most cue patterns of the rules are tried on a sentence or a clause where
they do not match: "is/are ... used/employed/adopted" (passive use), "our /
the proposed ... method/model" (an own reference), "has been / recently /
prior work" (background). Python's ``re`` cannot skip ahead for a pattern
that starts with ``\\b`` or a group of alternatives, so each failing search
tries every position of the text, at a few microseconds a sentence.

:func:`required_literals` reads a pattern's syntax tree and derives a set
of strings such that every match contains at least one of them (e.g.
``used``, ``employed``, ... for the passive-use cue). :class:`Gated` runs
the pattern only where ``str.find`` (C speed, no backtracking) finds one of
them inside the text the match could occupy; elsewhere it answers at once
as the pattern would have: no match. The answers are exactly the pattern's,
since the literals are necessary for a match:

- a match lies within ``[pos, endpos)`` of the searched string (lookbehind
  and lookahead read outside it but consume nothing, and give no literal);
- only a pattern without ``re.IGNORECASE`` (global or in a group) is
  gated, so the literals are matched as written;
- a match of a bounded-width pattern tried at ``pos`` (``match``,
  ``fullmatch``) ends within its maximum width of ``pos``.

A gate pays a Python call and a few ``str.find`` per use, so it is worth it
only for patterns that fail most of the time on long texts: the rule
modules choose which (``gate``, measured per pattern: issue 25's profile).
"""
from __future__ import annotations

import re
import sys

# Python has no public API for a pattern's syntax tree, and no maintained
# PyPI package derives required literals for ``re`` patterns (re2 and regex
# are other engines with other syntax), so the stdlib's own parser is read:
# ``re._parser`` from 3.11, ``sre_parse`` before. Where it is missing or
# fails on a pattern, the gate is simply off (``gate`` returns the pattern
# itself): slower, never wrong. An opcode the walk below does not know ends a
# literal run and adds no literal, so new opcodes cannot make it unsound.
try:  # Python 3.11+
    import re._constants as _c
    import re._parser as _parser
except ImportError:  # pragma: no cover - Python < 3.11, or a future Python
    try:
        import sre_constants as _c  # type: ignore[no-redef]
        import sre_parse as _parser  # type: ignore[no-redef]
    except ImportError:
        _c = _parser = None  # type: ignore[assignment]

_MAX = sys.maxsize


def _score(lits: frozenset[str]) -> tuple[int, int]:
    """Better sets first: longer shortest literal, then fewer literals."""
    return (min(map(len, lits)), -len(lits))


def _required(items) -> frozenset[str] | None:
    """Strings one of which every match of the parsed sequence ``items``
    contains; None where none is known."""
    best: frozenset[str] | None = None
    run: list[str] = []

    def consider(lits: frozenset[str] | None) -> None:
        nonlocal best
        if lits and all(lits) and (best is None or _score(lits) > _score(best)):
            best = lits

    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            consider(frozenset(("".join(run),)))
            run = []
        if op is _c.SUBPATTERN:
            _group, add_flags, _del_flags, sub = av
            if not add_flags & _c.SRE_FLAG_IGNORECASE:
                consider(_required(sub))
        elif op is _c.BRANCH:
            alts = [_required(alt) for alt in av[1]]
            if alts and all(a is not None for a in alts):
                consider(frozenset().union(*alts))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            lo, _hi, sub = av
            if lo >= 1:
                consider(_required(sub))
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            consider(_required(av))
    if run:
        consider(frozenset(("".join(run),)))
    return best


def required_literals(pattern: re.Pattern) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` contains, as written
    (case-sensitive); None where the pattern ignores case or none is known."""
    if _parser is None or not isinstance(pattern.pattern, str) or pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        if parsed.state.flags & re.IGNORECASE:
            return None
        return _required(parsed)
    except Exception:  # pragma: no cover - a parser whose shape changed
        return None


class Gated:
    """``pattern``'s ``search``, ``match``, ``fullmatch``, ``finditer`` and
    ``findall`` (the same answers), tried only where one of its
    :func:`required_literals` occurs; any other attribute is the pattern's."""

    __slots__ = ("pattern_obj", "literals", "width")

    def __init__(self, pattern: re.Pattern, literals: frozenset[str]):
        self.pattern_obj = pattern
        self.literals = tuple(sorted(literals, key=lambda s: (-len(s), s)))
        hi = _parser.parse(pattern.pattern, pattern.flags).getwidth()[1]
        self.width = hi if hi < _c.MAXREPEAT else None

    def _absent(self, string: str, pos: int, endpos: int) -> bool:
        if pos <= 0 and endpos >= len(string):
            for lit in self.literals:
                if lit in string:
                    return False
            return True
        for lit in self.literals:
            if string.find(lit, pos, endpos) >= 0:
                return False
        return True

    def search(self, string: str, pos: int = 0, endpos: int = _MAX):
        if self._absent(string, pos, endpos):
            return None
        return self.pattern_obj.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = _MAX):
        if self._absent(string, pos, endpos if self.width is None else min(endpos, max(pos, 0) + self.width)):
            return None
        return self.pattern_obj.match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = _MAX):
        if self._absent(string, pos, endpos):
            return None
        return self.pattern_obj.fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = _MAX):
        if self._absent(string, pos, endpos):
            return iter(())
        return self.pattern_obj.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = _MAX):
        if self._absent(string, pos, endpos):
            return []
        return self.pattern_obj.findall(string, pos, endpos)

    def __getattr__(self, name: str):
        return getattr(self.pattern_obj, name)

    def __repr__(self) -> str:
        return f"Gated({self.pattern_obj!r}, {self.literals!r})"


def gate(pattern: re.Pattern, max_literals: int = 24) -> re.Pattern | Gated:
    """``pattern`` gated by its required literals (:class:`Gated`), or
    ``pattern`` itself where it has none usable (case-insensitive, no
    literal known, or more than ``max_literals`` to look for)."""
    lits = required_literals(pattern)
    if not lits or len(lits) > max_literals:
        return pattern
    try:
        return Gated(pattern, lits)
    except Exception:  # pragma: no cover - the parser's width API changed
        return pattern


def gate_names(namespace: dict, *names: str) -> None:
    """Gate the module-level patterns ``names`` of ``namespace`` in place (a
    rule module's last line: ``gate_names(globals(), "_A", "_B")``)."""
    for name in names:
        namespace[name] = gate(namespace[name])
