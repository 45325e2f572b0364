"""Normalise TeX and HTML leftovers for the extractors, keeping offsets.

Abstracts scraped from listing pages carry ``\\%``, ````quotes''``, ``2times``,
``224times224``, ``rightarrow``, ``$...$`` and stray HTML; text from tokenised corpora (SciERC, SciER, PTB-style) carries
``-LRB-``/``-RRB-``/``-LSB-``/``-RSB-``/``-LCB-``/``-RCB-`` and ````...''``
quotes, restored to brackets and '"'. The raw text is
kept in the graph; extractors see the normalised copy, and every span they
find is mapped back to raw character offsets with :class:`OffsetMap`.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

# (pattern, replacement); the replacement may use groups. Order matters only
# in that alternatives are tried left to right at each position.
_RULES: list[tuple[str, str]] = [
    (r"<(?:/?[a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?/?>", ""),  # HTML tags
    (r"&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);", "\x00html"),  # entities (decoded)
    (r"``|''", '"'),
    (r"-[LR][RSC]B-", "\x00ptb"),  # Penn Treebank bracket escapes of tokenised corpora (SciERC, SciER)
    (r"\\([%&_#$])", r"\1"),
    (r"\\?(?<![A-Za-z])(?:right|left|long)arrow\b|\\to\b", "→"),
    (r"(?<=\d)\s?\\?times(?=\s?\d)", "x"),  # 224times224 -> 224x224
    (r"(?<=\d)\s?\\?times\b", "x"),  # 2times faster -> 2x faster
    (r"\\(?:sim|approx)\b\s?", "~"),
    (r"\\(?:leq|le)\b\s?", "≤"),
    (r"\\(?:geq|ge)\b\s?", "≥"),
    (r"\\pm\b\s?", "±"),
    (r"\\?(?<![A-Za-z])cdot\b\s?", "·"),
    (r"\$", ""),
    (r"\\(?:textbf|textit|emph|mathrm|mathbf|texttt|text)\{([^{}]*)\}", r"\1"),
    (r"\\(?=[A-Za-z])", ""),  # any other TeX command: drop the backslash
    (r"[{}]", ""),
    (r"[\u00a0\u2009\u202f]", " "),  # odd spaces
    (r"(?<=[A-Za-z.])~(?=[A-Za-z(\[])", " "),  # TeX tie: "approach~(CoTTA)", "Fig.~A"
    (r"\x00", ""),
]
_PTB = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_MASTER = re.compile("|".join(f"(?P<r{i}>{p})" for i, (p, _) in enumerate(_RULES)))
_REPL = [r for _, r in _RULES]


@dataclass(slots=True)
class OffsetMap:
    """Maps normalised character offsets back to the raw string.

    ``starts[i]``/``ends[i]`` are the raw start and end of normalised char ``i``;
    ``None`` arrays mean the text was unchanged (identity map).
    """

    raw_length: int
    starts: list[int] | None = None
    ends: list[int] | None = None

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``(start, end)`` of the normalised span ``[start, end)``."""
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else self.raw_length
            return pos, pos
        return self.starts[start], self.ends[end - 1]


def _replacement(match: re.Match[str]) -> str:
    idx = int(match.lastgroup[1:])  # type: ignore[index]
    repl = _REPL[idx]
    if repl == "\x00html":
        return html.unescape(match.group(0))
    if repl == "\x00ptb":
        return _PTB[match.group(0)]
    if "\\1" in repl:
        return match.expand(repl.replace("\\1", f"\\{_group_offset(idx) + 1}"))
    return repl


def _group_offset(rule_index: int) -> int:
    """Index of the named group of a rule, counting inner groups before it."""
    return _GROUP_INDEX[rule_index]


_GROUP_INDEX = [_MASTER.groupindex[f"r{i}"] for i in range(len(_RULES))]


def normalize(raw: str) -> tuple[str, OffsetMap]:
    """Normalised text and the offset map back to ``raw``."""
    if not _MASTER.search(raw):
        return raw, OffsetMap(len(raw))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in _MASTER.finditer(raw):
        a, b = m.span()
        out.append(raw[pos:a])
        starts.extend(range(pos, a))
        ends.extend(range(pos + 1, a + 1))
        rep = _replacement(m)
        out.append(rep)
        starts.extend([a] * len(rep))
        ends.extend([b] * len(rep))
        pos = b
    out.append(raw[pos:])
    starts.extend(range(pos, len(raw)))
    ends.extend(range(pos + 1, len(raw) + 1))
    return "".join(out), OffsetMap(len(raw), starts, ends)
