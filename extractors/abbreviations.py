"""Abbreviation definitions, "Long Form (SF)" and "SF (Long Form)", after
Schwartz & Hearst (2003).

Schwartz, A. S. and Hearst, M. A. "A simple algorithm for identifying
abbreviation definitions in biomedical text", PSB 2003. The short form is the
parenthesised token; the long form is the shortest run of preceding words in
which the short form's characters appear in order, the first one starting a
word. S&H also read the other order, a short form followed by its long form
in parentheses ("TrAct (Training Activations)"); there the whole
parenthesised text must be the long form. Found pairs become entities and
aliases for the linker.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from .batching import batch_component
from .doctext import doc_text, set_ext

_PAREN = re.compile(r"\(\s*([^()\s][^()]{0,18}?)\s*(?:[;,][^()]*)?\)")
_WORD = re.compile(r"\S+")
#: "SF (Long Form)": two or more words in parentheses after the short form.
_LONG_PAREN = re.compile(r"\(([^()\n]{5,120}?)\)")
_SHORT_BEFORE = re.compile(r"([A-Za-z0-9][\w-]*)\s?$")


@dataclass(slots=True, frozen=True)
class Abbreviation:
    """A definition found in text, with character offsets of both forms."""

    long: str
    long_start: int
    long_end: int
    short: str
    short_start: int
    short_end: int


def _valid_short(sf: str) -> bool:
    words = sf.split()
    if not 2 <= len(sf) <= 12 or len(words) > 2:
        return False
    if not sf[0].isalnum() or not any(c.isupper() for c in sf):
        return False
    return sum(c.isalpha() for c in sf) >= 2


def best_long_form(short: str, candidate: str) -> int | None:
    """Start index in ``candidate`` of the long form for ``short`` (S&H), or None."""
    s = len(short) - 1
    lpos = len(candidate) - 1
    sf = short.lower()
    cand = candidate.lower()
    while s >= 0:
        c = sf[s]
        if not c.isalnum():
            s -= 1
            continue
        while lpos >= 0 and (cand[lpos] != c or (s == 0 and lpos > 0 and cand[lpos - 1].isalnum())):
            lpos -= 1
        if lpos < 0:
            return None
        lpos -= 1
        s -= 1
    # the word's start after any white space: a long form opening the abstract follows the title's
    # "\n\n" ("...Timeline Summarization\n\nTimeline summarization (TLS) generates"), and a start
    # found by spaces alone took the title's last word too, so the pair was dropped
    return max(candidate.rfind(ws, 0, lpos + 1) for ws in " \n\t") + 1


#: Function words: a short form's letter on one of them is no word start ("such as satisfiability (SAT)").
_FUNCTION_WORDS = frozenset(
    "a an and as at by for from in into is of on or the this that to via we with such using our"
    " named namely called dubbed termed".split()
)


def word_start_long_form(short: str, candidate: str) -> int | None:
    """:func:`best_long_form`, but a longer long form wins where it puts more
    of the short form's capitals (and digits) at word starts: of the letter
    matches whose first one starts a word, the one with the most capitals on
    word starts (not on function words), the shortest among equals, which is
    S&H's own answer when no match has more.

    S&H's rightmost match takes a letter from inside a word whenever that
    gives a shorter long form: "non-autoregressive neural machine
    translation (NAT)" came out as "neural mAchine Translation", so NAT
    became NMT in the linker. A lowercase letter of a mixed-case short form
    ("mmWave", "TaSc") is written from inside a word, so only capitals and
    digits count. A capital written inside a word of the long form counts as
    a word start ("NTU Corpus of Learner English (NTUCLE)"), a function word
    or "named" does not, and a longer long form starts within the clause.

    On the 120k abstracts (bench/abbrev_word_starts.py) S&H pairs 79,277
    long forms; 7,472 have a capital no match puts on a word start, and this
    changes 324 (373 without the clause limit; 420 without the two guards
    too). Of 40 changed pairs read: 30 the new long form right, 6 S&H's
    ("means of higher-spatial-resolution multispectral image (MSI)"), 4 both
    wrong. Requiring only the first letter at a word start changes nothing:
    :func:`best_long_form` already does.
    """
    shortest = best_long_form(short, candidate)
    if shortest is None:
        return None
    cut = _clause_start(candidate)
    cand = candidate[cut:].lower()
    counted = [(c.lower(), c.isupper() or c.isdigit()) for c in short if c.isalnum()]
    if not counted:
        return None
    word_at = [0] * len(cand)
    for m in re.finditer(r"[a-z0-9]+", cand):
        for p in range(m.start(), m.end()):
            word_at[p] = m.start()
    starts = [p == 0 or not cand[p - 1].isalnum() for p in range(len(cand))]
    written = candidate[cut:]
    # a capital written inside a word stands for a word too ("NTU Corpus of Learner English (NTUCLE)",
    # "FrenchSemEval (FSE)"): S&H's match there is no letter taken from inside a word
    good = [
        (starts[p] and cand[word_at[p]:].split(None, 1)[0].strip(".,;:-") not in _FUNCTION_WORDS) or written[p].isupper()
        for p in range(len(cand))
    ]
    # best[p]: most counted word starts for the characters from i on, the i-th at p (None: no match)
    c, cap = counted[-1]
    best: list[int | None] = [(int(cap and good[p])) if cand[p] == c else None for p in range(len(cand))]
    for c, cap in reversed(counted[:-1]):
        nxt: list[int | None] = [None] * len(cand)
        tail: int | None = None  # the best over the positions after p
        for p in range(len(cand) - 1, -1, -1):
            if tail is not None and cand[p] == c:
                nxt[p] = tail + int(cap and good[p])
            if best[p] is not None and (tail is None or best[p] > tail):
                tail = best[p]
        best = nxt
    firsts = [(score, p) for p, score in enumerate(best) if score is not None and good[p] and starts[p]]
    kept = [score for p, score in enumerate(best) if score is not None and starts[p] and cut + p >= shortest]
    if not firsts or (kept and max(kept) >= max(firsts)[0]):
        return shortest
    p0 = max(firsts)[1]
    start = cut + max(cand.rfind(ws, 0, p0 + 1) for ws in " \t") + 1
    # a long form never holds its own short form ("FOLK is the Forschungs- und Lehrkorpus ... (FOLK)"),
    # nor an article: "the" opens the noun phrase the long form ends ("maintaining highresolution
    # representations and further study the highresolution network (HRNet)", "be considered as 1D
    # inputs to the Bidirectional Long Shortterm Memory Network (BI-LSTM)")
    added = re.findall(r"[\w-]+", candidate[start:shortest].lower())
    if short.lower() in added or _ARTICLES.intersection(added):
        return shortest
    return start


_ARTICLES = frozenset({"the", "a", "an"})


_CLAUSE_END = re.compile(r"\n|[.:;]\s|[()]")


def _clause_start(candidate: str) -> int:
    """Where a longer long form may start at the earliest: after the title's
    end, a sentence's or clause's end, or a parenthesis ("English/French
    (EN/FR), and English/Portuguese (EN/PT)": the parentheses hold another
    definition). S&H's own shorter answer is kept as it was."""
    return max((m.end() for m in _CLAUSE_END.finditer(candidate)), default=0)


