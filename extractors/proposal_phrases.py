"""The paper's own method named by a phrase after its proposal cue that is no coined name.

:func:`extractors.names.proposal_spans` reads after a proposal cue only a
name-like word (an inner capital, a digit) or a capitalised one after a
naming word, so two ways of naming the paper's own work had no node at all
(and so no PROPOSES, and no end for the "our model ... on D" edges that
resolve to the proposal, extractors/anaphora.py):

- a lower-case descriptive name of a component (:func:`descriptive_proposal`):
  "we propose a context-aware query embedding encoder", "we develop a latent
  multi-view subspace clustering module", "we introduce a sparsity-constrained
  gating mechanism". The audit guide counts "a proposed component with a
  descriptive but specific name ("context-aware query embedding encoder",
  "thread-aware attention")" as a specific node; "a robust approach", "an
  efficient framework" stay generic, and so, read on real abstracts, do most
  whole-method phrases ("a two-phase training framework"), left out here;
- a Title Case name of plain words (:func:`title_case_proposal`): "We propose
  Atlas Replay, an atlas-based segmentation approach", "we present Ruminating
  Reader.";
- and a second name-like name after the first (:func:`coordinated_name`):
  "we introduce HSimplE and HypE".

The cue family is Gupta & Manning's (IJCNLP 2011); reading the cue's object
noun phrase as the paper's method is how TDMSci (Hou et al., EACL 2021)
annotates it. The first two are read by :func:`extractors.names.mlkg_names` for
sentences whose cue found no name-like proposal, with span id :data:`SOURCE`,
which kg/nodes.py makes a node as it does the paper's named components; the
third by :func:`extractors.names.proposal_spans` after the name it found.
Counts on real abstracts are at each function's pattern; through the whole
pipeline (kg extract, standard tier, draw_sample(6000, 26120741)) the three
add 22 PROPOSES and drop none: 20 right, 1 wrong (a robot's "gripper-type
connection mechanism"), 1 unclear ("IMPERATIVE").
"""
from __future__ import annotations

import re

from ontology import EntityType
from ontology.phrase_evidence import evidence

from spacy.tokens import Doc

from .doctext import Tokens
from .names import GENERIC_WORDS, _name_run, guess_type, is_generic, is_name_like

#: A word inside the phrase that makes it more than one noun phrase ("criteria and the evaluation procedure").
_FUNCTION_WORD = re.compile(r"\b(?:for|of|and|or|without|the|its|their|this|these|by|to|in|on|with|a|an|is|are|as|our|"
                            r"but|yet|called|named|dubbed|termed|more|less|most|very|[a-z]+ly|simpler|faster|better|"
                            r"stronger|smaller|larger|easier|richer|deeper|lighter|wider|higher|lower|strong|superior|"
                            r"complete|modified|"
                            r"enhanced|preliminary|different|practical|extensible|high|low|semi|non|"
                            r"[a-z]+-(?:efficient|effective|optimal|purpose))\b")
#: A phrase ending in a family of models is an instance of the family, described ("a convolutional neural
#: network", "a probabilistic language model", "a multi-layer attention-based model").
_FAMILY_TAIL = re.compile(r"(?:neural network|neural network \w+|language model|neural model|[a-z]+-based model)$")
#: The word before the head is what the method does or works on, a noun ("client selection strategy",
#: "conflict resolution mechanism", "gating mechanism"); an adjective there leaves a description of a kind
#: ("a hierarchical multimodal architecture", "a multiscale neural architecture", "a deep network").
_ADJECTIVE = re.compile(r"(?:al|ive|ic|ous|ent|ant|ary|ible|able|ed|free|wise|deep|based|driven|aware)$")
#: Modifiers that say what kind of method it is, not which: a phrase with one is a description ("a
#: two-phase training framework", "a multi-scale convolution module", "a graph-based propagation algorithm",
#: "a decentralized receding horizon algorithm"). Read on draw_sample(3000, 26120740): of 56 phrases the rule
#: took before this test, 26 were such descriptions (GUIDE: generic), 30 specific names; this test drops 21 of the
#: 26 and 3 of the 30.
_KIND_MODIFIER = re.compile(
    r"(?:^|\s)(?:[a-z]+-based|based|(?:two|three|multi|single|one)-(?:stage|phase|step|scale|modal|label|level|task)|"
    r"cross-(?:lingual|modal|domain)|feature-level|real-time|test-time|large-scale|self-supervised|self-organi[sz]ing|"
    r"distributed|decentrali[sz]ed|nonlinear|non-linear|contrastive|passive|active|nonnegative|non-negative|extrinsic|"
    r"accompanying|supervised|unsupervised|weakly-supervised|semi-supervised|federated|online|offline|"
    r"homogen[eo]ous|heterogen[eo]ous|controllable|neural|deep)\s")
#: Nouns the adjective test would take for adjectives.
_NOUNS = frozenset("retrieval removal proposal arrival rehearsal reversal renewal approval dismissal survival "
                   "agent gradient component student ".split())
