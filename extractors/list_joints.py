"""What stands between two members of a list: one definition of the joint.

"BERT, RoBERTa, and XLNet", "MNLI or QQP", "83.7%, 87.0% and 85.3%": the
rules that read lists of mentions or values (a list's types agree,
:mod:`extractors.list_types`; a relation spreads over a list's members,
:mod:`extractors.relation_lists`; a result's datasets and metrics pair up
across two lists, :mod:`extractors.result_datasets` and
:mod:`extractors.result_pairs`; counts of a list, :mod:`extractors.result_counts`;
a cue pattern reads on over a list, :mod:`extractors.entity_patterns`) each
wrote their own regex for the text between two members, the same joint
in several copies. They now compose these pieces and add only what is
their own: a citation before the joint ("[24],"), a closing bracket, "/" or
"&", a "the" after it. The compiled patterns match what the copies matched
(``kg extract`` byte-identical on the seeds and 3,000 real abstracts, three
tiers: bench/same_output.py).

Not joints of this shape, and left as they are: lists of values whose
joint takes no "or" ("51.1 and 44.3", extractors/result_kinds.py,
result_pairs._ITEM), and the coined-word lists of
:mod:`extractors.collection_lists` ("&", spaces before a comma).
"""
from __future__ import annotations

import re

#: "and " or "or " before the next member.
CONJUNCTION = r"(?:and\s+|or\s+)"
#: A comma, with "and" / "or" after it or not: ", ", ", and ", ", or ".
COMMA = r",\s*" + CONJUNCTION + "?"
#: The joint between two members: a comma (and a conjunction after it) or a conjunction alone.
JOINT = "(?:" + COMMA + r"|and\s+|or\s+)"
#: Between two mentions of one coordination, after any white space: the joint, "&" or "/", then an
#: optional "the": "precision, recall, and F1", "MNLI and QQP", "BLEU / the TER".
COORDINATION = re.compile(r"\s*(?:" + JOINT + r"|&\s*|/\s*)(?:the\s+)?")