def initials_long_form(short: str, candidate: str) -> int | None:
    """Start of the words whose initials spell the short form exactly
    ("Proximal Policy Optimization (PPO)"); S&H alone would stop at
    "Policy Optimization" because "Optimization" contains a "p"."""
    letters = [c.lower() for c in short if c.isalpha()]
    if len(letters) < 2 or not short.replace("s", "").isupper():
        return None
    parts = list(re.finditer(r"[A-Za-z0-9]+", candidate))
    n = len(letters)
    if len(parts) < n:
        return None
    tail = parts[-n:]
    if [p.group(0)[0].lower() for p in tail] == letters:
        return candidate.rfind(" ", 0, tail[0].start() + 1) + 1 if candidate[tail[0].start() - 1 : tail[0].start()] == "-" else tail[0].start()
    return None


#: A digit between letters that reads as a word: "grapheme-to-phoneme (G2P)", "Social Media Mining for Health (SMM4H)".
_DIGIT_WORD = re.compile(r"(?<=[A-Za-z])([24])(?=[A-Za-z])")
_DIGIT_READS = {"2": ("t", "to"), "4": ("f", "for")}


def _digit_word_long_form(short: str, candidate: str) -> int | None:
    """The long form of a short form whose "2" is "to" and "4" is "for"
    (seq2seq, I2I, D2T, SMM4H), which S&H's letter match cannot pair: the
    digit is matched as the word's first letter, and the long form must hold
    that word. On the 120k abstracts 716 such short forms stand in
    parentheses after a long form; S&H paired 116, this 376 more (35 read:
    34 right, one long form led by "domains—")."""
    if not _DIGIT_WORD.search(short):
        return None
    spelled = _DIGIT_WORD.sub(lambda m: _DIGIT_READS[m.group(1)][0], short)
    rel = word_start_long_form(spelled, candidate)
    if rel is None:
        return None
    words = set(re.findall(r"[a-z]+", candidate[rel:].lower()))
    return rel if all(_DIGIT_READS[d][1] in words for d in _DIGIT_WORD.findall(short)) else None


