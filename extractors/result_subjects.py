"""The method a sentence opens on as the subject of its scores.

"AHE obtains a new state-of-the-art performance on ... ARC (64.6% accuracy),
top-two performance on ... (34.1%), and top-three performance on the WikiQA
dataset (74.08% MRR)": the values after ", and" are still AHE's. The clause
test of :func:`extractors.results._method` stops at ", and" (there a new
subject often starts: "X reaches 90%, and the baseline 80%"), so a value
after it was credited to no method. A method that opens the sentence as the
subject of a score verb (issue 27: the method "its own statement names") is
the method of every value of the sentence that no nearer method claims.
"""
from __future__ import annotations

import re

from .doctext import Ent
from .quantities import Quantity

#: What may stand before the subject: nothing, an opening phrase closed by a comma ("Despite its simplicity
#: and lack of supervision, AHE obtains ..."), an article or possessive and up to two modifiers ("The
#: resulting ..."), or a reporting frame ("Experiments show that ...").
_LEAD = re.compile(r"^\s*(?:(?:[A-Z][^,;()]{0,80}),\s+)?"
                   r"(?:(?:[A-Z][\w-]*\s+){0,3}?(?:show|shows|showed|demonstrate|demonstrates|demonstrated|indicate|"
                   r"indicates|reveal|reveals|confirm|confirms)\s+that\s+)?"
                   r"(?:(?:the|our|a|an|The|Our|A|An)\s+)?(?:[\w-]+\s+){0,2}?$")
#: Right after the subject: its score verb ("obtains", "achieves", "outperforms ... by", "improves").
_VERB = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:(?:model|method|system|approach|framework|network|also|further|"
                   r"consistently|significantly|still)\s+)*"
                   r"(?:achiev|obtain|reach|yield|gets?\b|got\b|scor|attain|record|improv|outperform|reduc|gain|"
                   r"perform|surpass|establish|set)", re.I)


def subject_method(methods: list[Ent], q: Quantity, text: str, base: int) -> Ent | None:
    """The method ``q``'s sentence opens on as the subject of a score verb,
    if it is the first method of the sentence and comes before ``q``."""
    if not methods:
        return None
    m = min(methods, key=lambda e: e.start_char)
    if m.end_char > q.start or not _LEAD.match(text, 0, m.start_char - base) or not _VERB.match(text, m.end_char - base):
        return None
    return m
