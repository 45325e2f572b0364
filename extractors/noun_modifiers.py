"""Task spans that stop inside a noun compound take its nouns in (issue 28: a
fragment is never a node).

The taggers and the gazetteer match a task by its last words and often
stop one noun short: "point detection" of "feature point detection",
"reasoning" of "uncertainty reasoning", "Keypoint Estimation" of "hand
keypoint estimation" (tests/data/audit, judged fragments). In English the
head of a noun compound is its last noun and the nouns before it say what it
acts on (Downing 1977; Lauer 1995, noun-compound bracketing): "feature point
detection" detects feature points, so "point detection" names another,
unstated task.

Whether the word before a span is a noun is read from how real abstracts use
it (:mod:`ontology.word_classes`: en_core_web_sm's tags over real abstracts,
counted once and shipped): a word almost always tagged a noun ("feature",
"hand", "uncertainty", "occlusion") is taken in; an adjective, a verb or an
ambiguous word ("novel", "addresses", "rhetorical", "joint") is not. The
pipeline itself runs no tagger (the tiers' speed floors): one dictionary
lookup per span with a lower-case word before it.

Which spans: a tagger's Task span of two words or more, and a one-word
curated task ("reasoning", "summarization", "QA"). A curated name of two
words or more is left as it is, whichever extractor found it: inside a
longer name it is a name in its own right (tests/data/audit/GUIDE.md,
"question generation" of "clarification question generation"), and grown
it was lost more often than completed.

Counted on real abstracts (standard tier, before/after, every changed node
read): on ``draw_sample(3000, 31337077)`` the first form (every Task span of
the taggers and the gazetteer) changed 35 nodes, 24 right, 11 wrong (7 of
them a curated name of two words or more grown into a phrase that was then
no node: "feedback motion planning", "domain taxonomy learning", "image
few-shot learning"); with the guard above, 15 changed, 13 right ("news
summarization", "book success prediction", "cell type classification",
"Terrain contact modeling", "life long learning" now continual learning),
2 wrong ("Argument Reasoning" of "Argument Reasoning Comprehension"; the
question answering of "community QA search domains" lost). On a second
sample never read before (``draw_sample(3000, 5150501)`` less the first, 2,874
abstracts) 18 changed: 12 right ("restaurant recommendation", "skin
conductivity estimation", "needle curvature estimation", "logic
reasoning"), 6 wrong, 4 of them an acronym alone grown ("lattice ASR
inputs", "candidate ASR captions", "Community QA Forums", "state of the art
DST"); so an acronym alone is left as it is (on the two samples read, that
guard turns 2 right changes, "video QA" and "text MT", and 5 wrong ones
back: 23 of 26 right; counted on the samples that suggested it, an
optimistic count). On a third sample never read before
(``draw_sample(3000, 6061616)`` less the first two, 2,794 abstracts) 8
changed: 5 right ("annotation schema alignment", "reference
recommendation", "data summarization", "gait information detection",
"hyperpartisan news detection", the gazetteer's name), 3 wrong
("government transliteration standards", "state of the art machine
learning models", "United States: Shared Task 3"). Read by the case of the
word taken in, over the three samples: lower-case 22 right of 25,
Capitalised 6 of 9; so only lower-case words are taken in, and "state of
the art" is no phrase opener (22 of 24 on the three samples, the last
guards counted on the samples that suggested them). The final rule on the
third sample: 6 changed, 5 right, 1 wrong ("government transliteration
standards").

Plain functions over :class:`~extractors.doctext.Tokens`; ``taken`` marks
tokens that another chosen mention holds.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ontology.word_classes import noun_share

from .doctext import Tokens
from .name_bounds import NOT_NAME_WORDS, NUMBER_WORDS

#: A word is a noun when at least this share of its tokens is tagged one ...
MIN_NOUN_SHARE = 0.9
#: ... of at least this many tokens seen.
MIN_SEEN = 5
#: At most this many nouns are taken in before a span.
MAX_NOUNS = 2
_WORD = re.compile(r"^[A-Za-z]?[a-z]{2,}$")
#: What may open the noun phrase before the nouns taken in: a determiner, a preposition, a
#: conjunction, or punctuation / the text's start.
_NP_OPENERS = frozenset("""a an the this these those its their our his her each every any some no all both
    of for in on to by with from at as via into onto over under about between among through during without within
    across against toward towards after before upon and or but nor while whereas than whose such e.g. i.e.""".split())
_LOOSE_DASHES = frozenset(("-", "--", "\u2013", "\u2014"))


def is_noun(word: str) -> bool:
    """Whether a word reads as a singular noun by how real abstracts tag it
    ("feature", "hand", "uncertainty", "news"; not "novel", "addresses",
    "rhetorical", "models": a plural is no modifier, and "models" is a verb
    as often, "which models sentence generation")."""
    low = word.lower()
    if not _WORD.match(word) or low in NOT_NAME_WORDS or low in NUMBER_WORDS:
        return False
    share, seen = noun_share(low)
    if share < MIN_NOUN_SHARE or seen < MIN_SEEN:
        return False
    if low.endswith("s") and not low.endswith(("ss", "us", "is")):
        # a plural when its singular is a noun ("models" of "model", "studies" of
        # "study"); "news", "robotics", "series" have no such singular
        ones = [low[:-1]]
        if low.endswith(("ses", "xes", "zes", "ches", "shes")):
            ones.append(low[:-2])
        if low.endswith("ies"):
            ones.append(low[:-3] + "y")
        for one in ones:
            share_one, seen_one = noun_share(one)
            if seen_one >= MIN_SEEN and share_one >= 0.5:
                return False
    return True


def _loose_key(text: str) -> str:
    """Lower-case words, hyphens as spaces, a plural "s" off the end: cheap
    enough to key the whole gazetteer once (40 ms, where the linker's
    :func:`~extractors.keys.name_key` took a second)."""
    key = " ".join(text.casefold().replace("-", " ").split())
    return key[:-1] if len(key) > 3 and key.endswith("s") and not key.endswith("ss") else key


@lru_cache(maxsize=1)
def _curated_keys() -> frozenset[str]:
    from ontology.gazetteer import default_entries

    return frozenset(_loose_key(n) for e in default_entries() for n in (e.name, *e.aliases) if " " in n or "-" in n)


def curated_name(text: str) -> bool:
    """Whether the gazetteer knows ``text`` (two words or more) as a name.
    Such a name inside a longer one is a name in its own right ("question
    generation" of "clarification question generation",
    tests/data/audit/GUIDE.md), which the tagger's span may have found before
    the gazetteer did."""
    return _loose_key(text) in _curated_keys()


@lru_cache(maxsize=1)
def _known_keys() -> frozenset[str]:
    from ontology.gazetteer import default_entries

    return frozenset(_loose_key(n) for e in default_entries() for n in (e.name, *e.aliases))


def known_name(text: str) -> bool:
    """Whether the gazetteer knows ``text`` as a name, one word ("ensembles",
    "Transformer") or more: a span the tagger found before the gazetteer did."""
    return _loose_key(text) in _known_keys()


def _opens_phrase(toks: Tokens, i: int) -> bool:
    """Whether a noun phrase may begin at token ``i``: the text's start, a
    function word or punctuation before it. After any other word (an
    adjective: "large scale text matching"; a verb: "uniquely support ...")
    the nouns may belong to that word's phrase."""
    if i == 0:
        return True
    if i >= 2 and not toks.space_after(i - 2):
        return False  # the opener is glued to a word before it: "state-of-the" + "art ..."
    word = toks.word(i - 1)
    if word.lower() == "the" and i >= 3 and toks.word(i - 2).lower() == "of" and toks.word(i - 3).lower() == "state":
        return False  # "state of the art machine learning models": "art" ends an idiom
    return word.lower() in _NP_OPENERS or not any(c.isalnum() for c in word)


