"""extractors.anchored_scan runs a costly regex only near its anchors (issue
25): the matches must be exactly plain ``finditer``'s, checked on real
abstracts (the seeds and a sample of ../shared/corpora/abstracts) and on
hand-written lists whose later head word starts the list earlier."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from extractors import collection_lists as cl
from extractors.anchored_scan import finditer_near, list_start

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))


def _near(text: str) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group()) for m in finditer_near(cl._LIST, text, cl._HEAD_AT, 20, cl._HEAD_WORDS)]


def _plain(text: str) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group()) for m in cl._LIST.finditer(text)]


@pytest.mark.parametrize("text", [
    "Our results on synthetic and benchmark datasets show it.",  # a later head's list starts before an earlier head
    "We use the SMCalFlow and TreeDST datasets, and the CIFAR-10,CIFAR-100 , SVHN benchmarks.",
    "on A1, B2, C3, D4, E5, F6, G7, H8, I9, J10 and K11 datasets",  # longer than ten items
    "(MS-COCO dataset) and [PASCAL-VOC data  sets] / X-1 corpus-based",
    "datasets",
    " corpus",
])
def test_same_matches_as_finditer_on_written_lists(text):
    assert _near(text) == _plain(text)


def test_list_start_stops_where_no_separator_joins():
    text = "we evaluate on the A, B and C datasets"
    assert list_start(text, text.index(" datasets"), 20) == text.index("A,")
    assert list_start("the A datasets", 5, 20) == 4


def test_same_matches_as_finditer_on_real_abstracts(seeds_dir):
    from same_output import ABSTRACTS, draw_sample

    from kg.sources import read_records

    texts = [" ".join(p for p in (r.title, r.abstract) if p) for r in read_records(str(seeds_dir), on_error=lambda e: None)]
    if ABSTRACTS.is_dir():
        texts += [r["title"] + " " + r["abstract"] for r in draw_sample(1000, seed=4711)]
    matched = 0
    for text in texts:
        for variant in (text, text.replace(" ", "  "), text.replace(", ", ",")):
            plain = _plain(variant)
            assert _near(variant) == plain, variant[:80]
            matched += bool(plain)
    assert matched > 100  # the lists occur: the comparison is not vacuous


def test_number_starts_are_finditers_on_real_abstracts(seeds_dir):
    """quantities' number starts (finditer_from: tried only where a start
    character or a number word occurs) equal plain finditer's, ASCII or not."""
    from same_output import ABSTRACTS, draw_sample

    from extractors import quantities as q
    from extractors.anchored_scan import finditer_from
    from kg.sources import read_records

    texts = [" ".join(p for p in (r.title, r.abstract) if p) for r in read_records(str(seeds_dir), on_error=lambda e: None)]
    if ABSTRACTS.is_dir():
        texts += [r["title"] + " " + r["abstract"] for r in draw_sample(1000, seed=4712)]
    texts.append("Über ٣ results of ５ models, a hundred 3−4 ±2 ≤5 US$ 3 $4 one-two, none 12,000")
    found = 0
    for text in texts:
        first = q._START_CHAR if text.isascii() else q._START_CHAR_ANY
        plain = [m.span() for m in q._START.finditer(text)]
        assert [m.span() for m in finditer_from(q._START, text, first, q._NUMBER_WORDS)] == plain, text[:80]
        found += len(plain)
    assert found > 1000
