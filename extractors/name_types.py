"""What type a coined name or an abbreviation pair is, read from its own
words: the head of its long form or description, and the words right after
the pair.

Split out of :mod:`extractors.names` because typing a name is one idea,
asked by more than the name finder (:mod:`kg.nodes`, :mod:`kg.weak_links`,
:mod:`ontology.acronym_evidence` type names with these functions), while
:mod:`extractors.names` finds the names: "... Retrieval" is a Task, "... Corpus"
a Dataset, "... Benchmark" a Benchmark, anything else a Method; a pair's
apposition (", a new dataset of ..."), its head word after it ("(SNLI)
corpus", "(HML) framework", "(MAB) problem") and its long form's head before
"of" / "for" say what the long form alone does not. The counts behind each
rule are at the rule.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ontology import EntityType


#: Head words that type a phrase, matched as (case-insensitive) endings of
#: it: ``str.endswith`` rather than a ``(?:...)$`` search, which tries the
#: alternation at every character of the phrase.
_TASK_HEADS = tuple(
    """recognition classification detection segmentation generation translation answering retrieval summarization
    summarisation parsing tagging prediction estimation tracking captioning reasoning inference understanding
    completion localization alignment matching forecasting recommendation synthesis learning modeling modelling
    search planning control editing categorization categorisation normalization normalisation disambiguation
    extraction identification labeling labelling simplification correction induction comprehension
    transliteration verification""".split()
)
#: Public name of the task heads (kg.nodes reads them).
TASK_HEADS = _TASK_HEADS
_METRIC_HEADS = tuple("score error rate accuracy distance divergence precision recall loss ratio index".split())
#: A language resource or knowledge store is a Dataset (tests/data/audit/GUIDE.md: "Lexica (MucLex,
#: Wiktionary) are Datasets"; the gold types WordNet, URIEL "linguistic typological database", the
#: China Biographical Database, the EDR Electronic Dictionary and the Tourism Knowledge Graph so), so
#: a description or long form headed by one types its name Dataset: "MucLex: A German Lexicon for
#: Surface Realisation", "MOOCCube: A Large-scale Data Repository for ...". On draw_sample(1000,
#: 28022855) (standard, all read): 40 Method nodes had a collection word in their own phrase, name or
#: list, 27 of them collections (12 the gazetteer's generic "Knowledge Graphs", left alone); this
#: retyped 2, both right (PTSVOX "a Speech Database", "the ... ALARM network database"), and 1 generic
#: "knowledge bases (KB)" went from Dataset back to Method (see :func:`_bare_resource`). Audit A-M
#: (standard and fast): MucLex, MOOCCube, Tourism-domain Knowledge Graph Method -> Dataset, all right
#: (MOOCCube's entity-level USED_FOR NLP goes); part M alone unchanged; SciER train unchanged.
RESOURCE_HEADS = ("lexicon", "lexica", "dictionary", "database", "knowledge base", "knowledge graph", "repository",
                  "archive", "wordnet")
_DATASET_HEADS = ("dataset", "data set", "corpus", "corpora", "collection", "treebank") + RESOURCE_HEADS
_BENCHMARK_HEADS = tuple("benchmark bench suite leaderboard arena evaluation eval testbed challenge".split())
#: "CaseHOLD (Case Holdings On Legal Decisions), a new dataset of ...", "the
#: Animals with Attributes 2 (AWA2) dataset": a head word or an apposition
#: right after an abbreviation pair says what its long form does not.
_APPOSITION_KIND = re.compile(
    r"\s*\)?\s*(?:(?:,|\u2014|--)\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?"
    r"(?P<head>datasets?|data\s+sets?|corpus|corpora|treebanks?|benchmarks?|suite|testbed|leaderboard"
    r"|lexicons?|lexica|dictionary|databases?|knowledge\s+(?:base|graph)s?|repository|archives?)"
    # a plural right after the pair is a kind of collection: "remote sensing (RS) datasets"
    r"|(?P<name_head>dataset|data\s+set|corpus|treebank|benchmark|suite|testbed|leaderboard))\b", re.I)
_MODEL_WORD = re.compile(r"\b(?:model|network)", re.I)
#: "Two-Stage Knowledge-Guided Pre-training for Relation Extraction (TKRE)":
#: a phrase that serves a task names a method, whatever its last words say.
_SERVES = re.compile(r"\s(?:for|using|via|with)\s", re.I)


def ends_with_head(low: str, heads: tuple[str, ...]) -> bool:
    """Whether ``low`` ends with one of ``heads`` as a whole word: "information
    retrieval" does not end with the head "eval", nor "deep research" with
    "search" ("IR" was typed Benchmark in the seeds' graph)."""
    if not low.endswith(heads):
        return False
    return any(low.endswith(h) and (len(low) == len(h) or not low[-len(h) - 1].isalpha()) for h in heads)


#: Plurals read as their singular head ("lexicons", "knowledge bases"; "dictionaries" and "repositories"
#: are left plural: a plural of those is rarely one named thing).
_PLURAL_COLLECTIONS = ("datasets", "benchmarks", "lexicons", "databases", "knowledge bases", "knowledge graphs",
                       "archives")


def _bare_resource(low: str) -> bool:
    """A resource head alone ("Knowledge Graph (KG)", "the knowledge base"): the
    kind of thing, which the gazetteer types (PwC's "Knowledge Graphs", a
    Method), not a named collection; typed Dataset here its mentions gave
    EVALUATES_ON "the KG" (2 of draw_sample(1000, 28022855), both wrong)."""
    words = low.split()
    if words[:1] in (["a"], ["an"], ["the"]):
        words = words[1:]
    return " ".join(words).rstrip("s") in RESOURCE_HEADS


@lru_cache(maxsize=65536)
def guess_type(phrase: str, context: str = "") -> EntityType:
    """Type of a coined name from the head of its long form or description."""
    for text in (phrase.strip(), context.strip()):
        head = text.rstrip("s") if text.lower().endswith(_PLURAL_COLLECTIONS) else text
        low = head.lower()
        if ends_with_head(low, _BENCHMARK_HEADS):
            return EntityType.BENCHMARK
        if ends_with_head(low, _DATASET_HEADS) and not _bare_resource(low):
            return EntityType.DATASET
        if ends_with_head(low, _METRIC_HEADS):
            return EntityType.METRIC
        if (text is phrase.strip() and ends_with_head(low, _TASK_HEADS) and not _MODEL_WORD.search(head)
                and not _SERVES.search(text)):
            return EntityType.TASK
    return EntityType.METHOD


def apposition_type(after: str) -> EntityType | None:
    """Dataset or Benchmark when ``after`` (the text after a name) opens with
    an apposition saying so (", a new dataset of ..."), else None."""
    m = _APPOSITION_KIND.match(after)
    if m is None:
        return None
    head = (m.group("head") or m.group("name_head")).lower()
    return EntityType.BENCHMARK if head.startswith(("bench", "suite", "testbed", "leader")) else EntityType.DATASET


def abbreviation_type(long: str, after: str, method_head: bool = True) -> EntityType:
    """Type of an abbreviation pair from its long form ("... Retrieval" is a
    Task), else from the words after the pair (:func:`apposition_type`), else
    from the long form's head before "of" / "for" ("Holistic Evaluation of
    Multimodal Models" is a Benchmark); Method by default. ``method_head``:
    whether a method word after the pair may name it (not where a curated
    name holds the long form: "an Open Information Extraction (IE) approach")."""
    kind = guess_type(long)
    if kind is EntityType.TASK and (m := _NAMED_COLLECTION_AFTER.match(after)):
        # "the Amazon Review Sentiment Classification (ARSC) text dataset": a task's words naming a collection
        return EntityType.BENCHMARK if m.group("head").lower() == "benchmark" else EntityType.DATASET
    if kind is EntityType.TASK and method_head and names_a_method_after(after):
        return EntityType.METHOD  # "a novel subgraph reasoning (SGR) framework": the pair names the framework
    if kind is not EntityType.METHOD:
        return kind
    if _PROBLEM_AFTER.match(after):
        return EntityType.TASK  # "the multi-armed bandit (MAB) problem", "the ... (RE) task"
    kind = apposition_type(after) or guess_type(_PREPOSITION.split(long, maxsplit=1)[0])
    return kind if kind in (EntityType.DATASET, EntityType.BENCHMARK) else EntityType.METHOD


#: A pair whose long form reads as a task ("... Sentiment Classification", "... Question
#: Answering") but that heads ONE collection, at most one lower-case word between, names that
#: collection: "the Stanford Natural Language Inference (SNLI) corpus", "the Spoken
#: Conversational Question Answering (Spoken-CoQA) dataset", "the Long Video Understanding
#: (LVU) benchmark". A plural ("Natural Language Inference (NLI) datasets") is the task's
#: datasets, and a long form the gazetteer knows ("Question Answering (QA) dataset") keeps the
#: gazetteer's type before this is asked (mlkg_names). On all 431 of the 120,000 real abstracts
#: that write "(ABBR) [word] dataset|corpus|treebank|benchmark" (standard tier, extractors 0.6.37):
#: 30 nodes retyped Task -> Dataset/Benchmark, all read, 25 right (83%); the 5 wrong name an unnamed
#: collection of a task ("a named entity disambiguation (NED) dataset", "the ... (CQA) corpus").
#: draw_sample(3000, 2026120771): no change. Audit part F: ARSC Task -> Dataset (right).
_NAMED_COLLECTION_AFTER = re.compile(r"\s*\)?\s*(?:[a-z][a-z-]*\s+)?(?P<head>dataset|data\s+set|corpus|treebank|benchmark)"
                                     r"(?![\w-])", re.I)


#: A pair whose long form reads as a task ("Hierarchical Memory Learning", "local autoregressive
#: translation") but that heads ONE method word names that method: "we propose a novel
#: Hierarchical Memory Learning (HML) framework", "a local autoregressive translation (LAT)
#: mechanism". A long form the gazetteer knows ("a multi-task learning (MTL) framework", "a
#: question answering (QA) system") keeps the gazetteer's type before this is asked (mlkg_names),
#: and "system" is left out (shared-task systems of a task: "our grammatical error correction
#: (GEC) system"). Before this, such a pair was a Task node and, its short form taken for a
#: task's, never the paper's proposal (issue 28; with :func:`known_tokens`). Of the 120,000 real
#: abstracts, 614 write "propose|introduce|present|develop|design ... (ABBR) <method word>" with a
#: long form guess_type calls a task. Counted (standard tier, before/after, every change read): on
#: draw_sample(3000, 71717137) 19 abstracts change, 16 right (NBT-like retypes and proposals: SGL,
#: DAC, ICE, CoGAN, IMOP, SRM; "a standard PBMT framework" a Method, not proposed), 3 wrong (a
#: "QC mechanism can be devised" proposed, a constructed AMP algorithm proposed, a cut
#: "eps-locally differentially private" proposed); on 300 drawn (seed 37037) of the 3,642 abstracts
#: that write "(ABBR) <method word>": 61 change, 54 right, 7 wrong (the task of "a Nearest Neighbor
#: Search (NNS) algorithm" and of "a ... video actor-action segmentation (VAAS) framework" taken for
#: the method, a "recently proposed Dec-MCTS" and a "client-server (CS) architecture" proposed, two
#: cut names proposed, GNC). With "model" too, 2 more of the first 21 were wrong ("a global entity
#: disambiguation (ED) model", "a WSMLTC model": a model of a task), so "model" is left out.
#: SciERC and TDMSci train (kg evaluate, standard): unchanged.
_METHOD_AFTER = re.compile(r"\s*\)?\s*(?:framework|method|approach|architecture|network|algorithm|technique"
                           r"|strategy|mechanism|module|scheme)(?![\w-])", re.I)


def names_a_method_after(after: str) -> bool:
    """Whether ``after`` (the text right after an abbreviation pair) opens with
    one method word, which the pair then names (:data:`_METHOD_AFTER`)."""
    return _METHOD_AFTER.match(after) is not None


#: A defined pair that heads "problem" or "task" names the problem (counted on 3,000 real
#: abstracts, standard tier: see the commit).
_PROBLEM_AFTER = re.compile(r"\s*\)?\s*(?:problems?|tasks?)\b")


#: The preposition that ends a description's head: "Representation from
#: Large-Scale Robot Dataset" is a representation, "Evaluation of ... Models"
#: an evaluation ("plug-in" has none).
_PREPOSITION = re.compile(r"(?<![\w-])(?:for|of|with|via|in|on|to|from|using|through|at)(?![\w-])", re.I)


def coined_type(name: str, context: str) -> EntityType:
    """Type of a coined name: Method unless the name or its description says
    dataset or benchmark (a coined name is rarely a task or a metric)."""
    kind = guess_type(name)
    if kind not in (EntityType.DATASET, EntityType.BENCHMARK):
        # the description's head, before its first preposition: "Manipulation-
        # Centric Representation from Large-Scale Robot Dataset" is no dataset
        kind = guess_type("", _PREPOSITION.split(context, maxsplit=1)[0])
    return kind if kind in (EntityType.DATASET, EntityType.BENCHMARK) else EntityType.METHOD