def noun_modifier_start(toks: Tokens, start: int, end: int, taken: list[bool]) -> int:
    """Start of a Task span over the nouns written right before it in the
    same noun phrase ("feature" + "point detection", "uncertainty" +
    "reasoning"): at most :data:`MAX_NOUNS`, each a free token, a space
    apart, a noun by :func:`is_noun`, lower-case (a Capitalised word is
    not taken in: 6 of 9 such changes were right on the samples read, "Theory
    of Mind Reasoning", "United States: Shared Task 3" wrong); not after "to"
    (an infinitive: "to power search"); only where the nouns open their
    noun phrase (:func:`_opens_phrase`)."""
    if end - start == 1 and toks.word(start).isupper():
        return start  # an acronym alone: "lattice ASR inputs", "community QA forums", "state of the art DST"
    if any(toks.word(i) in _LOOSE_DASHES and toks.space_after(i) and toks.space_after(i - 1) for i in range(start + 1, end)):
        return start  # a span over a loose dash is a clause, no name to complete ("ranking - exact inference")
    new = start
    while start - new < MAX_NOUNS and new > 0 and not taken[new - 1] and toks.space_after(new - 1):
        word = toks.word(new - 1)
        if not word.islower() or not is_noun(word):
            break
        if new - 2 >= 0 and toks.word(new - 2).lower() == "to":
            break
        if new - 2 >= 0 and not toks.space_after(new - 2):
            break  # glued to what precedes it ("(feature", "non-feature"): no word of its own
        new -= 1
    if new != start and not _opens_phrase(toks, new):
        return start
    return new
