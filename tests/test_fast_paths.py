"""The fast paths of the rules (issue 25) decide exactly as the slow ones.

Each shortcut is a cheap test tried before a costly one and must never
change a result: checked here on the seeds' real text, against the
pattern it spares."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from extractors import name_bounds, quantities

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))


@pytest.fixture(scope="module")
def seed_texts() -> list[str]:
    from kg.sources import read_records

    if not SEEDS.exists():
        pytest.skip("../shared/seeds not found")
    return [" ".join(p for p in (r.title, r.abstract) if p) for r in read_records(str(SEEDS), on_error=lambda e: None)]


def test_one_unit_alternation_matches_where_a_unit_pattern_does(seed_texts):
    tried = matched = 0
    for text in seed_texts:
        for cand in quantities._START.finditer(text):
            a = cand.start()
            one = quantities._ANY_WITH_NUMBER.match(text, a) is not None
            each = any(rx.match(text, a) is not None for _, rx in quantities._WITH_NUMBER)
            assert one == each, text[a : a + 40]
            tried += 1
            matched += each
    assert tried > 1000 and 100 < matched < tried  # both outcomes occur on the seeds


@pytest.mark.parametrize("text", ["ran 10 GPU hours", "about Ten Percent", "two hundred images", "3.5 Seconds", "7B-parameter",
                                  "1,000,000 tokens", "12 bits per weight", "2 points of BLEU", "12 12 ms"])
def test_one_unit_alternation_on_written_cases(text):
    for cand in quantities._START.finditer(text):
        a = cand.start()
        each = any(rx.match(text, a) is not None for _, rx in quantities._WITH_NUMBER)
        assert (quantities._ANY_WITH_NUMBER.match(text, a) is not None) == each


def test_collection_check_holds_wherever_its_pattern_matches(seed_texts):
    found = 0
    for text in seed_texts:
        for m in re.finditer(r"\b\w", text):  # every word start, "(ASPEC-JC)" too
            before = text[max(0, m.start() - 130) : m.start()]
            if name_bounds._COLLECTION_BEFORE.search(before[-120:]) is not None:
                found += 1
                assert name_bounds._may_introduce(before), before[-60:]
    assert found >= 5
    assert name_bounds._may_introduce("a new corpus named ") and name_bounds._may_introduce("the treebank ( ")
    assert name_bounds.described_type("RCSum", "a pretraining dataset Called ", "Method") == "Dataset"
    assert not name_bounds._may_introduce("we train a dataset on ")


def test_title_case_start_takes_words_in_only_outside_title_style():
    """The Title Case check runs only when a word would be taken in; the
    result is the one of checking it first."""
    import spacy

    from extractors.doctext import tokens
    from extractors.tokenizer import customize_tokenizer

    nlp = customize_tokenizer(spacy.blank("en"))
    running = nlp("We solve it with Integer Linear Programming in practice.")
    toks = tokens(running)
    start = [t.text for t in running].index("Linear")
    assert name_bounds.title_case_start(toks, start, start + 2, [False] * len(running), 0) == start - 1
    cited = nlp("as shown in Learning Robust And Adaptable Japanese Morphological Analysis With Integer Linear Programming")
    toks = tokens(cited)
    start = [t.text for t in cited].index("Linear")
    assert name_bounds.title_case_start(toks, start, start + 2, [False] * len(cited), 0) == start


def test_same_output_names_the_first_differing_paper(tmp_path):
    from same_output import first_difference

    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    rows = [{"paper": {"source_id": f"p{i}"}, "entities": [i]} for i in range(3)]
    a.write_text("".join(json.dumps(r) + "\n" for r in rows))
    rows[1]["entities"] = [9]
    b.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert first_difference(a, b) == "line 2 (p1): fields entities"
    b.write_text(json.dumps(rows[0]) + "\n")
    assert first_difference(a, b) == "3 vs 1 lines"
