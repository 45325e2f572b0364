"""Symbols inside a formula are no names (issue 28: a fragment is never a node).

Abstracts of the learning-theory venues write their formulas in LaTeX
between dollar signs ("regret $R_T(u)\\le \\tilde O(G\\|u\\|^3)$", "the
condition number $\\kappa$", "unless $P=NP$"). The taggers read a capitalised
symbol or a piece of the formula as a name ("R_T(u)≤tilde" as a Method,
"kappa" as a Metric): a span that lies inside a formula names a variable of
the paper, never a method, dataset or metric.

A formula is a ``$...$`` pair on one line with a LaTeX mark inside (``\\``,
``_``, ``^``, ``{``, ``=``) or at most 12 characters without a space
("$EB$", "$A$"); money ("$5 million and $10") is not one.

On 6,000 real abstracts never read before (``draw_sample(3000, 1928374)`` and
``draw_sample(3000, 5647382)``, standard tier) 9 nodes had every mention
inside a formula; read one by one, all 9 were symbols ("kappa" of
"$\\kappa$" twice, "T_M", "OPT", "+ sqrtHSAK", "EB", "L2" of "$L_2^2$-loss",
"NP" of "$P=NP$", "sqrtT"): 9 of 9 right to drop. On the audit A-G the
rule drops "R_T(u)≤tilde" (a fragment); a name set in a text font
("$\\texttt{Skill-RRT}$", part G) is no formula.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_FORMULA = re.compile(r"\$([^$\n]{1,300})\$")
_LATEX_MARK = re.compile(r"[\\_^{}=]")
#: A name set in a text font ("$\\texttt{Skill-RRT}$"): a name, not a formula.
_NAMED = re.compile(r"^\s*\\(?:text\w*|math(?:rm|bf|tt|sf|it)|emph)\{[^{}$]*\}\s*$")


def formula_regions(text: str) -> list[tuple[int, int]]:
    """Char bounds of the LaTeX formulas of ``text`` (none without a dollar sign: one ``in`` test)."""
    if "$" not in text:
        return []
    return [m.span() for m in _FORMULA.finditer(text) if not _NAMED.match(m.group(1))
            and (_LATEX_MARK.search(m.group(1)) or (len(m.group(1)) <= 12 and " " not in m.group(1)))]


def inside_formula(regions: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether the chars ``start:end`` lie inside one of ``regions`` (with the dollar signs)."""
    return any(s < start and end < e for s, e in regions)


def normalized_regions(regions: list[tuple[int, int]], offsets) -> list[tuple[int, int]]:
    """``regions`` of a raw field as offsets of its normalised copy
    (:class:`~extractors.normalize.OffsetMap`; the normaliser drops the dollar
    signs, so the formula is found in the raw text, kg.extract.prepare)."""
    if not regions or offsets.starts is None:
        return list(regions)
    out = []
    for s, e in regions:
        a, b = bisect_left(offsets.starts, s), bisect_right(offsets.ends, e)
        if a < b:
            out.append((a - 1, b + 1))  # as around the dollar signs: inside_formula is strict
    return out
