"""Foreign sentences (extractors/language.py): a French sentence gives no
phrase read as English and no number read with English conventions. The
texts are real ACL Anthology records of ../shared/corpora/abstracts."""
from __future__ import annotations

import pytest

from extractors.language import foreign_stretches, is_foreign, kept_in_foreign
from extractors.pipeline import make_nlp

#: acl_anthology 2016.jeptalnrecital-long.15: a French title with its English translation in parentheses.
TITLE = ("Fouille de motifs et CRF pour la reconnaissance de symptômes dans les textes biomédicaux "
         "(Pattern mining and CRF for symptoms recognition in biomedical texts)")
#: acl_anthology 2001.jeptalnrecital-recital.4, its last sentence: French decimal commas.
SCORES = ("Les performances atteintes par le système, sur les anthroponymes, sont de 89,4% pour le rappel "
          "et 94,6% pour la précision.")
#: acl_anthology 2017.jeptalnrecital-demo.13, its last sentence: a gain, not an absolute BLEU of 40.
GAIN = ("Nous avons obtenu des résultats prometteurs, avec un gain de +4,40% de score BLEU, par rapport au "
        "système de base utilisant l’approche de traduction automatique statistique.")


def test_function_words_tell_french_from_english():
    assert is_foreign(SCORES) and is_foreign(GAIN)
    # an English sentence of the same corpus, with a language pair and "e.g." (their letters are no French words)
    assert not is_foreign("We report results on the en-de and de-en directions of WMT, e.g. 28.4 BLEU on en-de.")
    # acronyms in capitals are English names, not French articles ("DA" is domain adaptation)
    assert not is_foreign("DA and DE methods, such as LE, are compared on the ET benchmark.")


def test_an_english_parenthesis_of_a_french_sentence_stays_english():
    stretches = foreign_stretches(TITLE, 0, len(TITLE))
    english = TITLE.index("(Pattern")
    assert stretches == [(0, english)]


def test_what_survives_in_a_foreign_sentence():
    assert kept_in_foreign("WordNet", "gazetteer")
    assert kept_in_foreign("FipsColor", "name") and kept_in_foreign("TAC 2008", "pattern")
    # French phrases and bare acronyms that English rules read as names do not
    assert not kept_in_foreign("Contextes Riches en Connaissances", "abbreviation")
    assert not kept_in_foreign("ensemble", "established")
    assert not kept_in_foreign("TAL", "name")  # traitement automatique des langues


@pytest.fixture(scope="module")
def nlp():
    return make_nlp("fast")


def test_french_decimal_commas_give_no_result(nlp):
    doc = nlp("Identification et catégorisation automatiques des anthroponymes du Français\n\n"
              "Le système se base sur des règles de grammaire. " + SCORES)
    assert doc._.quantities == [] and doc._.numbers == []
    doc = nlp("Translittération automatique pour une paire de langues peu dotée\n\n" + GAIN)
    assert doc._.quantities == []
    # BLEU is a curated name: it stays an entity in any language
    assert [(e.text, e.label_) for e in doc.ents] == [("BLEU", "Metric")]


def test_the_english_translation_of_a_title_keeps_its_entities():
    # the statistical tagger finds the task in the English parenthesis; nothing is taken from the French words
    doc = make_nlp("standard")(TITLE + "\n\nDans cet article, nous nous intéressons à l’extraction d’entités médicales de type "
              "symptôme dans les textes biomédicaux.")
    found = {(e.text, e.label_) for e in doc.ents}
    assert ("symptoms recognition", "Task") in found
    english = TITLE.index("(Pattern")
    assert all(e.start_char > english or e.text == "CRF" for e in doc.ents)


def test_english_text_is_read_as_before(nlp):
    doc = nlp("Attention Is All You Need\n\nThe Transformer achieves 28.4 BLEU on the WMT 2014 English-to-German "
              "translation task, improving over the best results by over 2 BLEU.")
    assert [q.value for q in doc._.quantities + doc._.numbers] == [28.4, 2.0]
    assert "Transformer" in {e.text for e in doc.ents}


def test_counts_in_a_foreign_sentence_stay_and_a_decimal_comma_goes(nlp):
    # audit part K (Parkinson's vowels, JEP 2020) and part B (CEFC rhythm): gold counts of speakers and hours
    doc = nlp("Imprécision dans la production des voyelles\n\nNous présentons les résultats d’une étude acoustique "
              "comparative de la production de voyelles par 63 locuteurs MP dysarthriques et non dysarthriques, avec "
              "35 locuteurs sains. La probabilité ne dépasse pas la tendance (p = 0, 067), mais celle pour les "
              "apprenants japonais est beaucoup plus significative.")
    assert [q.value for q in doc._.numbers] == [63, 35] and doc._.quantities == []


def test_a_french_score_stays_and_a_french_change_goes(nlp):
    # acl_anthology: "Le taux d’exactitude obtenu est de 78 %" (a score); "une dimintion du taux d’erreur de
    # l’ordre de 12%" (a reduction the English kind rules would read as a score of 12%)
    doc = nlp("Désambiguïsation lexicale par la base BabelNet\n\nLe taux d’exactitude obtenu est de 78 % sur l’ensemble "
              "des noms et des verbes choisis pour l’évaluation. Des résultats sur un corpus du français ont montré "
              "une dimintion du taux d’erreur de l’ordre de 12%.")
    assert [q.value for q in doc._.quantities] == [78.0]
