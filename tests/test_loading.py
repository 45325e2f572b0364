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
