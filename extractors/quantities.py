"""Quantitative results: numbers with units, normalised, and what they measure.

Units (the documented vocabulary of ``Result.unit``): ``x`` multiplicative
factor, ``%`` percent, ``bit`` bit-width, ``params`` parameter count,
``tokens`` token count, ``points`` absolute metric points, ``GB``/``MB``
memory, ``ms``/``s``/``h`` time, ``fps`` frames per second, ``samples``
examples/images, ``USD`` a price in dollars, and ``""`` a bare number with a comparison ("<0.1").
A score's length unit (``mm``, ``cm``, ``m``, ``km``, ``nm``, ``µm``) is read after its number by
:func:`extractors.result_counts.with_length_unit`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc

from .anchored_scan import finditer_from
from .batching import batch_component
from .language import foreign_spans, in_foreign, unreadable
from .doctext import FoldedPattern, doc_text, fold, set_ext

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "fifty": 50, "hundred": 100, "a hundred": 100, "a thousand": 1000,
}
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "b": 1e9, "trillion": 1e12, "t": 1e12}

#: A number: thousands grouped by commas or by (thin) spaces ("1 000": 74
#: abstracts of ../shared write one), decimals, scientific notation ("1e-4").
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u2009\u202f]\d{3})+(?![\d.,]?\d)|\d+)(?:\.\d+)?(?:[eE][\-−]?\d+(?![\w]))?"
_NUM = r"(?P<num>(?:[+\-−±]\s?)?" + _DIGITS + "|" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r")"
_SCALE = r"(?:\s?(?P<scale>thousand|million|billion|trillion|[KkMBT])(?![a-zA-Z]))?"
#: "150+ FPS", "99+% accuracy", "200+ hours": at least the number (34 such in the 119,895 abstracts, 20 read,
#: all a figure in that unit; the number alone was read before, without its unit).
_PLUS = r"(?:\+(?![\d+]))?"
_PATTERNS: list[tuple[str, str]] = [
    ("x", _NUM + _PLUS + r"\s?(?:x|×|-?times|-?fold)(?![\w\d])(?!\s?\d)"),
    ("%", _NUM + _PLUS + r"\s?\\?(?:%|percent\b|per cent\b)"),  # "94.6\\%": a TeX leftover (365 abstracts)
    ("bit", _NUM + r"\s?-?\s?bits?\b(?!\s?/|\s+per\b)"),  # not "1.19 bits/char", "1.27 bits per character"
    ("params", _NUM + _SCALE + r"\s?-?\s?(?:parameters?|params)\b"),
    ("params", r"(?<![\w\-])" + _NUM + r"(?P<scale>[MB])\b(?=\s?(?:-?parameter|model|LLM|language model|param))"),
    ("tokens", _NUM + _SCALE + r"\s?-?\s?tokens?\b"),
    ("points", _NUM + r"(?![A-Za-z])\s?-?(?P<what>(?:[A-Za-z][\w\-]*\s){0,2})points?\b"),  # not "3D point clouds"
    ("USD", _NUM + _SCALE + r"\s?(?:USD|US dollars|dollars)\b"),  # "4,223 USD"
    ("GB", _NUM + _PLUS + r"\s?(?:GB|GiB)\b"),
    ("MB", _NUM + r"\s?(?:MB|MiB)\b"),
    ("ms", _NUM + _PLUS + r"\s?(?:ms|milliseconds?)\b"),
    ("h", _NUM + _PLUS + r"\s?(?:GPU[- ])?(?:hours?|hrs?)\b"),
    ("s", _NUM + r"\s?(?:seconds?|secs?)\b"),
    # "learn in under 5 minutes", "reduces ... to less than 40 minutes", "4 minutes of interaction" (audit GUIDE:
    # time is a cost, as hours and seconds are). In the 119,895 abstracts 267 write "N minute(s)/min(s)"; 30 read
    # (seed 11): 18 a time taken (training, deployment, a procedure), 8 an amount of recorded data ("100 minutes of
    # annotated material"), 4 other (a flight's endurance, "10 minutes ago"). Before, every one read as a count of
    # "minutes" with no unit; now the unit is right for all and the kind for the 18.
    ("min", _NUM + _PLUS + r"\s?(?:minutes?|mins?)\b"),
    ("fps", _NUM + _PLUS + r"\s?(?:FPS|fps|frames per second)\b"),
    ("samples", _NUM + _SCALE + r"\s?(?:images|examples|samples|videos|sentences|documents|questions|pairs|hours of speech)\b"),
    ("USD", r"(?<![\w$])(?:US)?\$\s?" + _NUM + _SCALE),  # "$4,223", "US$ 18", "$1.2 million"
    ("", r"(?P<op>[<>≤≥]|~)\s?" + _NUM + _SCALE),  # "~190k relations" (a unit after the number is tried first)
]
_COMPILED = [(unit, re.compile(pat, re.I if unit in {"samples", "h", "s"} else 0)) for unit, pat in _PATTERNS]
#: A candidate that starts with a comparison can only be the last pattern's;
#: every other pattern starts with a number (a sign, a digit or a number word).
_OPS = "<>≤≥~"
_WITH_OP, _WITH_NUMBER = _COMPILED[-1:], _COMPILED[:-2]
_WITH_DOLLAR = _COMPILED[-2:-1]


def _any_of(patterns: list[tuple[str, str]]) -> re.Pattern:
    """One pattern that matches at a position exactly when one of
    ``patterns`` does: the number (:data:`_NUM`) read once, then the
    alternation of what follows it in each (group names dropped, each part
    with its own flags; a pattern that does not start with the number is a
    branch of its own). A regex backtracks into the number for every branch
    that fails, so this is the same test as trying them one by one. Tried
    first, it saves the 13 single tries at most candidates, which no unit
    takes (on the seeds 3 in 4: bare numbers, years, "3D"): 48 -> 9 us per
    abstract."""
    def plain(pat: str) -> str:
        return re.sub(r"\(\?P<\w+>", "(?:", pat)

    tails, others = [], []
    for unit, pat in patterns:
        if pat.startswith(_NUM) and unit not in {"samples", "h", "s"}:
            tails.append(f"(?:{plain(pat[len(_NUM):])})")
        elif pat.startswith(_NUM):  # compiled with re.I: so is its tail (the number has no letter case to lose)
            tails.append(f"(?i:{plain(pat[len(_NUM):])})")
        else:
            others.append(plain(pat))
    return re.compile("|".join([plain(_NUM) + "(?:" + "|".join(tails) + ")", *others]))


#: Matches where some pattern of :data:`_WITH_NUMBER` does.
_ANY_WITH_NUMBER = _any_of(_PATTERNS[:-2])


def _trie(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` nested by shared prefixes
    ("t(?:en|hirty|...)"): the regex engine tries the branches of a flat
    alternation one by one at every position it looks at. Measured for
    :data:`_START` on the seeds: 58 -> 53 us per abstract, the same matches."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


#: Where a quantity may start: a number, sign, comparison or number word not glued to a word.
_START = re.compile(r"(?<![\w.])(?:[<>≤≥~]|(?:US)?\$\s?\d|[+\-−±]\s?\d|\d|(?:" + _trie(WORD_NUMBERS) + r")\b)")
#: The first character of each of _START's alternatives but the number words
#: (those are found with str.find): _START runs only where one occurs
#: (extractors.anchored_scan.finditer_from; 0.080 -> 0.035 ms an abstract, the
#: same matches on 12,000 real abstracts). ASCII digits for an ASCII text.
_START_CHAR = re.compile(r"[<>≤≥~$U+\-−±0-9]")
_START_CHAR_ANY = re.compile(r"[<>≤≥~$U+\-−±\d]")
_NUMBER_WORDS = tuple(WORD_NUMBERS)

#: What a number measures, by the words around it (case-insensitive; the
#: patterns are written in lower case for :class:`FoldedPattern`).
_KIND_RULES: list[tuple[FoldedPattern, str]] = [(FoldedPattern(p), kind) for p, kind in (
    (r"faster|speed-?up|speeds? up|acceleration|throughput", "speedup"),
    (r"memory|footprint|vram", "memory"),
    (r"flops|compute|computation", "compute"),
    (r"perplexity|ppl", "perplexity"),
    (r"accuracy|acc\.", "accuracy"),
    (r"\bf1\b|f-?score", "F1"),
    (r"bleu|rouge|meteor|cider", "text-overlap score"),
    (r"error|wer|cer", "error rate"),
    (r"context|window|sequence length|long", "context length"),
    (r"win(?:ning)? rate", "win rate"),
    (r"latency", "latency"),
    (r"cost", "cost"),
)]
_REDUCTION = FoldedPattern(r"fewer|less|reduc|smaller|lower|cut|sav|compress|shrink")
_INCREASE = FoldedPattern(r"improv|gain|boost|increase|more|higher|larger|better|outperform|surpass|exceed|beat")
_CONTEXT = FoldedPattern(r"context|window|length|sequence|long")


@dataclass(slots=True, frozen=True)
class Quantity:
    """A number found in text: normalised value, unit, kind, char span."""

    value: float
    unit: str
    kind: str
    start: int
    end: int
    qualifier: str | None = None


def parse_number(text: str, scale: str | None = None) -> float:
    """"1,024" -> 1024.0, "1.4" + "billion" -> 1.4e9, "ten" -> 10.0."""
    t = text.replace(" ", "").replace("\u2009", "").replace("\u202f", "").replace(",", "").replace("−", "-").replace("±", "")
    value = float(WORD_NUMBERS[t.lower()]) if t.lower() in WORD_NUMBERS else float(t)
    if scale:
        value *= SCALES[scale.lower()]
    return float(f"{value:.12g}")


def _kind(unit: str, before: str, after: str, what: str = "") -> str:
    """What a quantity measures, from its unit and the words around it.

    Looks first at the words right after the number (up to the next number or
    clause break), then right before it, then at the wider sentence.
    """
    fixed = {"USD": "cost", "bit": "bit-width", "params": "model size", "GB": "memory", "MB": "memory", "ms": "latency",
             "s": "time", "min": "time", "h": "time", "fps": "throughput", "samples": "data size"}
    if unit in fixed:
        return fixed[unit]
    wide = before[-60:] + " " + after[:60]
    if unit == "tokens":
        return "context length" if _CONTEXT.search(wide, fold(wide)) else "token count"
    near_after = what + " " + _CLAUSE.split(after[:40], maxsplit=1)[0]
    near_before = _CLAUSE.split(before[-30:])[-1]
    for ctx in (near_after, near_before, wide):
        low = fold(ctx)
        for pattern, kind in _KIND_RULES:
            if pattern.search(ctx, low):
                if unit == "x" and kind in {"memory", "compute"}:
                    return f"{kind} reduction" if _REDUCTION.search(ctx, low) else kind
                return kind
        if ctx is wide:
            break
        if unit == "x" and _REDUCTION.search(ctx, low):
            return "reduction"
        if _INCREASE.search(ctx, low):
            return "increase" if unit == "x" else "improvement"
        if unit != "x" and _REDUCTION.search(ctx, low):
            return "reduction"
    return "factor" if unit == "x" else ("score" if unit in {"%", "points"} else "value")


_CLAUSE = re.compile(r"\d|[,;()]|\band\b|\bwhile\b|\bwith\b|\bbut\b")


#: Words before a number that qualify it, tried in order on its lower-cased left context.
_QUALIFIERS = [(re.compile(p), q) for p, q in (
    (r"up to\s*$", "up to"),
    (r"(?:over|more than|above|at least|exceeding)\s*$", ">="),
    (r"(?:under|less than|below|at most|sub-?)\s*$", "<"),
    (r"(?:about|around|approximately|roughly|nearly|almost|~)\s*$", "~"),
    (r"between\s*$", "range-low"),
    (r"between\s+[\d.,]+\s*\S*\s+(?:and|to)\s*$", "range-high"),
)]


def _qualifier(before: str, sign: str, op: str | None) -> str | None:
    tail = before[-25:].lower()
    if op:
        return {"<": "<", ">": ">", "≤": "<=", "≥": ">=", "~": "~"}[op]
    if sign in "+-−":
        return "+" if sign == "+" else "-"
    for rx, qualifier in _QUALIFIERS:
        if rx.search(tail):
            return qualifier
    return None


_RANGE_BEFORE = re.compile(r"[\d%x×]\s?$")


def find_quantities(text: str) -> list[Quantity]:
    """All quantities in ``text``, left to right, non-overlapping (see :func:`scan_numbers`)."""
    return scan_numbers(text)[0]


def scan_numbers(text: str) -> tuple[list[Quantity], list[Quantity]]:
    """The quantities of ``text`` (numbers with a unit) and the bare numbers
    left, both left to right, non-overlapping.

    Candidate starts are found with one scan; each unit pattern is then tried
    anchored at a start, in the order of ``_PATTERNS`` (first match wins); a
    start no unit pattern takes is tried as a bare number (:data:`_BARE`)
    from the same scan, so the text is scanned once.
    """
    out: list[Quantity] = []
    bare: list[Quantity] = []
    next_free = 0
    low: re.Match[str] | None = None  # the low end of a range ("1-2 BLEU"), waiting for its high end
    for cand in finditer_from(_START, text, _START_CHAR if text.isascii() else _START_CHAR_ANY, _NUMBER_WORDS):
        a = cand.start()
        if a < next_free:
            continue
        if text[a] in _OPS and (q := _compared(text, a)) is not None:  # ">98%", "~3x", "(< 20 ms)": the unit is kept
            out.append(q)
            next_free = q.end
            continue
        for unit, rx in (_WITH_OP if text[a] in _OPS else _WITH_DOLLAR if text[a] in "$U"
                         else _WITH_NUMBER if _ANY_WITH_NUMBER.match(text, a) else ()):
            m = rx.match(text, a)
            if m is None:
                continue
            q = _quantity(text, unit, m)
            if q is not None:
                if low is not None and low.end() == q.start:
                    out.append(_range_low(low, q))
                    q = _range_high(q)
                out.append(q)
                next_free = m.end()
                break
        else:
            d = cand.end() - 1  # the first digit ("+12.3": after the sign)
            if not text[d].isdigit():
                continue
            if low is None or low.end() != d:
                r = _RANGE_LOW.match(text, d)
                if r is not None and not _YEAR.fullmatch(r.group("num")) and not _NAME_BEFORE.search(text, max(0, d - 2), d):
                    low = r  # "1-2 BLEU", "10-20%": the high end decides unit and kind
                    next_free = d + len(r.group("num"))
                    continue
            high = low is not None and low.end() == d
            if (q := _bare(text, d, text[a] if d > a else "", after_range=high)) is not None:
                if high:
                    bare.append(_range_low(low, q))
                    q = _range_high(q)
                bare.append(q)
                next_free = q.end
    return _without_spreads(text, out, bare)


#: A spread after a value: "85.3 ± 0.4%", "0.5161 ± 0.4549 mm", "16.9±1.7", "84.8% \\pm 7.4\\%", "95.12+-0.02".
_SPREAD_SIGN = re.compile(r"(?:\d|%)\s*(?:±|\\pm|\+/-|\+-)\s*$")


def _without_spreads(text: str, out: list[Quantity], bare: list[Quantity]) -> tuple[list[Quantity], list[Quantity]]:
    """``out`` and ``bare`` less the spreads (a standard deviation or error
    bar after "±" is no result of its own: it read as a score, "0.4%
    accuracy" on the leaderboard), the value before a spread taking the
    spread's unit when it has none ("85.3 ± 0.4%": 85.3 %). In the 119,895
    abstracts 109 write one, 189 spreads (mostly robotics: "0.5161 ± 0.4549
    mm"; 25 read at random, every one a spread of the value before it)."""
    spreads = []
    for q in (*out, *bare):
        end = q.start + 1 if text[q.start] in "±+-−" else q.start
        if _SPREAD_SIGN.search(text, max(0, end - 16), end):
            spreads.append(q)
    if not spreads:
        return out, bare
    drop = {id(q) for q in spreads}
    values = sorted((*out, *bare), key=lambda q: q.start)
    unit_of: dict[int, Quantity] = {}
    for s in spreads:
        prev = [v for v in values if v.end <= s.start and id(v) not in drop]
        if prev and prev[-1].unit == "" and s.unit and re.fullmatch(r"\s*(?:±|\\pm|\+/-|\+-)?\s*", text[prev[-1].end : s.start]):
            v = prev[-1]
            unit_of[id(v)] = Quantity(v.value, s.unit, _kind(s.unit, text[max(0, v.start - 80) : v.start], text[s.end : s.end + 80]),
                                      v.start, v.end, v.qualifier)
    keep_out = [unit_of.get(id(q), q) for q in out if id(q) not in drop]
    keep_bare = [q for q in bare if id(q) not in drop and id(q) not in unit_of]
    keep_out += [unit_of[id(q)] for q in bare if id(q) in unit_of]
    return sorted(keep_out, key=lambda q: q.start), keep_bare


_OP = re.compile(r"([<>≤≥~])\s?")
_OP_QUALIFIER = {"<": "<", ">": ">", "≤": "<=", "≥": ">=", "~": "~"}


def _compared(text: str, a: int) -> Quantity | None:
    """A number after a comparison sign read with its unit (">98%": 98 %,
    "~3x": 3 x, "< 20 ms": 20 ms; 286 abstracts of ../shared write one),
    qualified by the sign; None when no unit follows the number."""
    op = _OP.match(text, a)
    for unit, rx in _WITH_NUMBER:
        m = rx.match(text, op.end())
        if m is not None and (q := _quantity(text, unit, m)) is not None:
            return Quantity(q.value, q.unit, q.kind, a, q.end, _OP_QUALIFIER[op.group(1)])
    return None


#: The low end of a range of plain numbers, up to where the high end starts: "1-2", "1.5–2.0", "10 - 20".
_RANGE_LOW = re.compile(r"(?!0\s?[-–]\s?1\b)(?P<num>\d+(?:\.\d+)?)\s?[-–]\s?(?=\d)")  # (not a "0-1" scale)
_NAME_BEFORE = re.compile(r"[\w.\-@'’^_{/]$")  # "ResNet-18-34", "WMT'14-15": part of a name


def _range_high(q: Quantity) -> Quantity:
    """The high end of a range: its dash is no minus sign."""
    qualifier = "range-high" if q.qualifier in (None, "-", "−") else q.qualifier
    return Quantity(abs(q.value), q.unit, q.kind, q.start, q.end, qualifier)


def _range_low(low: re.Match[str], high: Quantity) -> Quantity:
    """The low end of a range as a quantity of the high end's unit and kind."""
    return Quantity(parse_number(low.group("num")), high.unit, high.kind, low.start(), low.start() + len(low.group("num")), "range-low")


_ENDS_CLAUSE = re.compile(r"\s*[.:;]")


def _quantity(text: str, unit: str, m: re.Match[str]) -> Quantity | None:
    a, b = m.span()
    num = m.group("num")
    if unit != "x" and num.lower() in WORD_NUMBERS and unit not in {"params", "tokens", "samples", "%"}:
        return None
    if unit in ("samples", "tokens") and num.lower() in WORD_NUMBERS and not m.groupdict().get("scale"):
        return None  # "two images", "two samples", "five images": words, no count (audit GUIDE); "three million
        # sentences" stays. On 3,000 real abstracts (seed 27920) 13 counts dropped, all read, none a result; on 461
        # other abstracts that write a number word before such a noun, 306 dropped, 30 read at random, none a result.
    if unit == "x" and num.lower() in WORD_NUMBERS and _ENDS_CLAUSE.match(text, b):
        return None  # "Our contribution is two-fold.", "the highest scoring system three times.": no factor
    groups = m.groupdict()
    try:
        value = parse_number(num, groups.get("scale"))
    except (ValueError, KeyError):
        return None
    sign = num.strip()[:1]
    before, after = text[max(0, a - 80) : a], text[b : b + 80]
    if sign in "-−" and _RANGE_BEFORE.search(before):  # "6.9x - 125.8x", "5%-10%": a range, not a negative value
        value, sign = abs(value), ""
        b_kind = _kind(unit, before, after, groups.get("what") or "")
        return Quantity(value, unit, b_kind, a + len(num) - len(num.lstrip("-− ")), b, "range-high")
    kind = _kind(unit, before, after, groups.get("what") or "")
    return Quantity(value, unit, kind, a, b, _qualifier(before, sign, groups.get("op")))


#: A bare number (no unit): a decimal, or an integer that is not a year,
#: not glued to a name ("ResNet-50", "WMT'14", "F1@5") nor to a unit.
_BARE = re.compile(r"(?<![\w.\-@'’^_{])(?<![A-Za-z]/)(?P<num>" + _DIGITS + r")(?![\w%]|\.\d|-[\w\d]|/[A-Za-z]|\\%)")
_BARE_HIGH = re.compile(r"(?P<num>" + _DIGITS + r")(?![\w%]|\.\d|-[\w\d]|/[A-Za-z]|\\%)")  # after a range's dash
_YEAR = re.compile(r"(?:19|20)\d\d")
#: A number with a glued scale letter before a plural noun: "10M tweets", "128K scenes", "100k concepts",
#: "12.6K citation contexts" (what :func:`extractors.result_counts.count_of` reads as a count). In the 119,895
#: abstracts 1,504 write one, 1,069 that no unit pattern takes ("params", "tokens", "samples" come first); 40 read
#: at random (seed 5), 37 a count of data (audit GUIDE: sizes of a dataset are `count`); wrong: "ImageNet 1K
#: Challenge datasets" (part of a name: not after a name-like word now) and "0.042M trainable parameters" (a
#: model size: not before "parameters" now, left missed as before).
_BARE_SCALED = re.compile(r"(?<![\w.\-@'’^_{])(?<![A-Za-z]/)(?P<num>\d+(?:\.\d+)?)(?P<scale>[KkMB])"
                          r"(?=\s+(?:[A-Za-z][a-z\-]*\s+){0,2}?(?!parameters\b)[a-z][a-z\-]*[^s\W]s\b)")
_NAME_WORD_BEFORE = re.compile(r"\b[A-Z][\w\-]*[A-Z0-9][\w\-]*\s$")  # "ImageNet 1K ...", "COCO 2K ..."


def _bare(text: str, a: int, sign: str, after_range: bool = False) -> Quantity | None:
    m = (_BARE_HIGH if after_range else _BARE).match(text, a)
    if m is None:
        s = None if after_range else _BARE_SCALED.match(text, a)
        if s is None or _NAME_WORD_BEFORE.search(text, max(0, a - 30), a):
            return None
        return Quantity(parse_number(s.group("num"), s.group("scale")), "", "value", a, s.end(),
                        _qualifier(text[max(0, a - 80) : a], sign or s.group("num")[:1], None))
    num = m.group("num")
    if _YEAR.fullmatch(num):
        return None
    try:
        value = parse_number(num)
    except ValueError:
        return None
    return Quantity(value, "", "value", a, m.end(), _qualifier(text[max(0, a - 80) : a], sign or num[:1], None))


def find_bare_numbers(text: str, taken: list[Quantity]) -> list[Quantity]:
    """Numbers without a unit outside ``taken``'s spans ("28.4" of "28.4
    BLEU", "91.62" of "an F1 score of 91.62"): candidates only, unit ``""``,
    kind ``value``; :mod:`extractors.results` keeps those its statement
    makes a score."""
    spans = [(q.start, q.end) for q in taken]
    return [q for q in scan_numbers(text)[1] if not any(x < q.end and q.start < y for x, y in spans)]


#: A number that numbers a part of a shared task or a procedure: "SemEval 2015 Task 18", "Subtasks 1 and 2",
#: "Track 3", "Phase 2", "stage 1": an identifier, never a count or a score (fresh part P6: "Subtask 1/2/3"
#: read as counts in every tier; draw_sample(3000): "Task 18 datasets" and "SemEval 2020 - Task 10" as counts, the
#: only 2 results it changes there). Of 30 such numbers read at random in the 120k, 28 were identifiers, 1 a
#: percentage (untouched: bare numbers only) and 1 a count the list form takes ("Sub-task 1 and 37 to Sub-task 2").
_PART_BEFORE = re.compile(r"\b(?:sub-?)?(?:task|track|subtrack|phase|stage|round)s?\s+(?:\d+[a-z]?\s*(?:,|and|or|&)\s*)*$",
                          re.I)


def names_a_part(text: str, start: int) -> bool:
    """Whether the bare number at ``start`` of ``text`` follows a part's word (:data:`_PART_BEFORE`)."""
    return _PART_BEFORE.search(text, max(0, start - 40), start) is not None


if not Doc.has_extension("numbers"):
    Doc.set_extension("numbers", default=[])
if not Doc.has_extension("quantities"):
    Doc.set_extension("quantities", default=[])


@batch_component("mlkg_quantities_v1")
def mlkg_quantities(doc: Doc) -> Doc:
    """Store the quantities of the doc text in ``doc._.quantities`` and the
    bare numbers left in ``doc._.numbers`` (:func:`scan_numbers`)."""
    text = doc_text(doc)
    quantities, numbers = scan_numbers(text)
    numbers = [q for q in numbers if not names_a_part(text, q.start)]
    foreign = foreign_spans(doc)
    if foreign:  # "89,4%" is 89.4 in French, "+4,40% de score BLEU" a gain: extractors/language.py
        quantities = [q for q in quantities if not (in_foreign(foreign, q.start, q.end) and unreadable(text, q.start, q.end))]
        numbers = [q for q in numbers if not (in_foreign(foreign, q.start, q.end) and unreadable(text, q.start, q.end))]
    set_ext(doc, "quantities", quantities)
    set_ext(doc, "numbers", numbers)
    return doc