def find_abbreviations(text: str) -> list[Abbreviation]:
    """Every "Long Form (SF)" and "SF (Long Form)" definition in ``text``, in text order."""
    found: list[Abbreviation] = []
    for m in _PAREN.finditer(text):
        short = m.group(1).strip()
        if not _valid_short(short):
            continue
        window_start = max(0, m.start() - 120)
        words = list(_WORD.finditer(text, window_start, m.start()))
        max_words = min(len(short) + 5, len(short) * 2)
        words = words[-max_words:]
        if not words:
            continue
        cand_start = words[0].start()
        candidate = text[cand_start : m.start()].rstrip()
        rel = initials_long_form(short, candidate)
        if rel is None:
            rel = word_start_long_form(short, candidate)
        if rel is None:
            rel = _digit_word_long_form(short, candidate)
        if rel is None:
            continue
        long_form = candidate[rel:].strip(" ,;:\"'")
        long_start = cand_start + rel + (len(candidate[rel:]) - len(candidate[rel:].lstrip(" ,;:\"'")))
        if len(long_form) <= len(short) or "\n" in long_form or long_form.lower() == short.lower():
            continue
        s_start = text.index(short, m.start())
        found.append(Abbreviation(long_form, long_start, long_start + len(long_form), short, s_start, s_start + len(short)))
    reverse = _short_first(text, [a.short_start for a in found])
    titled = _title_definition(text)
    if titled is not None and not any(a.short == titled.short for a in found + reverse):
        reverse.append(titled)
    return sorted(found + reverse, key=lambda a: min(a.long_start, a.short_start)) if reverse else found


#: A title "SF: Long Form ...": the short form, then the Capitalised words after the colon.
_TITLE_SHORT = re.compile(r"([A-Za-z][\w-]{1,11}):\s+((?:[A-Z][\w'-]*\s+){1,7}[A-Z][\w'-]*)")


def _title_definition(text: str) -> Abbreviation | None:
    """The title's own definition "FiNER: Financial Numeric Entity Recognition
    for XBRL Tagging": a short form before the title's colon whose letters the
    initials of the Capitalised words after it spell, first and last letter
    included. The same S&H reading, with the colon for the parentheses
    (titles name their subject so; the other orders are in the abstract).

    On 3,000 real abstracts it changed 4 papers' nodes: "Visual Knowledge
    Extraction" no longer cut to "Knowledge Extraction", CAP (Context-Aware
    Pruning) a Method, not a Dataset; PIP one node with its long form; and
    one wrong: PoET joined "pose estimation" (the linker takes "Pose
    Estimation Transformer" for a spelling of the gazetteer's "pose
    estimation": one extra word, kg.linking.agrees)."""
    m = _TITLE_SHORT.match(text)
    if m is None or "\n" in m.group(0) or not _valid_short(m.group(1)):
        return None
    short = m.group(1)
    letters = [c.lower() for c in short if c.isalpha()]
    words = m.group(2).split()
    for k in range(len(words), 1, -1):
        initials = [w[0].lower() for w in words[:k]]
        if initials[0] != letters[0] or initials[-1] != letters[-1] or not _subsequence(initials, letters):
            continue
        long_form = " ".join(words[:k])
        start = m.start(2)
        return Abbreviation(long_form, start, start + len(long_form), short, m.start(1), m.end(1))
    return None


def _subsequence(part: list[str], whole: list[str]) -> bool:
    it = iter(whole)
    return all(c in it for c in part)


def _short_first(text: str, taken: list[int]) -> list[Abbreviation]:
    """"SF (Long Form)" definitions: the word before the parentheses is a
    short form whose characters the whole parenthesised text spells, in
    order, from its first word ("RaPiD (Rapid Plug-in Defender)"; not
    "BERT (Devlin et al., 2019)")."""
    out = []
    for m in _LONG_PAREN.finditer(text):
        long_form = m.group(1).strip()
        if len(long_form.split()) < 2 or not long_form[0].isalnum():
            continue
        if any(m.start() < t < m.end() for t in taken):  # a "Long Form (SF)" already
            continue
        before = _SHORT_BEFORE.search(text, max(0, m.start() - 24), m.start())
        if before is None:
            continue
        short = before.group(1)
        if not _valid_short(short) or len(long_form) <= len(short) or long_form.lower() == short.lower():
            continue
        rel = initials_long_form(short, long_form)
        if rel is None:
            rel = word_start_long_form(short, long_form)
        if rel != 0:
            continue
        l_start = m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip()))
        out.append(Abbreviation(long_form, l_start, l_start + len(long_form), short, before.start(1), before.end(1)))
    return out


if not Doc.has_extension("abbreviations"):
    Doc.set_extension("abbreviations", default=[])


@batch_component("mlkg_abbreviations_v1")
def mlkg_abbreviations(doc: Doc) -> Doc:
    """Store :func:`find_abbreviations` results in ``doc._.abbreviations``."""
    set_ext(doc, "abbreviations", find_abbreviations(doc_text(doc)))
    return doc
