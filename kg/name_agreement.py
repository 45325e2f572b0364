"""When a paper's long form and a known name are one name: :func:`agrees`.

The linker (:mod:`kg.linking`) joins two spellings only when the paper
defines one as the other or the gazetteer lists both; a paper's long form
is checked against the gazetteer entry's names here, up to word endings and
one generic extra word, so "test-time adaptive" meets "test-time
adaptation" but "image aesthetic assessment" never meets "inter-annotator
agreement" (issue 28). Kept apart from the linker's registry so the rule
reads on its own.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz.distance import Levenshtein

_WORD = re.compile(r"[a-z0-9]+")


def agrees(long_form: str, names: Iterable[str], extra_word: bool = True) -> bool:
    """Whether a paper's long form is one of ``names`` up to word endings and
    one extra word: the same words in order, each pair sharing all but its
    last few letters ("test-time adaptive" / "test-time adaptation",
    "Generative Adversarial Nets" / "generative adversarial network",
    "Long Short-Term Memory networks" / "long short-term memory"; not "image
    aesthetic assessment" / "inter-annotator agreement", nor "Recursive
    Neural Network" / "recurrent neural network"). ``extra_word=False``:
    the same number of words only."""
    words = _WORD.findall(_fold(long_form))
    for name in names:
        other = _WORD.findall(_fold(name))
        if not extra_word and len(other) != len(words):
            continue
        if _aligned(words, other) or _aligned(other, words):
            return True
    return False


def _fold(text: str) -> str:
    return text.casefold().replace("-", " ")


def _aligned(longer: list[str], shorter: list[str]) -> bool:
    if len(shorter) < 2 and len(longer) != len(shorter) or not shorter:
        return False
    if len(longer) == len(shorter):
        return all(_same_stem(a, b) for a, b in zip(longer, shorter))
    if len(longer) != len(shorter) + 1:
        return False
    return any(_filler(longer, i) and all(_same_stem(a, b) for a, b in zip(longer[:i] + longer[i + 1:], shorter))
               for i in range(len(longer)))


def _filler(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` may be the one extra word: a generic head, a
    function word ("Positive and Unlabeled learning"), or "neural" before a
    network ("graph convolutional neural networks")."""
    w = words[i]
    return w in GENERIC_HEADS or (w == "neural" and i + 1 < len(words) and words[i + 1] in _NETS)


#: The one extra word :func:`agrees` allows: a generic head or kind word that
#: names no other concept ("Long Short-Term Memory networks"). Any other extra
#: word is a modifier or a head of its own, and dropping it renamed the paper's
#: concept: "neural semantic parsers (NSPs)" became semantic parsing,
#: "Recurrent Neural Network Grammars (RNNGs)" a recurrent neural network
#: (3,000 real abstracts, standard tier: kg/linking.py notes).
GENERIC_HEADS = frozenset(
    """network networks net nets model models method methods algorithm algorithms approach approaches framework
    frameworks architecture architectures system systems technique techniques mechanism mechanisms module modules
    layer layers unit units function functions procedure scheme corpus corpora dataset datasets data benchmark task tasks
    problem problems metric metrics measure score the of and with a an for""".split()
)
_NETS = frozenset("network networks net nets".split())


def _same_stem(a: str, b: str) -> bool:
    """One word in two endings: "adaptive"/"adaptation", "parsers"/"parsing",
    "nets"/"network"; both rests after the shared prefix are endings
    (:data:`_ENDINGS`) or the words are a typo apart, so "query"/"question"
    (3,000 real abstracts: "query answering (QA)" became question answering)
    are two words."""
    if a == b:
        return True
    n = min(len(a), len(b))
    common = next((i for i in range(n) if a[i] != b[i]), n)
    if not (common >= 3 and common >= n - 3 and common >= max(len(a), len(b)) - 5):
        return False
    if a[common:] in _ENDINGS and b[common:] in _ENDINGS:
        return True
    return n >= 6 and Levenshtein.distance(a, b) <= 2  # a typo: "Hidden Marlcov Models", "multi-layer perceptions"


_ENDINGS = frozenset(
    """s es e ed er ers ing ings ion ions ation ations ive ives al ally ic ical ics y ies ity ities ment ments or ors
    ist ists ism work works ence ent ance ant ness ize izes ized ization ise ised isation ly ory ative atives d""".split()
) | {""}
