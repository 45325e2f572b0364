"""A symbol inside a LaTeX formula is no node (issue 28; extractors/math_spans.py)."""
from extractors.math_spans import formula_regions, inside_formula, normalized_regions
from extractors.normalize import normalize


def test_formula_regions_find_formulas_not_money_or_text_font_names():
    assert formula_regions(r"the condition number $\kappa$ of") == [(21, 29)]
    assert formula_regions("unless $P=NP$.") == [(7, 13)]
    assert formula_regions("it costs $5 million and $10 more") == []
    assert formula_regions(r"distilling $\texttt{Skill-RRT}$ for") == []
    assert formula_regions("no dollar here") == []


def test_regions_map_to_the_normalised_text_and_hold_the_symbol():
    raw = r"slackness, characterized by $\kappa$, the optimization"
    text, offsets = normalize(raw)
    regions = normalized_regions(formula_regions(raw), offsets)
    k = text.index("kappa")
    assert inside_formula(regions, k, k + len("kappa"))
    o = text.index("optimization")
    assert not inside_formula(regions, o, o + len("optimization"))


def test_extraction_drops_a_symbol_read_as_a_metric():
    from kg.extract import prepare

    class Rec:
        title = "Regret guarantees"
        abstract = r"Under slackness, characterized by $\kappa$, the optimization converges."

    prep = prepare(Rec())
    k = prep.text.index("kappa")
    assert inside_formula(prep.formulas, k, k + 5)
