"""Interpreter settings for a bulk load over Bolt, one context manager.

A Bolt load has two threads: one plans the next batch's statements (pure
Python, holds the GIL), one sends statements and waits on the socket for
the server. Two interpreter defaults slow that pairing down, measured with
bench/bench_bolt.py's 200k-relationship graph on FalkorDB (load wall time
over the server's CPU time, which the host's speed swings move alike):

* **The switch interval.** When the server answers, the writing thread must
  take the GIL back from the planning thread, which gives it up only every
  ``sys.getswitchinterval()`` (5 ms by default). The server idles meanwhile,
  once per statement. At 0.2 ms: wall/server 1.82 -> 1.64.
* **Full collections.** The generation-2 collections that planning's many
  small lists set off walk every object in the process, the papers being
  loaded included (planning alone: 2.3-3.1 s -> 1.5 s for the graph with
  :func:`gc.freeze`). Objects that exist when the load starts are moved to
  the permanent generation for its duration, so collections walk only what
  the load makes; they are given back at the end, and a cycle among them
  that became garbage meanwhile is collected then. Together with the
  switch interval: wall/server 1.82 -> 1.50 (pre-planned statements, the
  floor with no planning at all: 1.32).

Both settings are process-wide: nested and concurrent loads share one
setting, and the last to leave restores the previous one.
"""
from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

#: GIL switch interval (seconds) during a load.
LOAD_SWITCH_INTERVAL = 0.0002

_lock = threading.Lock()
_depth = 0
_saved_interval = 0.005


@contextmanager
def bulk_load() -> Iterator[None]:
    """Short GIL switch interval and frozen older objects while the block runs."""
    global _depth, _saved_interval
    with _lock:
        if _depth == 0:
            _saved_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(_saved_interval, LOAD_SWITCH_INTERVAL))
            gc.freeze()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                gc.unfreeze()
                sys.setswitchinterval(_saved_interval)


class Rows(list):
    """A list parameter whose ``repr`` is short.

    The neo4j driver (6.4, Bolt 5) formats every statement's parameters with
    ``repr`` for a debug log line before it checks whether debug logging is
    on: about 0.15 ms per 4 KB FalkorDB statement, on the writing thread,
    while the server waits. Measured with pre-planned statements of
    bench/bench_bolt.py's graph: the client's CPU 2.39 -> 2.03 s (medians of
    3 loads). It packs exactly as a list (the driver's packers accept list
    subclasses; a test compares the bytes); a debug log shows ``<n rows>``
    instead of the data.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<{len(self)} rows>"


def quiet(params: dict) -> dict:
    """``params`` with its list values as :class:`Rows`."""
    return {k: Rows(v) if type(v) is list else v for k, v in params.items()}
