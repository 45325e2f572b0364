"""A name the paper coins with its short form right after its own proposal cue.

"This paper proposes Energy-consistent Neural Operators (ENOs), a general
framework ...", "we introduce Diffusion-BasEd Scene Text manipulation
network so-called DBEST", "We then propose Bilingual Lexicon Induction with
Semi-Supervision (BLISS)": the cue verb's object is a long form defined with
a new short form. :func:`extractors.names.proposal_spans` reads the first
name-like token after the cue, and a short form after a long form that is
not itself name-like is a known token there (it stops "question answering
(QA)" from being proposed), so such a pair was left unproposed and the paper
was even said to USE its own method. Defining an acronym for a phrase
right after "we propose" is how abstracts coin a name (Schwartz & Hearst,
PSB 2003, find the pairs; the cue family is Gupta & Manning's, IJCNLP 2011).

Not proposed: a curated (gazetteer) long or short form, which is prior work
("we introduce Long Short-Term Memory (LSTM) networks"), a long form typed a
task or metric ("we propose the task of Open-Domain Information Narration
(OIN)" is read by the task rules), and, later, anything
:func:`extractors.paper_relations.kept_proposals` drops (a preposition or use
cue between the cue and the name: "we propose a model based on ...").
On 6,000 real abstracts (bench/same_output.py's draw_sample(3000, 26120738)
and (3000, 26120739), standard tier) the pairs, with the joined long forms of
:data:`extractors.paper_relations._LONG_FORM_BEFORE`, add 58 PROPOSES (56
distinct: the two samples share a few abstracts), all read, 52 right (DQFPF, MSD, TFBA, EmoDS, NMLNs, SWRM...; wrong: an existing
family the long form names, "a mathematical programming (MP) framework", "a
wide-coverage context-free grammar (CFG)", "a unified structural causal model
(SCM)", "deep dependency networks" linked to "dependency networks"; a measure,
"design the mean time between failure (MTBF)"; a generic "novel human-machine
interface (HMI)"; a cut name, "Stochastic Shortest Path Problems"), and the USES
of the paper's own method they replace go.
"""
from __future__ import annotations

import re

from ontology import EntityType
from ontology.phrase_evidence import evidence

from .abbreviations import Abbreviation
from .cues import CUE_WINDOW
from .doctext import Tokens
from .names import is_name_like

#: How many words may stand between the cue and the long form ("we propose a
#: novel approach, graph representation learning via causal diffusion
#: (CausalDiffRec)"): the cue's object, not a later clause.
MAX_WORDS_BETWEEN = 6
#: A long form that this many of the 120,000 real abstracts define with an
#: abbreviation (ontology/phrase_evidence.py's shipped counts, the paper's
#: own included) is an existing kind the paper builds one of or works with
#: ("we first introduce a unified structural causal model (SCM)", 2021.emnlp-main.763;
#: "under the Markov decision process (MDP)", paper84), not a name it coins.
#: On the 94 firings of the pair rule read at stop 38 (bench/pair_recurrence.py:
#: draw_sample seeds 26120738, 26120739 and, never read before, 26121100;
#: 3,000 each, standard tier; 77 right, 17 wrong), 5 or more marks 8 wrong
#: (MDP 122, RRTs 107, MLLMs 41, LP 31, SCM 22, HMI 17, PMI 12, CFG 9) and no
#: right one (the most any coined long form had: 3). The article before the
#: long form does not separate them ("a/an" before 46 right and 13 wrong).
MIN_DEFINED_ELSEWHERE = 5
#: A sentence end, or a preposition or verb that makes the pair the object of another word than the cue ("the
#: NMT system developed at the National Research Council of Canada (NRC)").
_STOP = re.compile(r"[;.]|\b(?:at|for|of|on|in|to|with|by|from|via|using|based|than|over|extends?|uses?)\b", re.I)
#: After the short form the pair ends its noun phrase: punctuation, a function word, or a method head ("a
#: word relation autoencoder (WRAE) model"). A pair that modifies a longer phrase is not the proposal: "an
#: electromyography (EMG) signal based control method", "a bird's-eye view (BEV) mask-based object detector",
#: "an approximate-kinetic-model-based self-adaptive (AKS) control system".
_ENDS_PHRASE = re.compile(
    r"\s*(?:[^\w\s]|$|(?:which|that|to|for|as|with|within|in|on|of|and|or|using|is|are|was|were|can|could|"
    r"will|would|may|by|from|via|where|whose|into|through|across|at|over|"
    r"models?|frameworks?|methods?|approach|networks?|algorithms?|architectures?|modules?|techniques?|mechanisms?|"
    r"layers?|loss)\b)")
#: A long form that is a description, not a name ("a web-based collaborative annotation and consolidation tool
#: (AWOCATo)"), or the basis of another ("a conditional-variational-autoencoder-based (CVAE) model").
_NOT_NAME = re.compile(r"^(?:an?|the)\s|-based$", re.I)


def paired_spans(toks: Tokens, sent_end: int, cue: tuple[int, int], window: int, abbrs: list[Abbreviation],
                 curated: dict[tuple[int, int], str], guess_type) -> list[tuple[tuple[int, int], Abbreviation]]:
    """(token span, pair) of the long forms the sentence (ending at char
    ``sent_end``) proposes with a coined short form after the cue verb at
    ``cue`` (char span) whose subject is the paper (``window``: its
    :func:`extractors.cues.cue_window`, full only then).
    ``curated``: token spans of gazetteer names; ``guess_type``: the
    names module's type guess of a phrase."""
    if window < CUE_WINDOW:
        return []  # "The proposed cost-aware path planning algorithm extends the rapidly-exploring random tree (RRT)"
    text = toks.text
    out = []
    for a in abbrs:
        if a.long_start < cue[1] or a.short_start < a.long_end or a.short_end > sent_end:
            continue
        between = text[cue[1] : a.long_start]
        if len(between.split()) > MAX_WORDS_BETWEEN or _STOP.search(between) or any(map(is_name_like, between.split())):
            continue  # a later clause, or the cue's object is the name-like word between ("our proposed SFSRNet reaches a ...")
        after = text[a.short_end : a.short_end + 40].lstrip()
        if _NOT_NAME.search(a.long) or not _ENDS_PHRASE.match(after[1:] if after[:1] in ")]" else after):
            continue
        long_bounds = toks.char_span(a.long_start, a.long_end, expand=True)
        short_bounds = toks.char_span(a.short_start, a.short_end, expand=True)
        if long_bounds is None or short_bounds is None:
            continue
        if any(s <= long_bounds[0] and long_bounds[1] <= e or s < short_bounds[1] and short_bounds[0] < e
               for s, e in curated):
            continue  # a known name, or one inside a known name (a curated name inside the long form is a part)
        if guess_type(a.long) in (EntityType.TASK, EntityType.METRIC):
            continue
        if evidence(a.long)[0] >= MIN_DEFINED_ELSEWHERE:
            continue  # an existing kind, defined across the literature: no coin of this paper
        out.append((long_bounds, a))
    return out
