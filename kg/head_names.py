"""One node for a coined method name and the same name before a generic head.

"the APF method" after "artificial potential field (APF)", "the RRT
algorithm" beside "RRT": issue 28 asks that two ids for one concept in one
paper be one node. kg/extract.py calls :func:`name_before_head_node` for a
Method phrase that already is a node of its own.
"""
from __future__ import annotations

import re

from extractors.keys import name_key
from extractors.names import is_name_like

from .linking import Linker
from .nodes import node_kind
from .weak_links import own_id

#: Generic heads after a coined method name ("APF method", "DualSR architecture").
_NAME_HEAD = re.compile(r"\s+(?:approach|method|algorithm|technique|model|framework|architecture|network|system|scheme)s?$")


def name_before_head_node(linker: Linker, text: str, label: str, local_ids: dict[str, str], task_ids: set[str],
                          methods: set[str], titled: set[str], weak_keys: set[str],
                          senses: dict[str, str]) -> tuple[str, str, str, str, str] | None:
    """(name, id, key, kind, "Method") of the coined name before a generic
    head in a Method phrase that is a node of its own, or None.

    "the APF method" after "artificial potential field (APF)", "the RRT
    algorithm" beside "RRT", "DualSR architecture" beside "DualSR": one
    thing under two ids in one paper (issue 28). The name is one coined
    word (:func:`~extractors.names.is_name_like`) that the paper defines
    with an abbreviation or also writes alone as a Method (``methods``);
    not where the paper reads the defined name as a Task ("SMT system",
    "SLR system": a system for the task is no task), nor where the phrase
    is itself defined ("HawkesTopic model (HTM)"). The name's id is the
    one its own mentions get in kg/extract.py (``weak_keys``, ``senses``).
    On ``draw_sample(3000)`` of bench/same_output.py (its default seed,
    standard tier) 25 abstracts changed and 28 duplicate nodes were merged
    ("SO-PGD algorithm", "R-SAT model", "MMIN model", "GP model" into
    Gaussian process); all 25 read, no wrong merge."""
    m = _NAME_HEAD.search(text) if label == "Method" else None
    if m is None or m.start() == 0:
        return None
    short = text[: m.start()]
    key = name_key(short)
    if " " in short or not is_name_like(short) or name_key(text) in local_ids:
        return None
    eid = local_ids.get(key)
    if eid is not None:
        return None if eid in task_ids else (short, eid, key, "defined", "Method")
    if key not in methods:
        return None
    eid = linker.resolve(short, "", local_ids=local_ids)
    if key in weak_keys:
        eid = own_id(short, linker.gazetteer_ids)
    eid = senses.get(key, eid)
    kind = node_kind(short, eid in linker.gazetteer_ids, False, "Method", key in titled)
    return None if kind is None else (short, eid, key, kind, "Method")
