"""Extraction on the real seeds: title names, generic words, offsets, results."""
from __future__ import annotations

from extractors.keys import name_key
from extractors.names import is_generic, title_name
from ontology import EntityType


def test_title_names_are_proposed(seed_papers):
    from extractors.paper_relations import slogan_title

    checked = slogans = 0
    for p in seed_papers:
        name = title_name(p.title)
        if not name:
            continue
        text = p.title + "\n\n" + (p.abstract or "")
        if p.title.startswith(name) and slogan_title(text, 0, len(name), len(p.title)):
            slogans += 1  # a slogan leading the title ("Don't Stop Pretraining: ..."): no proposal
            continue
        proposed = {name_key(e.name) for e in p.entities if e.proposed} | {
            name_key(m.text) for e in p.entities if e.proposed for m in e.mentions
        }
        assert name_key(name) in proposed, (p.title, proposed)
        checked += 1
    assert checked >= 100 and slogans <= 10, (checked, slogans)


def test_no_entity_is_a_bare_generic_word(seed_papers):
    # a model family the 120,000 abstracts establish ("deep neural networks", "language models",
    # ontology/established_terms.py; specific Methods by the audit's guide) may be made of such words
    from ontology.established_terms import established_terms
    from ontology.phrase_evidence import phrase_key

    terms = established_terms()

    def established(name: str) -> bool:
        words = phrase_key(name).split(" ")
        return any(" ".join(words[i:]) in terms for i in range(len(words)))

    bad = {e.name for p in seed_papers for e in p.entities
           if is_generic(e.name) and e.name.lower() not in _curated() and not established(e.name)}
    assert not bad, bad


def _curated() -> set[str]:
    from ontology.gazetteer import default_entries

    return {s.lower() for e in default_entries() for s in e.surfaces}


def test_entity_types_are_closed(seed_papers):
    assert {e.type for p in seed_papers for e in p.entities} <= set(EntityType)


def test_every_relation_has_evidence_inside_its_paper(seed_papers):
    n = 0
    for p in seed_papers:
        for r in p.relations:
            raw = p.title if r.evidence.field == "title" else p.abstract
            assert raw[r.evidence.start : r.evidence.end] == r.evidence.text
            assert r.extractor and 0 < r.confidence <= 1
            n += 1
    assert n > 500


def test_results_found_in_seeds(seed_papers):
    results = [r for p in seed_papers for r in p.results]
    assert len(results) > 200
    zoology = next(p for p in seed_papers if p.title.startswith("Zoology:"))
    got = {(r.span.text, r.value, r.unit) for r in zoology.results}
    assert ("2.1 perplexity points", 2.1, "points") in got
    assert ("70M parameter", 7e7, "params") in got
    assert ("1.4 billion parameter", 1.4e9, "params") in got
    tract = next(p for p in seed_papers if p.title.startswith("TrAct:"))
    assert {(r.value, r.unit, r.qualifier) for r in tract.results} >= {(1.25, "x", "range-low"), (4.0, "x", "range-high")}
