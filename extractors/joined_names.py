"""Statistical spans that join two things into one name (issue 28: a fragment
is never a node).

The CNN and the encoder sometimes tag one span over two things:

* a shared-task paper's title "TEAM at CAMPAIGN": "YNU-HPCC at IJCNLP-2017
  Task 5", "Duluth at SemEval-2020 Task 12", "Michigan @ SMM4H 2019 Task 1".
  The team is no entity of the graph and the campaign is a Benchmark
  (tests/data/audit/GUIDE.md, part C), so the span keeps the campaign
  (:func:`campaign_after_team`); extractors.name_bounds then types it;
* two coined names coordinated ("SMCalFlow and TreeDST datasets", "CK+ and
  Oulu-CASIA"): each is a name of its own (:func:`coordinated_names`).

Counted on real abstracts (standard tier, before/after, every changed node
read): on 3,000 preselected abstracts never read before (those of the
120,000 that write a noun before a task noun, seed 929292) 2 team spans cut,
both right ("PARSEME Shared Task 2018", the span of "YNU Deep at SemEval-2018
Task 12"); 6 coordinations split, 5 right (BP4D and DISFA, CUB-200-2011 and
H3D, SQuAD and MARCO, ACE2005 and TAC2015), 1 wrong ("V1&V2" of
"Something-Something V1&V2 and Diving48", since left alone). On 3,986 more
(seed 939393) with those guards: 2 team spans cut, 1 right ("SemEval-2020
Task 12"), 1 wrong ("GlobaLex 2020" of "MWSA Shared Task at GlobaLex 2020",
since left alone: :data:`_CAMPAIGN_WORDS`); 7 coordinations split into 12
new nodes, all right (GLAM-Swin / GLAM-Swin-Unet, OULU-NPU / SiW, MVTec /
BTAD, BP4D / DISFA, DI-VST, Normal-RUM, UN, MLT), and 5 joined nodes gone,
all rightly ("OC and OQ", "Plackett-Luce and Normal-RUM"). On 3,993 more
(seed 979899) 5 coordinations split into 6 new nodes: 3 right (arXiv,
PASCAL, WikiEvents), 3 typed as the joined span was typed, wrongly
(LF-QUOREF a Method, ACE03 a Task, D0 a segmentation scheme as a Dataset).
On the two samples read after the guards: 18 new nodes, 15 right (83%).

Plain functions over :class:`~extractors.doctext.Tokens`.
"""
from __future__ import annotations

import re

from .doctext import Tokens
from .names import is_name_like

_AT = frozenset(("at", "@"))
#: A campaign's name right after "at": a Capitalised or coined word, then (within the span) a year
#: or a task number: "SemEval-2020 Task 12", "FinCausal 2020", "CoNLL 2018 Shared Task", "PARSEME".
_CAMPAIGN = re.compile(r"^[A-Z][\w-]*(?:[ -][\w-]+){0,5}$")
_TEAM = re.compile(r"^[A-Z0-9][\w.+&'-]*(?: [A-Z0-9][\w.+&'-]*){0,2}$")


#: ... but "MWSA Shared Task at GlobaLex 2020": a campaign held at a venue, no team.
_CAMPAIGN_WORDS = re.compile(r"\b(?:[Ss]hared|[Tt]ask|[Tt]rack|[Cc]hallenge|[Cc]ompetition|[Ww]orkshop|[Cc]ampaign)\b")


def campaign_after_team(toks: Tokens, start: int, end: int) -> int:
    """Start of the campaign in a span "TEAM at CAMPAIGN" (the token after
    "at" / "@"), or ``start`` when the span is not one: the words before
    "at" are one to three Capitalised or coined words (a team's name), the
    words after it a Capitalised name, all within the title's first line."""
    for k in range(start + 1, end - 1):
        if toks.word(k).lower() in _AT:
            team, campaign = toks.text_of(start, k), toks.text_of(k + 1, end)
            if ("\n" not in team + campaign and _TEAM.match(team) and _CAMPAIGN.match(campaign)
                    and not _CAMPAIGN_WORDS.search(team)):
                return k + 1
            return start
    return start


_CONJUNCTIONS = frozenset(("and", "or", "&"))
#: A plural head the coordinated names share: "SMCalFlow and TreeDST datasets".
_SHARED_HEADS = frozenset("""datasets corpora benchmarks treebanks models methods architectures networks
    metrics tasks""".split())


def _one_name(toks: Tokens, start: int, end: int) -> bool:
    """Tokens ``start:end`` written as one word ("CK+", "Oulu-CASIA", "IWSLT2012") that is coined."""
    if end <= start or any(toks.space_after(i) for i in range(start, end - 1)):
        return False
    text = toks.text_of(start, end)
    if "&" in text:
        return False  # "V1&V2": two versions of something named before
    return is_name_like(text.rstrip("+")) or is_name_like(text)


def coordinated_names(toks: Tokens, start: int, end: int) -> list[tuple[int, int]]:
    """[(start, end) of each name] for a span "A and B" (or "A and B
    datasets") where A and B are each one coined word; [] for any other
    span."""
    last = end
    if end - start >= 4 and toks.word(end - 1).lower() in _SHARED_HEADS:
        last = end - 1
    conj = [k for k in range(start + 1, last - 1) if toks.word(k).lower() in _CONJUNCTIONS
            and toks.space_after(k - 1) and toks.space_after(k)]  # a word apart, not "V1&V2"
    if len(conj) != 1:
        return []
    k = conj[0]
    if start > 0 and toks.word(start - 1)[:1].isupper():
        return []  # the span starts inside a name: "Something-Something V1&V2 and Diving48"
    if _one_name(toks, start, k) and _one_name(toks, k + 1, last):
        return [(start, k), (k + 1, last)]
    return []