#: How many of the 120,000 real abstracts may treat the phrase, or its modifiers, as a name (an abbreviation's
#: long form or Title Case: ontology/phrase_evidence.py) before it is an existing family rather than a coin.
MIN_NAME_EVIDENCE = 5

#: The span id of the mentions this module finds (resolve.py ranks them, kg/nodes.py makes them nodes).
SOURCE = "own-phrase"
#: Evaluative words before the phrase: not part of the name ("a novel and
#: efficient ... framework" names "... framework").
_EVALUATIVE = (r"novel|new|simple|general|generic|unified|efficient|effective|lightweight|light-weight|flexible|"
               r"principled|powerful|robust|scalable|practical|straightforward|elegant|versatile|generalized|"
               r"innovative|original|alternative|improved|better|fast|accurate|first|two|three|several|multiple|"
               r"interpretable|explainable|theoretical|systematic|comprehensive|holistic|universal")
#: Component heads: the phrase names a part the paper builds ("a context-aware query embedding encoder", "a
#: lattice position attention mechanism", "a multi-filter subgraph encoder"). Heads of whole methods
#: ("framework", "approach", "method", "strategy", "algorithm", "procedure") were read too and left out: on
#: draw_sample(6000, 26120741) they described a kind as often as they named one ("an iterative data augmentation
#: framework", "a randomized first-order method", "a two-staged sentence selection strategy": 24 of 41 right).
_HEADS = r"mechanism|module|encoder|decoder|network|layer|loss|transformer|attention|generator|discriminator"
#: The cue's object: an article, evaluative words, then one to five lower-case modifier words and a component
#: head, ending its noun phrase (punctuation, a preposition or a relative word after it). On 9,000 real
#: abstracts (bench/same_output.py's draw_sample(3000, 26120740), on which the modifier tests below were read,
#: and draw_sample(6000, 26120741), not read before them) the rule with its tests fires 5 and 12 times; all 17
#: read: 16 the paper's own specific component ("domain adaptation gating mechanism", "multi-filter subgraph
#: encoder", "edge-aware feature fusion module", "top-k recall optimization loss"), 1 wrong (a robot's
#: "gripper-type connection mechanism", outside ML).
_PHRASE = re.compile(
    r"\s+(?:an?|the)\s+(?:(?:" + _EVALUATIVE + r")\s*,?\s+(?:(?:and|yet|but)\s+)?)*"
    r"((?:[a-z][a-z0-9'’-]* ){1,5}?(?:" + _HEADS + r"))"
    r"(?=\s*(?:[,.;:]|$|(?:for|to|that|which|with|in|on|of|based|called|named|by|and|where|whose|via|using|"
    r"through|under|is|are|can|from|as|over|at|into)\b))")
#: A modifier that is a family or a description, not a name: "a deep learning model", "a transformer-based
#: model", "a data-driven approach", "a graph-based method".
_GENERIC_MODIFIER = re.compile(
    r"^(?:(?:deep|machine|neural|statistical|probabilistic|bayesian|hybrid|hierarchical|generative|"
    r"discriminative|supervised|unsupervised|semi-supervised|self-supervised|learning|based|learning-based|"
    r"data-driven|end-to-end|multi-task|multitask|joint|two-stage|two-step|multi-stage|iterative|modular|"
    r"[a-z-]+-based|[a-z-]+-driven|[a-z-]+-free|[a-z-]+-aware|[a-z-]+-agnostic|[a-z-]+-guided|[a-z-]+-level)\s+)+$")


def descriptive_proposal(text: str, cue_end: int, sent_end: int) -> tuple[int, int] | None:
    """Char span of the descriptive phrase the cue ending at ``cue_end``
    proposes (see :data:`_PHRASE`), or None: the phrase's modifiers must
    carry more than evaluative or generic words."""
    m = _PHRASE.match(text, cue_end, sent_end)
    if m is None:
        return None
    phrase = m.group(1)
    modifiers = phrase[: phrase.rfind(" ") + 1]
    words = modifiers.split()
    if is_generic(phrase) or _GENERIC_MODIFIER.match(modifiers) or words[0] in GENERIC_WORDS:
        return None
    if len(words) < 2 or _FUNCTION_WORD.search(modifiers) or _FAMILY_TAIL.search(phrase):
        return None  # "a black-box approach", "background for this method", "a graph-based neural network model"
    if _KIND_MODIFIER.search(modifiers):
        return None  # "a two-phase training framework", "a graph-based propagation algorithm": a kind described
    if len(words) == 2 and not any("-" in w for w in words):
        return None  # "a structural pruning method", "an active exploration algorithm": a known family's instance
    if _ADJECTIVE.search(words[-1]) and words[-1] not in _NOUNS:
        return None
    if sum(evidence(phrase)) >= MIN_NAME_EVIDENCE or sum(evidence(modifiers.strip())) >= MIN_NAME_EVIDENCE:
        return None  # an existing family: "a hierarchical attention network", "a knowledge graph embedding model"
    if guess_type(modifiers.strip()) is EntityType.TASK:
        return None  # "a few-shot learning framework", "a sequence labeling model": a method for a task
    return m.span(1)


