"""The text between two mentions, and the checks a pattern's match must pass.

:func:`_mid` writes the text between a pair as the patterns of
:mod:`extractors.entity_patterns` read it; the regexes and functions here
are the guards :func:`extractors.entity_relations.pair_relations` (and the
own-method rules of :mod:`extractors.entity_own`) apply after a pattern
matched: the mention is a whole name and not a cut of a longer one ("an
mBERT-based ED parser"), a title's colon names a method and not data, an
apposition names the kind, two clauses do not lie between the mentions.
Apart from the table because each guard was written from the wrong firings
of a rule read on real abstracts (the counts are at the rules in
:data:`extractors.entity_patterns.PATTERNS`), and because other rule
modules (extractors/verb_objects.py) read the same text between mentions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .doctext import Ent
from .entity_patterns import _HEAD


#: Head words of a component ("the attention layers in the Transformer"):
#: "X in Y" is PART_OF only for these ("Low-Rank Adaptation in a low-memory
#: regime" is not).
_COMPONENT = re.compile(r"(?:layer|module|block|attention|encoder|decoder|head|normali[sz]ation|embedding|unit|"
                        r"component|mechanism|loss|gate|kernel|branch|backbone|classifier|tokenizer|cell)s?$", re.I)
#: After the kind named in an apposition: its head noun, or the end of the
#: phrase ("an existing BERT model for", "an extension of BERT to"), not a
#: word it qualifies ("BERT-based", "sequence-to-sequence ... strategy").
_KIND_END = re.compile(r"\s*(?:(?:models?|networks?|architectures?|methods?|algorithms?|variants?|datasets?|corpus|corpora|"
                       r"benchmarks?)\b|[,.;:)]|$|\s+(?:for|that|which|with|to|in|of|on|and|trained|pre-?trained)\b)")
#: After the second task of "task-is-a-task": the head noun that makes it a task ("... sentiment analysis task").
_TASK_HEAD = re.compile(r"\s+(?:sub-?)?(?:tasks?|problems?)\b", re.I)
#: A "task" that ends in a kind of data or a language is no task ("Statistical Parsing for
#: Morphologically-Rich Languages", "Feedback Generation for Non-native Spontaneous Speech",
#: "Building a Multimodal Laughter Database for ..."): neither end of "task-for-task" may.
_DATA_END = re.compile(r"(?:languages?|texts?|speech|data|documents?|images?|videos?|tweets?|corpus|corpora|domains?|"
                       r"robots?|devices?|vehicles?|databases?|environments?)$", re.I)
#: "SemEval-2018 Task 1: ...", "CLPsych 2018 Shared Task: ...": a shared task before a title's colon.
_SHARED_TASK = re.compile(r"(?:\btask\s*\d+|shared\s+task|challenge)$", re.I)
#: "Quoref: A Reading Comprehension Dataset": the task names the kind of data set after the colon.
_DATASET_HEAD = re.compile(r"\s+(?:Dataset|Corpus|Benchmark)s?\b")
#: A mention that the text goes on after ("Automatic Identification| of Novel Word Senses",
#: "Predicting Eye| Movements"): the task named is longer than the mention.
_CUT = re.compile(r"\s+(?:of\b|(?!(?:Dataset|Corpus|Benchmark|Challenge|Tasks?|Shared)\b)[A-Z])")
#: What may follow the method a "based-method" relation ends at: punctuation, a function word, or
#: a head noun; any other word means the mention is cut from a longer name ("an mBERT-based ED
#: parser", "diffusion model-based MTS imputation methods").
_NP_END = re.compile(r"\s*(?:[,.;:()]|$)|\s+(?:models?|architectures?|networks?|frameworks?|baselines?|methods?|approach(?:es)?|"
                     r"systems?|algorithms?|with|for|to|that|which|and|or|in|on|of|is|are|was|were|has|have|can|trained|"
                     r"by|as|from|using|achiev\w*|outperform\w*)\b")
#: "CLoSE, a multi-task BERT-based model", "TANet, a thread-aware Transformer-based network": the name in
#: the apposition is what the named method is built on (the labelling guide, part C: "A-based" in a
#: proposed model's description gives A USED_FOR the model). Real (draws 777, 778, 780; 15,000
#: abstracts): 8 firings, 8 read, 8 right; audit part A: "TANet, a thread-aware Transformer-based network".
_BASED = re.compile(r"\s*-\s*based\s+(?:[\w-]+\s+){0,2}?(?:models?|networks?|architectures?|methods?|approach|framework|"
                    r"system|algorithm|classifier|encoder|decoder)\b")
#: Words of a title that make its colon name data, a study or a shared task, not a method for a task.
_TITLE_DATA = re.compile(r"\b(?:datasets?|corpus|corpora|benchmarks?|challenges?|shared|competition|survey|study|analy[sz]\w*|"
                         r"review|evaluat\w*|assess\w*|test(?:s|ing)?|metrics?|understanding|resources?|collections?|"
                         r"treebank|leaderboard)\b")
#: The last connective before a title's final task naming it as a means, not a goal ("... via Embedded
#: Entity Retrieval", "... through Language Modeling", "... with Answer Re-Ranking").
_TITLE_MEANS = re.compile(r"\b(?:via|through|with|using|by|from|against|based\s+on)\s+(?:(?!(?:for|to|in|on)\b)[\w'-]+\s+|§\s+)*$")
#: A method named by its kind ("an $\ep$-DP mechanism", "a provably SINR-optimal recovery method", "the
#: transformer architecture"): the audit's labelling guide counts such a description a generic node, so
#: method-for-method does not start at one (audit part C; on the pools read, 5 firings so headed: 4 right
#: as relations, to what the audit would count a generic node, and 1 wrong).
_KIND_HEAD = re.compile(r"\b(?:methods?|approach(?:es)?|mechanisms?|frameworks?|techniques?|algorithms?|architectures?|"
                        r"schemes?|strateg(?:y|ies)|procedures?)$", re.I)

#: Before the first data set of "results-on-show": the results or experiments it is the ground of
#: ("Experimental results on", "Extensive experiments on the two ... datasets A, B and").
_RESULTS_ON = re.compile(r"\b(?:results?|experiments?|evaluations?|tests?|studies)\s+(?:[\w-]+\s+){0,3}?(?:on|over|across|using|with)\s+"
                         r"(?:(?:the|two|three|four|five|several|multiple|various|both|[\w-]+)\s+){0,4}?(?:[^.;:]{0,80}?(?:,|and)\s+)?$", re.I)

#: After a title's task: a capitalised word that is no connective means the task is cut from a longer
#: name ("Reasoning| Visual Dialog", "Machine Translation| Reference-less Evaluation").
_TITLE_CUT = re.compile(r"\s+(?!(?:Using|Via|With|Through|Based|By|Leveraging|For|In|On|Of|From|And|To|Over|Under|"
                        r"At|As|Towards?|Without|Within)\b)[A-Z]")

#: The head noun right after a task named in an apposition's kind ("BLING-KPE, a neural keyphrase extraction
#: model", "OpenKP, a large scale open domain keyphrase extraction dataset"): a system or a data set of that task.
#: The heads are entity_patterns._HEAD's (a system named by its task) and "network(s)".
_TASK_SYSTEM_HEAD = re.compile(r"\s+(?:" + _HEAD + r"|networks?)\b")
_TASK_DATA_HEAD = re.compile(r"\s+(?:datasets?|data\s+sets?|corpus|corpora|benchmarks?|test\s*beds?|collections?)\b")
#: "compare" as the verb whose object list holds the first of two mentions ("We compare the EasyRead corpus to
#: ...", "comparing the few-shot capabilities of decoder-only and encoder-decoder models"), not "compared to /
#: with" (its object is the thing compared against, and a list after it holds baselines, not a comparison).
_COMPARE_VERB_BEFORE = re.compile(r"\bcompar(?:e|es|ed|ing)\s+(?:(?!(?:to|with|against|and|or|than|by|in|on|for)\b)"
                                  r"[\w'-]+\s+){0,6}?$")
#: Two clauses between the mentions: "SqueezeBERT runs faster than BERT-base
#: on the Pixel 3 while achieving competitive accuracy on GLUE".
_CLAUSE_BREAK = re.compile(r"\b(?:while|whereas|but|although|though)\b|;")


def _mid(text: str, low: str, a: Ent, b: Ent, inner: list[Ent], base: int) -> str:
    """Lower-cased text between ``a`` and ``b``, mentions in between as ``§``."""
    lo, hi = a.end_char - base, b.start_char - base
    if not inner:
        return low[lo:hi]
    parts, pos = [], lo
    for e in inner:
        parts.append(low[pos : e.start_char - base])
        parts.append("§")
        pos = e.end_char - base
    parts.append(low[pos:hi])
    return "".join(parts)


def _clause_break(mid: str) -> bool:
    """``_CLAUSE_BREAK.search(mid)``, run only where one of its literals
    occurs ("though" also in "although"): a pattern that starts with ``\\b``
    is tried at every position (2.7 us between two mentions of the seeds)."""
    return (";" in mid or "while" in mid or "whereas" in mid or "but" in mid or "though" in mid) \
        and _CLAUSE_BREAK.search(mid) is not None


#: What may follow a part named after "consists of": the end of its noun phrase (a bracketed short
#: form skipped), not a further word of a longer name ("PHI augmentation", "KB-based factual
#: knowledge", "LSTM-styled gating units", "the NIST (...) RCS").
_PART_END = re.compile(r"(?:\s*\([^()]{1,60}\))?(?!\s*\()(?:" + _NP_END.pattern
                       + r"|\s+(?:along|together|(?:encoder|decoder|layer|module|block|component|branch|backbone|head)s?)\b)")
#: A whole of "consists of" is a coined name ("M-Walk", "C-BiGRU", "Recurrent Convolutional Neural
#: Network"), not a description ("The classification algorithm incorporates PCA", "a flexible flat plate").
_COINED = re.compile(r"[A-Z0-9]")
#: Before a part or a whole: a word that would make the mention a cut of a longer name
#: ("Error-state Kalman Filter", "Medical Image Segmentation Transformer") or put it inside a phrase
#: ("Recent works in RL combine ...": the works combine, not RL).
_CUT_BEFORE = re.compile(r"(?:[\w-]*-|\b(?!(?:The|A|An|Our|This|These|Its|Their|In|We)\b)[A-Z][\w-]*)\s*$")
_AND_BEFORE = re.compile(r"\b(?:and|or)\s+$")
_PREP_BEFORE = re.compile(r"\b(?:in|of|for|on|with|from|by|to|and|or)\s*$")


def named_part(text: str, part: Ent, base: int) -> bool:
    """Whether ``part`` (offsets less ``base`` index ``text``) is a whole name
    where a sentence lists parts: its noun phrase ends after it, and it is
    no cut of a longer name."""
    k = part.start_char - base
    return _PART_END.match(text, part.end_char - base) is not None and not _CUT_BEFORE.search(text, max(0, k - 30), k)


def whole_part(text: str, whole: Ent, part: Ent, base: int) -> bool:
    """Whether the mentions of "<whole> consists of <part>" name the whole and
    the part: the part by :func:`named_part`; the whole a coined name, not cut
    and not inside a phrase ("Recent works in RL combine ..."). Counts in
    :data:`PATTERNS` ("consists-of")."""
    k = whole.start_char - base
    return (named_part(text, part, base) and _COINED.search(whole.text) is not None
            and not _CUT_BEFORE.search(text, max(0, k - 30), k) and not _PREP_BEFORE.search(text, max(0, k - 8), k))


@dataclass(frozen=True, slots=True)
class _Gap:
    """A zero-width stand-in for a mention ending at ``end_char`` (for :func:`_mid`)."""

    end_char: int


def listed_after(low: str, end: int, after: list[Ent], gap: re.Pattern, base: int) -> list[Ent]:
    """The leading mentions of ``after`` (the sentence's mentions after char
    ``end``, in order) that a list following ``end`` holds: each as long as
    the text from ``end`` to it, earlier mentions as ``§``, fully matches
    ``gap``. One reading for the lists after a verb, a subject's scoring verb,
    "our method outperforms" and "our model consists of"."""
    for n, e in enumerate(after):
        if not gap.fullmatch(_mid(low, low, _Gap(end), e, after[:n], base)):
            return after[:n]
    return after
