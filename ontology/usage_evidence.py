"""Corpus evidence for Method versus Task: is a phrase written as a tool or as a problem?

A technique and a problem can share a surface form ("reinforcement learning",
"density estimation", "automatic differentiation"), and their head word does
not tell them apart. How authors *use* the phrase does: a tool is what one
works "using X", "via X", "with X", "based on X", or builds "X-based"; a
problem is what one works "for X", "tackles", "improves", or what comes as
"the X task/problem", "X benchmarks", "X datasets". Counting such lexical
contexts over a large corpus types a phrase by its distribution, as Hearst
(1992) read hyponymy off lexico-syntactic patterns and as distant typing
(Shang et al. 2018, AutoPhrase; Ren et al. 2015, ClusType) types phrases by
the contexts a corpus gives them.

``python -m ontology.usage_evidence PHRASES.txt`` counts, over every abstract
of ../shared/corpora/abstracts (120,000: conference papers and the ACL
Anthology), for each phrase listed (one a line: the Task and Method nodes
the pipeline emits on a sample of real abstracts), the occurrences written
as a tool and as a problem, and writes the phrases of two or more words with any count to
``ontology/gazetteer/usage_evidence.tsv.gz``: counts only, no text of the
abstracts. :func:`usage` reads it; :func:`usage_type` turns it into a type.

The shipped table (4,699 phrases, 34 KB; it was 3,127 phrases, 23 KB, from
the nodes of one 3,000-abstract sample) was counted for 13,506 phrases (11,526
keys): the names, aliases and mention texts of the Task and Method entities
that ``kg extract`` emits on ``draw_sample(5000, 58125812)`` of
bench/same_output.py (standard and fast tiers; accurate on its first 823),
the gazetteer's Task and Method names and aliases of two or more words, and
the earlier table's phrases (the same code gives them the same counts).
Thresholds unchanged: 5-fold CV on SciERC train (bench/usage_cv.py) still
chooses 10 / 0.5 / 0.2, decided 0.103 of the spans, 0.938 of them right.
What the wider table changed (extractors 0.6.31), on 11,186 real abstracts
never used before (``draw_sample(3000, 91939193)`` and ``draw_sample(9000,
37213721)`` less the abstracts of the other samples), standard tier: 27
nodes retyped (17 Method -> Task, 10 Task -> Method), 3 new and 1 gone; all
31 read: 25 right ("domain randomization", "tree search", "multiple kernel
learning" now Method; "black-box optimization", "catastrophic forgetting",
"least squares regression" now Task), 3 wrong ("non-linear programming" used
as a tool typed Task; "policy optimization" inside a method's title;
"early detection" a new generic node), 2 wrong before and after, 1 unclear.
Paper and entity relations on the same abstracts: 19 changed, 16 right (4
ADDRESSES of a technique gone, "domain randomization" x3 and "tree search";
USES and USED_FOR of the retyped techniques and problems), 1 wrong (ADDRESSES
of the "policy optimization" in a method's title), 2 wrong before and after.
Audit parts A-E: no node changes.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

from . import GAZETTEER_DIR
from .phrase_evidence import abstracts, phrase_key, read_counts, write_counts

PATH = GAZETTEER_DIR / "usage_evidence.tsv.gz"

#: Decision thresholds, chosen by 5-fold cross-validation on SciERC train's
#: Method/Task spans (bench/usage_cv.py): at least MIN_COUNT contexts, and a
#: tool share of at least METHOD_SHARE (Method) or at most TASK_SHARE (Task).
MIN_COUNT = 10
METHOD_SHARE = 0.5
TASK_SHARE = 0.2

_DETERMINERS = frozenset(("the", "a", "an"))
#: Words before the phrase that make it a tool ("using X", "based on X").
TOOL_BEFORE = frozenset("""using use uses used via with employ employs employed employing apply applies applied
    applying adopt adopts adopted adopting leverage leverages leveraged leveraging utilize utilizes utilized
    utilizing exploit exploits exploiting through""".split())
#: Words before the phrase that make it a problem ("for X", "tackle X").
PROBLEM_BEFORE = frozenset("""for tackle tackles tackling address addresses addressing solve solves solving
    improve improves improving""".split())
#: Words after the phrase that make it a problem ("X task", "X benchmarks").
_PROBLEM_AFTER = frozenset("task tasks problem problems benchmark benchmarks dataset datasets".split())
#: Two words after the phrase that make it a tool ("X is used").
_TOOL_AFTER2 = frozenset(("is used", "are used", "is applied", "are applied", "is employed", "are employed"))
#: After a phrase read from the word before it, the phrase must end there: a
#: punctuation mark or a function word ("for X." counts; "for X verification"
#: is about another thing, X only modifying it).
_ENDS = frozenset(""". , ; : ( ) [ ] and or to in on for with by of from is are was were which that as we
    has have can via at under without while than""".split())
_TOKEN = re.compile(r"-based\b|[a-z0-9]+(?:'[a-z]+)?|[^\sa-z0-9]")


def tokens(text: str) -> list[str]:
    """Lower-cased words with hyphens as spaces, as :func:`phrase_key` keys them;
    a "-based" suffix stays its own token ("kernel-based" -> kernel, -based)."""
    text = text.casefold()
    return _TOKEN.findall(re.sub(r"-(?!based\b)", " ", text))


def _singular(word: str) -> str:
    return phrase_key(word)


def context(toks: list[str], i: int, j: int) -> str | None:
    """'tool', 'problem' or None for the phrase ``toks[i:j]``: what comes after
    it decides first ("using the X dataset" is a dataset's, not a tool's);
    the word before counts only where the phrase ends (see _ENDS)."""
    after = toks[j] if j < len(toks) else ""
    if after == "-based" or " ".join(toks[j : j + 2]) in _TOOL_AFTER2:
        return "tool"
    if after in _PROBLEM_AFTER:
        return "problem"
    if after and after not in _ENDS:
        return None
    k = i - 1
    if k >= 0 and toks[k] in _DETERMINERS:
        k -= 1
    before = toks[k] if k >= 0 else ""
    if before in TOOL_BEFORE or before == "on" and k > 0 and toks[k - 1] == "based":
        return "tool"
    if before in PROBLEM_BEFORE or before == "to" and k > 0 and toks[k - 1] in ("approaches", "approach"):
        return "problem"
    return None


def count_texts(texts, phrases: set[str]) -> tuple[Counter, Counter, int]:
    """(tool counts, problem counts, texts read) per phrase key, over ``texts``."""
    keys = {phrase_key(p) for p in phrases}
    keys.discard("")
    by_first: dict[str, set[int]] = {}
    for k in keys:
        words = k.split(" ")
        by_first.setdefault(words[0], set()).add(len(words))
    tool: Counter = Counter()
    problem: Counter = Counter()
    n = 0
    for text in texts:
        n += 1
        toks = tokens(text)
        for i, tok in enumerate(toks):
            lengths = by_first.get(tok)
            if not lengths:
                continue
            for size in lengths:
                j = i + size
                if j > len(toks):
                    continue
                key = " ".join(toks[i : j - 1] + [_singular(toks[j - 1])]) if size > 1 else _singular(tok)
                if key not in keys:
                    continue
                kind = context(toks, i, j)
                if kind == "tool":
                    tool[key] += 1
                elif kind == "problem":
                    problem[key] += 1
    return tool, problem, n


_COLUMNS = ("tool", "problem")


def write(tool: Counter, problem: Counter, n: int, path: Path = PATH) -> int:
    rows = sorted(k for k in tool.keys() | problem.keys() if tool[k] + problem[k] > 0 and " " in k)
    return write_counts(path, f"Usage evidence counted over {n} abstracts of ../shared/corpora/abstracts (conference_papers,"
                        " acl_anthology) by ontology/usage_evidence.py: per lower-cased phrase (the Task and Method nodes"
                        " of a sample of real abstracts and the gazetteer's Task and Method names), its occurrences written as a tool and as a problem. Counts only,"
                        " derived from the abstracts; no text of them.", _COLUMNS, tool, problem, rows)


def read(path: Path) -> dict[str, tuple[int, int]]:
    return read_counts(path, _COLUMNS)


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[int, int]]:
    return read(PATH)


def usage(phrase: str) -> tuple[int, int]:
    """(occurrences written as a tool, occurrences written as a problem)."""
    return _table().get(phrase_key(phrase), (0, 0))


def decide(tool: int, problem: int, min_count: int = MIN_COUNT, method_share: float = METHOD_SHARE,
           task_share: float = TASK_SHARE) -> str | None:
    """"Method", "Task", or None (too few counts, or no clear side)."""
    total = tool + problem
    if total < min_count:
        return None
    share = tool / total
    if share >= method_share:
        return "Method"
    if share <= task_share:
        return "Task"
    return None


def usage_type(phrase: str) -> str | None:
    """The type real abstracts give ``phrase`` (of two or more words) by how
    they write it, or None. One word is left alone: lower-cased, an acronym
    reads as a function word ("AS", "AT") and its counts as theirs."""
    if len(phrase_key(phrase).split(" ")) < 2:
        return None
    return decide(*usage(phrase))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: python -m ontology.usage_evidence PHRASES.txt [CORPUS_DIR]")
    wanted = {ln.strip() for ln in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines() if ln.strip()}
    corpus = Path(sys.argv[2] if len(sys.argv) > 2 else "../shared/corpora/abstracts")
    t, p, total = count_texts(abstracts(corpus), wanted)
    print(f"{write(t, p, total)} phrases from {total} abstracts -> {PATH}")
