"""bulk_load(): the interpreter settings of a Bolt load, and their restoring."""
import gc
import sys
import threading

import pytest

from kg.stores.loading import LOAD_SWITCH_INTERVAL, bulk_load


def test_bulk_load_sets_and_restores_interpreter_settings():
    before = sys.getswitchinterval()
    papers = [object() for _ in range(1000)]  # objects that exist when the load starts
    assert gc.get_freeze_count() == 0
    with bulk_load():
        assert sys.getswitchinterval() == pytest.approx(LOAD_SWITCH_INTERVAL)
        assert gc.get_freeze_count() >= len(papers)  # full collections skip them
        with bulk_load():  # nested (a build writing while another load runs)
            pass
        assert gc.get_freeze_count() >= len(papers)  # the inner exit restored nothing yet
    assert sys.getswitchinterval() == pytest.approx(before)
    assert gc.get_freeze_count() == 0


def test_bulk_load_restores_after_an_error_and_across_threads():
    before = sys.getswitchinterval()
    inside = threading.Event()
    leave = threading.Event()

    def other_load():
        with bulk_load():
            inside.set()
            leave.wait(5)

    t = threading.Thread(target=other_load)
    t.start()
    inside.wait(5)
    with pytest.raises(RuntimeError), bulk_load():
        raise RuntimeError("a failed batch")
    assert sys.getswitchinterval() == pytest.approx(LOAD_SWITCH_INTERVAL)  # the other load still runs
    leave.set()
    t.join()
    assert sys.getswitchinterval() == pytest.approx(before)
    assert gc.get_freeze_count() == 0


def test_rows_pack_as_lists_and_keep_repr_short():
    """Rows travel exactly as lists (the Rust and the pure-Python packer of
    the driver); only their repr, which the driver builds for a debug log
    line on every statement, is short."""
    from neo4j._codec.packstream.v1 import Packer

    from kg.stores.loading import Rows, quiet

    rows = [["paper-1", [["ent-1", 750, 0, 1, 0, 4, 2]]], ["p'2", []]]
    params = {"rows": rows, "strs": ["a sentence", "abstract"], "scope": "#entities", "n": 3}
    wrapped = quiet(params)
    assert isinstance(wrapped["rows"], Rows) and wrapped["scope"] == "#entities" and wrapped["n"] == 3
    assert wrapped == params and repr(wrapped["rows"]) == "<2 rows>"

    def packed(value, use_rust: bool) -> bytes:
        out = bytearray()
        packer = Packer(type("Buffer", (), {"write": lambda self, b: out.extend(b)})())
        if use_rust:
            packer.pack(value)  # the Rust extension when installed (neo4j-rust-ext)
        else:
            packer._py_pack(value, Packer._inject_hooks())
        return bytes(out)

    for use_rust in (True, False):
        assert packed(wrapped, use_rust) == packed(params, use_rust)