#: A Title Case name of two to four plain words right after the cue, its noun phrase ended there: "We propose
#: Atlas Replay, an atlas-based segmentation approach", "we present Ruminating Reader.", "We present Poem
#: Machine, an interactive online tool". :func:`extractors.names.proposal_spans` reads a capitalised word as
#: a name only when it is name-like (an inner capital, a digit) or after a naming word. A name followed by "("
#: is an abbreviation pair's (extractors/proposal_pairs.py), and one followed by "for" or "with" runs on
#: ("Active Learning with Contrastive Explanations (ALICE)"): neither is taken here. On the same 9,000 real
#: abstracts it fires 20 times, all read: 18 the paper's own named method, tool or dataset (Poem Machine,
#: Inverse Picturebook, Neural Marionette, Global Voices, Assistive Gym, Robot Telekinesis...), 2 wrong: a
#: curated name the pipeline skips anyway ("We propose Support Vector Machines, a very popular ... method")
#: and a task the paper introduces, typed a Method ("Generative Spoken Language Modeling, the task of ...").
_TITLE_CASE = re.compile(
    r"\s+((?:[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*)(?: [A-Z][a-z]+(?:-[A-Za-z][a-z]+)*){1,3})"
    r"(?=\s*(?:[,;:]|\.(?:\s|$)|$|\s(?:that|which|to)\b))")


def title_case_proposal(text: str, cue_end: int, sent_end: int) -> tuple[int, int] | None:
    """Char span of the Title Case name the cue ending at ``cue_end`` proposes (see :data:`_TITLE_CASE`), or
    None."""
    m = _TITLE_CASE.match(text, cue_end, sent_end)
    if m is None or is_generic(m.group(1)):
        return None
    return m.span(1)


#: A second name coordinated with the cue's first: "we introduce HSimplE and HypE, two embedding-based
#: methods", "propose SECLA and SECLA-B", "we present THEE-TimeML and TheeBank". On 9,000 real abstracts
#: (draw_sample(3000, 26120740) and (6000, 26120741)) 3 sentences name two so, all both the paper's.
_AND_NEXT = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?\s+and\s+(?=\S)")


def coordinated_name(doc: Doc, toks: Tokens, stop: int, end: int, known: set[int]) -> list[tuple[int, int]]:
    """The token span of a name-like word joined by "and" to the name ending at token ``stop`` (see
    :data:`_AND_NEXT`), if it is no curated name."""
    if stop >= end:
        return []
    m = _AND_NEXT.match(toks.text, toks.chars(stop - 1, stop)[1])
    if m is None:
        return []
    k = toks.token_at(m.end())
    if k < 0 or k >= end or k in known or not is_name_like(toks.word(k)):
        return []
    stop = _name_run(doc, k, end)
    if toks.text_of(k, stop).endswith("-"):
        return []  # "SECLA-B." read as "SECLA-" "B.": no cut name
    return [(k, stop)]


#: (:func:`modifies`) On the 9,000 real abstracts (draw_sample(3000, 26120740) and (6000, 26120741), names
#: stage) the modifier rule with :data:`NAME_GIVEN` drops 73 proposals and adds 5; all read: of the 73, 63
#: were no proposal (a field, device or task the abstract had defined: "a novel KGE framework", "a new RRT
#: version", "a new LUPI algorithm", "a novel MVC algorithm", "a novel wearable LOS detection system"), about
#: 8 a re-mention of the paper's own name in a later sentence whose first mention stays proposed or not
#: (BAT, PEARL+, U-BSN, ATM, LAM, ORDER, MTSL, cSMC); the 5 added: CBB-RRT*, Glitter, CASPI (right), and two
#: cut names ("Self-Weighted" of a long title-case name, a LaTeX "\textit{Functional").
def modifies(toks: Tokens, i: int) -> bool:
    """Whether token ``i`` (a short form the abstract defined before) is followed by a lower-case word it
    modifies: "we first create a novel AT benchmark (@BENCH)" after "assistive technologies (AT)" proposes
    the benchmark, not the field; the proposal is named later in the sentence, if at all."""
    j = i + 1
    return j < len(toks.idx) and toks.word(j)[:1].islower() and toks.word(j).isalpha()


#: After such a modifier the object's name is given in apposition, after a naming word or in brackets: "a novel
#: geometric algebra-based KG embedding framework, GeomE", "an NMT model called Seq2DRNN", "a novel AT benchmark
#: (@BENCH)"; any other name-like word later in the sentence is not the cue's object.
NAME_GIVEN = re.compile(r",|\(|:|\b(?:called|named|dubbed|termed)\b")
