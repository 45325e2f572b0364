"""Which mentions become entity nodes: specific, linkable things only.

A node is a named method, model, dataset, benchmark or metric, or an
established task or field. A mention becomes one when some evidence says it
*names* something (the first that applies is its ``kind``):

* ``gazetteer``: the curated gazetteer or Papers with Code knows it;
* ``defined``: the paper gives it an abbreviation ("Prototype-Based Networks
  (PBNs)") or its title names it ("Multifaceted Feature Visualization: ..."),
  so the paper names it;
* ``name``: a coined name: capitals inside a word or after its first letter,
  digits, an acronym ("TrAct", "GPT-4", "SVM"), or one Capitalised word
  ("Gemma") or Capitalised words with a version or size ("Gemma 2B-2B",
  "ERNIE 3.0"); not a dimension ("3D"), a size ("XL", "1.3B-parameter"), a count ("20-layer"), a
  field acronym ("VLM backbones" describes backbones, "PLM-based models"),
  a hyphenated Title Case word ("Model-Agnostic", "Memory-Efficient"),
  Capitalised words in a phrase ("Data Augmentation Strategies"), a class of
  things named by a plural generic head ("CTR models"), nor a phrase about
  a name ("hierarchy of AST");
* ``term``: real abstracts treat the phrase (of two or more words; one
  word is a node only as a gazetteer entry or a coined name) as a name: at least 2 of the
  120,000 in ../shared/corpora/abstracts define it as an abbreviation's long
  form, or 3 write it in Title Case in running text
  (:mod:`ontology.phrase_evidence`; termhood after Frantzi et al. 2000);
* ``task``: a Task named by what it does, a task noun after the words that
  say on what ("tweet classification", "cognate identification").

A gerund opening a phrase ("Assessing SRL"), an open parenthesis or a formula
is a fragment, whatever else it has. Anything else is a generic description ("lightweight modules", "real-world
tasks") or a fragment ("memory-efficient manner"): it stays on its paper as
a *concept* mention (``PaperGraph.concepts``, in ``kg extract`` output) and
is never a node, so stats, views, leaderboards and ``kg entities`` hold
named things only.

Teams, organisations and campaigns (who took part, not what was built) are
told apart in :mod:`kg.participants`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.names import GENERIC_ACRONYMS, GENERIC_WORDS, NOT_ENTITIES, TASK_HEADS, is_generic
from extractors.name_bounds import NOT_NAME_WORDS, campaign_head_only
from ontology.established_terms import established_terms
from ontology.phrase_evidence import evidence, phrase_key

# Teams, organisations and campaigns moved to kg/participants.py; their names stay importable from here.
from .participants import (  # noqa: F401
    _AT_CAMPAIGN, _CAMPAIGN_AFTER, _CAMPAIGN_BEFORE, _CAMPAIGN_NAME, _CAPITALS, _NOT_ORGANISATION, _ORGANISATION,
    _ORGANISATION_INSIDE, _PARTICIPANT_BEFORE, _SUBMITTED_TO, _TEAM_AFTER, _TEAM_BEFORE, names_a_campaign,
    names_a_team, names_an_organisation, takes_part_in_title,
)

#: Evidence thresholds (abstracts), see the module docstring.
MIN_DEFINED = 2
MIN_TITLED = 3
_DIMENSION = re.compile(r"^\d+(?:-?D|-?DoF|-?DOF)s?$", re.I)
_INNER_CAPITAL = re.compile(r"[a-z0-9][A-Z]|[A-Z]{2}")
#: Words that grade rather than name ("robust detection", "accurate estimation").
_EVALUATIVE = frozenset("robust accurate fast better improved effective efficient scalable reliable precise high low "
                        "strong weak good poor automatic automated vanilla general generic".split())
#: Words that place or count rather than name ("final classification", "main categorization":
#: 2 of the 2,000 real abstracts' task nodes, both a step or an aspect, no task).
_POSITIONAL = frozenset("""final initial first second last main overall downstream subsequent further additional
    same different various multiple several specific particular other standard conventional traditional common
    typical""".split())
#: ... and words that place in time: "early detection (of cancer)", "early identification (of
#: vulnerabilities)" name no task; the thing detected does (issue 28, a fragment). A curated "early
#: stopping" or a task with its own noun ("early intrusion detection") keeps its evidence. On 3,986
#: real abstracts never read before (standard, seed 939393, those that write a noun before a task
#: noun): 7 "task" nodes dropped, read one by one, all 7 right ("Early detection of suicidal
#: thoughts", "early prediction of severity of depression", "early detection and damage limitation");
#: on 3,993 more (seed 979899) 7 more, all right ("Early Detection of Fake News", "early prediction of
#: human motion").
_POSITIONAL |= frozenset(("early", "late"))
_PREPOSITIONS = frozenset("of for with from on in to by via".split())
#: Field acronyms beyond extractors.names.GENERIC_ACRONYMS: vision-language, large multimodal models.
_FIELD_ACRONYMS = frozenset("VL LMM LMMs MLLM MLLMs LVLM LVLMs VLA VLAs".split())
_SIZE = re.compile(r"^(?:X{0,3}L|[SMBH]|XS)$")
_COUNT = re.compile(r"^\d+(?:\.\d+)?[KMBTkmbt]?$")  # "1.3B-parameter", "340M": a size is no name
_VERSION = re.compile(r"^v?\d+(?:\.\d+)*[KMBTkmbt]?(?:-\d+(?:\.\d+)?[KMBTkmbt]?)*$")


@lru_cache(maxsize=65536)
def coined_token(token: str) -> bool:
    """One word of a coined name: "ResNet", "mIoU", "BERT", "GPT-4", "I2P-MAE";
    not "3D", "Model-Agnostic", "PLM-based", "20-layer", "XL", "Transformer".
    A hyphenated word is coined when one of its parts is."""
    pieces = token.strip("()[],.;:").split("-")
    if len(pieces) > 1 and pieces[0][:1].isupper() and all(_VERSION.match(p) for p in pieces[1:]):
        return True  # "Mistral-7B", "Llama-2-7B"
    return any(_coined_piece(p) for p in pieces)


def _coined_piece(piece: str) -> bool:
    if (len(piece) < 2 or _DIMENSION.match(piece) or _SIZE.match(piece) or _COUNT.match(piece)
            or piece.rstrip("s") in GENERIC_ACRONYMS or piece in _FIELD_ACRONYMS):
        return False
    if any(c.isdigit() for c in piece) and any(c.isalpha() for c in piece):
        return True
    return bool(_INNER_CAPITAL.search(piece))


@lru_cache(maxsize=65536)
def is_coined(text: str) -> bool:
    """A coined name: one of its words is coined, or it is one Capitalised word
    ("Gemma", "Flamingo"); a phrase needs the coined word itself."""
    words = text.split()
    if len(words) == 1 and words[0][:1].isupper() and "-" not in words[0] and not _DIMENSION.match(words[0]):
        return words[0] not in GENERIC_ACRONYMS | _FIELD_ACRONYMS and not _SIZE.match(words[0])
    if len(words) > 1 and words[0][:1].isupper() and all(w[:1].isupper() or _VERSION.match(w) for w in words) \
            and any(_VERSION.match(w) for w in words[1:]):
        return True  # a name and its version or size: "Gemma 2B-2B", "ERNIE 3.0"
    if len(words) > 1 and (words[-1] in GENERIC_WORDS and words[-1].endswith("s") or _PLURAL.fullmatch(words[-1])):
        # a class of things: "CTR models", "VPR methods", "RGB-D images", "DRS parsers", "AGV encoders"; or a
        # clause ("BNS adopts"). Of the 36 such "name" nodes of 3,000 real abstracts, 34 read so (2 named:
        # "partially observable Markov decision processes", "BRIEF descriptors")
        return False
    if words[0].islower() and any(w in _PREPOSITIONS for w in words[1:]):
        return False  # "hierarchy of AST", "vulnerability of MLP-FT": about a name, not one
    # "PyTorch-based implementation", "BERT-style encoders": a name as a modifier describes the head
    return any(coined_token(w) for w in words[:-1] if not _NAME_MODIFIER.search(w)) or coined_token(words[-1])


_NAME_MODIFIER = re.compile(r"-(?:based|like|style|driven|guided|aware|specific|oriented|powered|enabled|centric|inspired)$")
_PLURAL = re.compile(r"[a-z]+(?<!ss)(?<!us)(?<!is)s")
_MATH = re.compile(r"[*=^\\]|\bsqrt\b")
#: A dash between spaces ("given VC dimension – answering", "job offer -- applicant CV matching",
#: "quadrotor system - VOOPS", "LIWC2007 - tool") joins two parts of a sentence, not the words of
#: a name: an aside or an apposition runs across it. Names written so are defined with an
#: abbreviation ("Local - Global Question Aware Video Embedding (LGQAVE)") or are gazetteer names,
#: both read before this test. On draw_sample(3000, 38110711) (standard) 3 nodes, all read, all
#: such runs; on draw_sample(3000, 38220722), never read before, 3, 2 of them no name (the third a
#: shared task's title, "ScienceIE - Extracting Keyphrases and Relations from Scientific
#: Publications"); on audit A-I (three tiers) 2, both judged fragments.
_SPACED_DASH = re.compile(r"\s(?:-{1,2}|\u2013|\u2014)\s")


def is_fragment(text: str) -> bool:
    """Not a name but a piece of a clause or formula: a verb's gerund before a
    name ("Assessing SRL", "Augmenting FarsNet", cut from titles), an open
    parenthesis, arithmetic ("Omega(sigma*sqrt(log(1"), a spaced dash."""
    words = text.split()
    if len(words) > 1 and words[0].lower().endswith("ing") and not coined_token(words[0]):
        return True
    return text.count("(") != text.count(")") or bool(_MATH.search(text)) or bool(_SPACED_DASH.search(text))


#: A preposition inside a phrase ending in a task noun ("to" is left out: "English to Hebrew
#: translation" is a direction). On 3,000 real abstracts never read before
#: (``draw_sample(3000, 428028)``, standard) this drops 31 "task" nodes to concepts, read one by
#: one: 26 were fragments or descriptions ("sequence of planning", "depth in density estimation",
#: "image for place recognition", "Syntactic Uncertainty in Neural Machine Translation", "robot's
#: tracking"), 5 named a task ("Passage Retrieval in Open-domain Question Answering", "Region of
#: attraction estimation", "automatic evaluation of machine translation").
_INNER_PREPOSITIONS = frozenset("of in for with on by from via using at into over under".split())


#: A compound modifier that says how or at what grain, not on what: "sentence-level detection",
#: "image-based detection", "task-specific prediction", "real-time extraction", "fine-grained
#: reasoning". Beside a word that says on what it is part of a task's name ("document-level
#: sentiment classification", "pose-based action recognition"). On 3,000 real abstracts
#: (``draw_sample(3000, 428028)``, standard) the first form, with "-level" and "-oriented", dropped
#: 35 "task" nodes, 27 rightly (8 tasks lost: "document-level classification", "instance-level
#: recognition", "entity-oriented search"...); without those two: 24 dropped, 21 rightly. Checked
#: on a second fresh sample (seed 528028): 18 dropped, 15 rightly (lost: "query-based
#: summarization" twice, "fine-grained classification").
_MANNER = re.compile(r"-(?:based|specific|free|grained|time|driven|aware|guided|wise)$")


#: Heads that name a paradigm or a method as often as a task.
_NOT_TASK_NOUNS = ("learning", "understanding")
#: Two things coordinated inside one span (tests/data/audit/GUIDE.md: a coordination emitted as one
#: span is a fragment; part C: "slash coordinations ... are fragment"): "slot & intent detection",
#: "language/dialect identification", "Extraction and Linking for SQL Query Generation". Task-worded
#: spans never hold a slash between words' letters or a "&" word; a coined name ("CESAR/META-NET",
#: "TCP/IP") may hold a slash, but not an "and", "or" or "&" word. Standard tier, before/after: on
#: draw_sample(3000, 12121212) 8 nodes dropped ("Text-based Video/Video-moment Retrieval", "KBP 2016 and
#: 2017", "ASVs and AUVs", "multi-class/label classification"...), on 5,802 more never read before 19
#: ("NER and chunking", "language/dialect identification", "QE and translation", "monocular/stereo 3D
#: detection", "linear and non-linear MPC"...): all 27 read, all two things in one span. Audit A-J: 2
#: fragments of part J gone, no right node lost.
_SLASHED = re.compile(r"[A-Za-z]/ ?[A-Za-z]")
_COORDINATOR = re.compile(r"\s(?:and|or|&)\s", re.I)


def names_a_task(text: str) -> bool:
    """A task named by what it does: a task noun after words that say on what
    ("tweet classification", "cognate identification", "semantic frame
    induction"); not "learning" (paradigms and methods as often), nor a task
    noun after generic words only ("novel detection")."""
    words = text.casefold().split()
    if (len(words) < 2 or words[-1].endswith(_NOT_TASK_NOUNS) or not words[-1].endswith(TASK_HEADS)
            or "and" in words or "or" in words or "&" in words or _SLASHED.search(text) or words[0].endswith("ing")):
        return False  # "meta-learning"; a coordination; "solving text summarization", "investigating ..."
    if any(w in _INNER_PREPOSITIONS or w.endswith(("'s", "\u2019s")) for w in words[:-1]):
        # the head is another noun, or a circumstance is attached: "language of causal reasoning", "analysis
        # of human planning", "Relevance in summarization", "robot's tracking" (see _INNER_PREPOSITIONS)
        return False
    if words[-1] == "reasoning" and _reasoning_about(words):
        return False
    return not all(is_generic(w) or w in _EVALUATIVE or w in _POSITIONAL or _MANNER.search(w) for w in words[:-1])


def _reasoning_about(words: list[str]) -> bool:
    """"occlusion reasoning", "uncertainty reasoning", "relation reasoning": reasoning *about* a
    thing, a noun right before the head (by how real abstracts tag it), names a step or an
    ability, not a task; the kinds of reasoning that are tasks are named by an adjective
    ("numerical", "multi-hop", "causal", "abductive") or curated ("commonsense reasoning").

    Counted on ``draw_sample(3000, 10281028)`` and 8,660 more (seed 10281029), standard, every
    dropped node read: 21 "task" nodes dropped, 15 no task ("occlusion reasoning" x3, "Argument
    Reasoning" of "Argument Reasoning Comprehension" x3, "Relation Reasoning" of "... Relation
    Reasoning Network", "Graph Reasoning" of "Joint Graph Reasoning based ...", "LM reasoning",
    "dialogue reasoning"), 6 right or nearly ("natural language reasoning" x2, "Open Knowledge Graph
    Reasoning", "Ontology Reasoning", "situation reasoning", "multi-modal affordance reasoning").
    Any word before "reasoning" (the first form) dropped 79, some 28 of them right ("numerical
    reasoning" x4, "multi-hop reasoning" x3, "causal reasoning"). Audit A-H: 2 generic nodes
    fewer ("occlusion reasoning", "uncertainty reasoning")."""
    from extractors.noun_modifiers import is_noun, known_name

    return is_noun(words[-2]) and not known_name(" ".join(words[-2:]))


#: Nouns that make the phrase before them a modifier of another thing:
#: "cross-lingual alignment supervision", "image-text alignment loss". Not
#: "dataset(s)", "corpus", "data": a task before them still names the task
#: ("English-to-French translation datasets"; counted on 2,000 real abstracts).
MODIFIED_HEADS = frozenset("""supervision workshop workshops model models system
    systems tool tools toolkit library module modules component components pipeline pipelines framework frameworks
    method methods approach approaches technique techniques network networks algorithm algorithms loss losses
    objective objectives head heads layer layers signal signals label labels annotation annotations scheme schemes
    setting settings""".split())
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")


def modifies_next(after: str, heads: frozenset[str] = MODIFIED_HEADS) -> bool:
    """Whether a mention followed by ``after`` (the text right after it)
    modifies the noun there ("... alignment supervision", "... alignment loss")."""
    m = _NEXT_WORD.match(after)
    return m is not None and m.group(1) in heads


#: ... and for a coined word after lower-case words ("multi-lingual STC dataset": an unnamed
#: dataset of STC, GUIDE: generic), the collection words too.
NAME_MODIFIED_HEADS = MODIFIED_HEADS | frozenset("dataset datasets corpus corpora benchmark benchmarks data".split())


#: Nouns that make the phrase before them part of a venue's name: "the machine translation
#: evaluation workshop WAT" names a workshop, not a task of the paper's.
VENUE_HEADS = frozenset("workshop workshops conference conferences symposium".split())


_GLUED_HEAD = re.compile(r"\s+[a-z]+-(?:based|style|like|driven|guided)\b")


def modifies_glued_head(after: str) -> bool:
    """Whether a mention followed by ``after`` modifies the noun of a "-based"
    compound: "GAN inversion-based" is based on GAN inversion, "RGB-D
    camera-based" on a camera; the mention alone names neither."""
    return _GLUED_HEAD.match(after) is not None


#: Task nouns that make the name before them the object of a longer task ("HOI detection",
#: "Diabetic Retinopathy (DR) grading"): what is detected, graded, recognised.
#: Not "estimation", "classification", "tracking": an estimator, a classifier or a tracker is named
#: before them as often ("maximum a posteriori (MAP) estimation", "one-vs.-rest (OVR)
#: classification", "Lucas-Kanade tracking"; 2,520 real abstracts, see :func:`modifies_task_head`).
OBJECT_TASK_HEADS = frozenset("""detection recognition segmentation grading localization localisation captioning
    diagnosis screening""".split())
#: The head right after a mention, or after its abbreviation in brackets: "HOI detection",
#: "Diabetic Retinopathy (DR) grading", "DR) grading" (the short form inside the brackets).
_TASK_HEAD_AFTER = re.compile(r"\)?\s*(?:\([^()\n]{1,20}\)\s*)?([A-Za-z]+)\b")


def modifies_task_head(after: str) -> bool:
    """Whether a mention followed by ``after`` is what a task noun there acts
    on ("human-object interaction (HOI) detection", "Zero-Shot HOI
    Detection"): the mention then names the object of a longer task, cut
    from it (issue 28: a fragment is never a node). Callers ask it of
    abbreviations and coined or task-worded names only, where it holds at
    every mention: a curated name before a task noun ("ImageNet
    classification", "SVM classification") still names itself.

    Counted on real abstracts (standard tier, before/after): on 3,000 drawn
    at random (``draw_sample(3000, 616161)``) it dropped 1 node, right
    ("human-object interactions" of "HOI recognition"; with the wider heads
    below also "dialog act" of "dialog act (DA) classification"). To read enough, on the 2,520 of the
    120,000 abstracts that write a name before such a head (a regex over the
    corpus, none of the first sample), with these nine heads: 46 nodes
    dropped, read one by one, 43 right (objects of a task: "adverse drug
    reaction (ADR)", "action unit (AU)", "elementary discourse unit", "MRI",
    "wireless LAN (WLAN)", "named entity (NE)", "AI-generated text"), 3 wrong
    (methods before the head: "Markov random field (MRF) segmentation",
    "CFAR detection", "DGFCOS detection"); a further 44 long forms gave
    their node's name to the abbreviation ("HOI" for "Human-Object
    Interaction"), the same node (70). With "estimation", "classification" and
    "tracking" too, most of what those three dropped were methods (MAP, ML,
    RLS, one-vs.-rest, MC-SVM, Lucas-Kanade), so they are left out.

    kg.extract drops the abbreviation of such a long form too ("HOI
    representations" names the same object). On the same 2,520 abstracts
    that dropped 64 more nodes, 31 names read one by one: 26 right (HOI 17
    times, AU 16, VP, SL, OnHW, CXR, LP of "license plate"...), 5 wrong
    (methods named so: UAPoint, BRM, piUSBL, VIO, TrojanNet); 16 nodes came
    back under their long forms written elsewhere ("action units")."""
    m = _TASK_HEAD_AFTER.match(after)
    return m is not None and m.group(1).lower() in OBJECT_TASK_HEADS


def names_a_venue(after: str) -> bool:
    """Whether a mention followed by ``after`` is the subject words of a
    venue's name ("... evaluation workshop WAT", "... Conference on ...")."""
    m = _NEXT_WORD.match(after)
    return m is not None and m.group(1).lower() in VENUE_HEADS


_LAST_WORD = re.compile(r"([A-Za-z][\w-]*) +$")  # on the same line: the title ends in "\n\n"


def follows_name_word(before: str) -> bool:
    """Whether the text right ``before`` a mention ends in a capitalised word
    that is no function word ("CheckList" + "input generation", "Financial"
    + "Numeric Entity Recognition"): the mention is then the tail of a longer
    name or of a name's phrase, not a name of its own. Callers ask in running
    text only: a title's capitals are its style ("Meets Sentiment Prediction"
    lost a task in 2,000 real abstracts). extractors.name_bounds takes such
    words into the span where it can.)"""
    m = _LAST_WORD.search(before)
    if m is None:
        return False
    word, lead = m.group(1), before[: m.start()].rstrip(" ")
    if not lead or lead[-1] in ".!?\n":
        return False  # a sentence's or a field's first word: capitalised anyway
    return word[:1].isupper() and word.lower() not in NOT_NAME_WORDS


def weak_kind(kind: str | None, text: str) -> bool:
    """Evidence that holds only where the phrase stands as a name of its own:
    a task named by its words, lower-case words before a coined word
    ("multi-lingual STC"); not a gazetteer entry, a definition, a title, a
    corpus term or a coined name itself ("TrAct model" still names TrAct)."""
    return kind == "task" or kind == "name" and " " in text and text[:1].islower()


#: Head words of things outside the five types that the taggers read as a Method or Task: devices
#: ("RGB-D sensor", "3D LiDAR", "PUMA robot", "Muscle Circumference Sensor (MCS)"), diseases
#: ("Alzheimer's disease (AD)"), theorems ("Central Limit Theorem"). tests/data/audit/GUIDE.md: a
#: specific one emitted as a node is wrong_type, a generic one ("robot manipulator") generic; never
#: a node. 3,000 real abstracts read before writing it (seed 515151): 22 such Method/Task nodes, all
#: devices or diseases. On 3,000 never read before (draw_sample(3000, 959595), standard): 55 nodes
#: dropped, read one by one, all devices (LiDAR, AUVs, RGB-D camera, NAO robot, cable-driven
#: parallel robots...), diseases (Alzheimer's disease) or a classification standard (ICD); the
#: abbreviations of such long forms (AUV, CDPR, DVS) came back as nodes, so kg/extract.py drops them too.
_OUTSIDE_ML_HEAD = re.compile(
    r"\b(?:sensors?|cameras?|robots?|manipulators?|grippers?|exoskeletons?|drones?|vehicles?|prosthes[ie]s|lidars?"
    r"|diseases?|disorders?|syndromes?|cancers?|tumou?rs?|theorems?|lemmas?|conjectures?)$", re.I)


def outside_ml(text: str) -> bool:
    """Whether ``text`` (a mention, or an abbreviation's long form: its short
    form names the same thing) is headed by a device, disease or theorem."""
    return _OUTSIDE_ML_HEAD.search(text) is not None


#: A comma before a lower-case word inside one mention: a list of names ("dialogue control,
#: sentiment classification", "relative pose estimation, place recognition") or a clause ("English,
#: cases are expressed on pronouns"), a coordination emitted as one span: a fragment (GUIDE). Names
#: with commas capitalise each part ("Control, Generate, Augment", "One Model, Any CSP"). On 3,000
#: real abstracts (``draw_sample(3000, 28090907)``, standard) 4 nodes had it, all lists or clauses: 2
#: are concepts now, 2 defined pairs are named by their short form instead ("SWaP", "e.g. I");
#: 4 Papers with Code names have one ("Momentumized, adaptive, dual averaged gradient") and stay
#: nodes: the gazetteer is checked first.
_LIST_COMMA = re.compile(r",\s+[a-z]")


def node_kind(text: str, gazetteer: bool, defined: bool, label: str = "", titled: bool = False,
              source: str = "") -> str | None:
    """The evidence that a mention names something, or None (a concept).
    ``defined``: the paper gives it an abbreviation; ``titled``: its title
    names it (a gerund there is a fragment: "Shielding Federated Learning:
    ...", but "Programming Every Example (ProX)" is defined). ``source`` is
    the extractor that found the mention (its ``ent_id``): where the text
    alone gives no evidence, an "established" one-word technique
    (ontology/established_terms.py) is a "term" and a "component" the paper
    names in its own work (extractors/components.py) is "defined"."""
    kind = _text_kind(text, gazetteer, defined, label, titled)
    if kind is None and source in _PROPOSAL_SOURCES and proposed_gerund_name(text) and not outside_ml(text):
        return "defined"  # "we present Ruminating Reader": the authors' name for their work
    if kind is None and source in _SOURCE_KINDS and not is_fragment(text) and not _LIST_COMMA.search(text):
        return _SOURCE_KINDS[source]
    return kind


_SOURCE_KINDS = {"established": "term", "component": "defined", "own-phrase": "defined"}  # own-phrase:
# the paper's own method its proposal cue names descriptively (extractors/proposal_phrases.py)


#: The extractors that read a name after a proposal cue (extractors/names.py, proposal_phrases.py).
_PROPOSAL_SOURCES = frozenset(("proposal", "own-phrase"))


def proposed_gerund_name(text: str) -> bool:
    """A Title Case name its authors open with a gerund ("Ruminating Reader",
    "Sounding Board", "Deforming Autoencoder"): after a proposal cue it is
    the name of their work, not a clause cut from a title. In the 120,000
    real abstracts "we propose/present/introduce" is followed by such a name,
    written without an abbreviation (which makes it a node already), about 18
    times; read, 15 are names, 3 descriptions ("a Pretraining Simulation
    mechanism", "a Challenging DVD dataset", "a Debiasing Degree Adjustment
    mechanism"). Only the gerund is excused: a formula, an open parenthesis,
    a spaced dash or a list stays a fragment."""
    words = text.split()
    if len(words) < 2 or not words[0].lower().endswith("ing") or not all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return False
    rest = " ".join(words[1:])
    return not is_fragment(rest) and not _LIST_COMMA.search(text) and not _COORDINATOR.search(text)


def _text_kind(text: str, gazetteer: bool, defined: bool, label: str, titled: bool) -> str | None:
    if gazetteer:
        return "gazetteer"
    if _LIST_COMMA.search(text):
        return None  # a list or a clause run together: "dialogue control, sentiment classification"
    if campaign_head_only(text):
        return None  # "the shared task": a campaign's head, named elsewhere by name and year
    if label in ("Method", "Task") and outside_ml(text) and not titled:
        # a device, a disease, a theorem: outside the five types (GUIDE), named or not; but not the
        # name a title gives its own work ("Robots Pre-train Robots: ..."), a name its authors chose
        return None
    if defined:
        return "defined"
    if is_fragment(text):
        return None
    if titled:
        return "defined"
    if is_coined(text):
        # two things run together ("NER and chunking", "ASVs and AUVs", "KBP 2016 and 2017"): no name
        return None if _COORDINATOR.search(text) else "name"
    d, t = evidence(text)
    if " " in text.strip() and (d >= MIN_DEFINED or t >= MIN_TITLED):
        return "term"
    if text[:1].islower() and phrase_key(text) in established_terms():
        return "term"  # mined from the abstracts whichever extractor found it (ontology/established_terms.py)
    if label == "Task" and names_a_task(text):
        return "task"
    return None


#: Generic head words after a named technique or task ("simulated annealing approach", "path planning
#: algorithms", "abductive reasoning task"): the phrase describes an instance, the words before name it.
_GENERIC_HEAD = re.compile(r"\s+(?:approach|method|algorithm|technique|task|problem)(?:e?s)?$")


#: Endings of adjectives ("private", "linear", "neural", "collaborative", "semantic", "supervised"):
#: words before a generic head that end so modify it and name nothing alone.
_ADJECTIVE_END = re.compile(r"(?:ial|ral|ear|ate|ive|ous|ic|ed)$", re.I)
_TASK_HEAD = re.compile(r"\s(?:task|problem)s?$")


def named_before_head(text: str) -> str | None:
    """The words before a generic head ("simulated annealing" of "simulated
    annealing approach"), or None when ``text`` has no such head or nothing
    but generic words before it. kg/extract.py makes them the node where they
    alone have gazetteer, definition or corpus-term evidence. On 3,000 real
    abstracts never read before (``draw_sample(3000, 951174)``, standard): 100
    new nodes, 45 read at random, 43 specific and rightly typed (the 2 wrong:
    "virtual reality" as a Method, "ib"); 98 with the final task guard (72
    Task, 26 Method); on seed 840257,
    before the task/problem guard of :func:`short_type`, 39 of 45; on seed
    733019, before the capitals guard (kg/extract.py), 38 of 45."""
    m = _GENERIC_HEAD.search(text)
    if m is None or m.start() == 0:
        return None
    short = text[: m.start()]
    if _ADJECTIVE_END.search(short.split()[-1]):
        return None  # "differentially private algorithm", "piecewise linear technique": the head was the noun
    if is_generic(short) or short.rstrip("s") in GENERIC_ACRONYMS or short in NOT_ENTITIES:
        return None  # "SOTA methods", "DNN approaches": a field or a word of praise, no name
    return short


def short_type(short: str, whole: str, label: str) -> str:
    """The type of the words before a generic head: the whole phrase's label
    types the instance ("machine learning models" is a Method), not what the
    words name ("machine learning"). Real abstracts' usage decides first
    (ontology.usage_evidence), then a task's head word ("machine
    comprehension model" names a task). Before "task" or "problem" the words
    must name a task by one of those, or be a gazetteer Task; else ""."""
    from extractors.names import guess_type
    from ontology import EntityType
    from ontology.usage_evidence import usage_type

    by_usage = usage_type(short)
    named_task = by_usage == "Task" or not by_usage and guess_type(short) is EntityType.TASK
    if _TASK_HEAD.search(whole):
        return "Task" if named_task else ""  # "natural language tasks": the words alone name no task
    return "Task" if named_task else by_usage or label

