"""The gazetteer's one matcher pass finds what its two matchers found (issue 25:
speed without changing outputs).

The exact-case patterns also sit in the lower-case matcher; a hit on one
counts only where the words are written as the pattern is. Compared here
with the two-matcher path (``one_pass=False``) on a small gazetteer whose
names collide in the ways that matter: an exact-case name and a lower-case
name with the same words ("ARC" the benchmark, "arc" the method), an
exact-case name written in other cases ("adam", "ADAM"), a word name and its
plural, spelling variants of a hyphenated name.
"""
from __future__ import annotations

import spacy

from extractors.gazetteer import GazetteerMatcher
from extractors.tokenizer import customize_tokenizer
from ontology import EntityType
from ontology.gazetteer import GazetteerEntry

TEXT = ("We evaluate on ARC and on the Arc benchmark, train with Adam (not adam or ADAM), and compare an "
        "arc-standard parser with ARC-Easy. Whisper transcribes; whispers do not. GPT-3 and gpt-3 both appear, "
        "as do ImageNet-1K and Imagenet 1k.")

ENTRIES = (
    GazetteerEntry("ARC", EntityType.BENCHMARK, case_sensitive=True),
    GazetteerEntry("arc", EntityType.METHOD),
    GazetteerEntry("Adam", EntityType.METHOD, case_sensitive=True),
    GazetteerEntry("Whisper", EntityType.METHOD, case_sensitive=True),
    GazetteerEntry("GPT-3", EntityType.METHOD, case_sensitive=True),
    GazetteerEntry("ImageNet-1K", EntityType.DATASET),
    GazetteerEntry("ARC-Easy", EntityType.BENCHMARK),
)


def _found(matcher: GazetteerMatcher, doc) -> list[tuple[str, str]]:
    return [(doc[s:e].text, matcher._by_key[k][0].name) for s, e, k in matcher._matches(doc)]


def test_one_pass_equals_two_matchers():
    nlp = customize_tokenizer(spacy.blank("en"))
    one = GazetteerMatcher(nlp, "one", ENTRIES)
    two = GazetteerMatcher(nlp, "two", ENTRIES, one_pass=False)
    assert one._one_pass and not two._one_pass
    doc = nlp(TEXT)
    found = _found(one, doc)
    assert found == _found(two, doc)
    assert [m for m in one._matches(doc)] == [m for m in two._matches(doc)]  # the same keys, in order
    # the lower-case name wins a tie with the exact-case one, as the two matchers had it (lower-case hits first)
    assert ("ARC", "arc") in found and ("Arc", "arc") in found and ("Adam", "Adam") in found
    assert ("Whisper", "Whisper") in found and ("GPT-3", "GPT-3") in found and ("ARC-Easy", "ARC-Easy") in found
    assert not any(text in ("adam", "ADAM", "gpt-3", "whispers") for text, _ in found)  # exact case only


def test_one_pass_falls_back_when_two_entries_share_words():
    nlp = customize_tokenizer(spacy.blank("en"))
    shared = ENTRIES + (GazetteerEntry("ARC", EntityType.DATASET, case_sensitive=True),)
    matcher = GazetteerMatcher(nlp, "g", shared)
    assert not matcher._one_pass  # which of the two hits wins stays the separate matchers' order
    doc = nlp(TEXT)
    assert _found(matcher, doc) == _found(GazetteerMatcher(nlp, "h", shared, one_pass=False), doc)
