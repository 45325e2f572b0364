"""extractors.regex_gate runs a pattern only where a literal every match
contains occurs (issue 25): the derived literals must be necessary, and a
gated pattern must answer exactly as the pattern, checked for every
module-level pattern of the rule modules on real abstracts, sentence by
sentence, lower-cased and not, whole and from inner offsets."""
from __future__ import annotations

import importlib
import pkgutil
import random
import re
import sys
from pathlib import Path

import pytest

import extractors
from extractors.regex_gate import Gated, gate, required_literals

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))


@pytest.mark.parametrize("pattern, literals", [
    (r"\b(?:is|are)\s+(?:\w+ly\s+)?(?:used|employed)\b", {"used", "employed"}),
    (r"\bthis (?:paper|work)\b", {"this "}),
    (r"(?:a|b)?xyz", {"xyz"}),
    (r"(?:ab|cd)+", {"ab", "cd"}),
    (r"(?:ab|)c", {"c"}),
])
def test_required_literals(pattern, literals):
    assert required_literals(re.compile(pattern)) == literals


@pytest.mark.parametrize("pattern", [r"(?:ab)?", r"\w+", r"(?i)used", r"(?i:used)", r"a|\d"])
def test_no_literals_where_none_is_necessary(pattern):
    assert required_literals(re.compile(pattern)) is None
    assert not isinstance(gate(re.compile(pattern)), Gated)


def test_case_insensitive_patterns_are_not_gated():
    assert not isinstance(gate(re.compile("used", re.I)), Gated)


def _rule_patterns() -> list[tuple[str, re.Pattern]]:
    out = []
    for info in pkgutil.iter_modules(extractors.__path__):
        if info.name.startswith("train"):
            continue
        mod = importlib.import_module(f"extractors.{info.name}")
        for name, value in vars(mod).items():
            if isinstance(value, Gated):
                value = value.pattern_obj
            if isinstance(value, re.Pattern) and isinstance(gate(value), Gated):
                out.append((f"{info.name}.{name}", value))
    return out


def _canon(result):
    if result is None or isinstance(result, re.Match):
        return None if result is None else (result.span(), result.groups())
    if isinstance(result, list):
        return result
    return [(m.span(), m.groups()) for m in result]


def test_gated_answers_equal_the_patterns_on_real_abstracts(seeds_dir):
    from same_output import ABSTRACTS, draw_sample

    from kg.sources import read_records

    texts = [" ".join(p for p in (r.title, r.abstract) if p) for r in read_records(str(seeds_dir), on_error=lambda e: None)]
    if ABSTRACTS.is_dir():
        texts += [r["title"] + " " + r["abstract"] for r in draw_sample(300, seed=4713)]
    pieces = []
    for text in texts:
        pieces.append(text)
        pieces += [s for s in re.split(r"(?<=[.;])\s+", text) if s]
    pieces += [p.lower() for p in pieces]
    rnd = random.Random(25)
    patterns = _rule_patterns()
    assert len(patterns) > 50
    hits = 0
    for name, pattern in patterns:
        gated = gate(pattern)
        for piece in rnd.sample(pieces, min(len(pieces), 250)):
            for method in ("search", "match", "fullmatch", "finditer", "findall"):
                want = _canon(getattr(pattern, method)(piece))
                assert _canon(getattr(gated, method)(piece)) == want, (name, method, piece[:80])
                hits += want is not None and want != []
            a = rnd.randrange(len(piece) + 1)
            b = rnd.randrange(a, len(piece) + 1)
            for method in ("search", "match", "finditer"):
                want = _canon(getattr(pattern, method)(piece, a, b))
                assert _canon(getattr(gated, method)(piece, a, b)) == want, (name, method, a, b, piece[:80])
                assert _canon(getattr(gated, method)(piece, a)) == _canon(getattr(pattern, method)(piece, a))
    assert hits > 1000  # the patterns match: the comparison is not vacuous


def test_without_the_private_parser_the_gate_is_off(monkeypatch):
    """re._parser is private: if a Python drops it, rules run ungated (the
    same answers), never crash or gate wrongly."""
    import extractors.regex_gate as rg
    monkeypatch.setattr(rg, "_parser", None)
    pattern = re.compile(r"\b(?:is|are)\s+(?:\w+ly\s+)?(?:used|employed)\b")
    assert rg.required_literals(pattern) is None
    assert rg.gate(pattern) is pattern
