"""A SPARQL 1.1 Protocol endpoint over the embedded store (``kg serve``).

The server is Oxigraph's own (the ``oxigraph`` CLI wheel: the same engine as
pyoxigraph, which writes the store), run as a child process:
``oxigraph serve-read-only --location STORE --union-default-graph --bind
127.0.0.1:PORT``. ``--union-default-graph`` makes the default graph the union
of the per-paper named graphs, as ``kg query`` does (without it a query for
papers counts 0). It answers ``/query`` (SPARQL 1.1 Protocol) and serves the
YASGUI query page at ``/``.

Oxigraph says that reading a store while another process writes it is
undefined behaviour, so a served store is marked: the server holds an
exclusive ``flock`` on ``<store>/kg-serve.lock`` (the child inherits the
descriptor, so the lock lives exactly as long as a process serving the store)
and every writer checks it with :func:`check_not_served`. A lock file left by a
killed server is not locked by anyone, so it never blocks a build.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: the lock file alone marks a served store
    fcntl = None

from .stores.base import StoreError

LOCK_NAME = "kg-serve.lock"
LOOPBACK = ("127.0.0.1", "::1", "localhost")


class ServeError(StoreError):
    """The server cannot start (no binary, no store, port taken, already served)."""


def lock_path(location: str | Path) -> Path:
    return Path(location) / LOCK_NAME


def _try_lock(fd: int) -> bool:
    """Take the exclusive lock without waiting; False if someone holds it."""
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def served_by(location: str | Path) -> dict | None:
    """What serves the store (``{"pid", "url"}``) or None.

    None also for a stale lock file (its server was killed): nobody holds the
    lock, so the file is removed."""
    path = lock_path(location)
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return None
    try:
        if fcntl is not None and _try_lock(fd):
            fcntl.flock(fd, fcntl.LOCK_UN)
            path.unlink(missing_ok=True)
            return None
        try:
            return json.loads(os.pread(fd, 4096, 0) or b"{}") or {"pid": None, "url": None}
        except ValueError:
            return {"pid": None, "url": None}
    finally:
        os.close(fd)


def check_not_served(location: str | Path) -> None:
    """Refuse to write a store that ``kg serve`` is serving (one line)."""
    info = served_by(location)
    if info is not None:
        where = f" at {info['url']}" if info.get("url") else ""
        pid = f" (pid {info['pid']})" if info.get("pid") else ""
        hint = "" if fcntl is not None else f"; delete {lock_path(location)} if no server runs"
        raise StoreError(f"store {location} is being served by 'kg serve'{where}{pid}: stop the server before writing to it{hint}")


def oxigraph_binary() -> str:
    """The ``oxigraph`` executable of this environment (the CLI wheel's)."""
    here = Path(sys.executable).parent / ("oxigraph.exe" if os.name == "nt" else "oxigraph")
    found = str(here) if here.exists() else shutil.which("oxigraph")
    if not found:
        raise ServeError("the Oxigraph server is not installed: pip install 'oxigraph>=0.5,<0.6'")
    return found


def server_command(location: str | Path, host: str, port: int, writable: bool = False,
                   timeout_s: int | None = None) -> list[str]:
    """The Oxigraph command line (``serve-read-only`` unless ``writable``)."""
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    cmd = [oxigraph_binary(), "serve" if writable else "serve-read-only", "--location", str(location),
           "--union-default-graph", "--bind", bind]
    return cmd + (["--timeout-s", str(timeout_s)] if timeout_s else [])


def _family(host: str) -> int:
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def free_port(host: str = "127.0.0.1") -> int:
    """A port that is free now on ``host`` (for ``--port 0``)."""
    with socket.socket(_family(host)) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def check_port_free(host: str, port: int) -> None:
    """Fail in one line when something already listens on ``host:port``
    (else the readiness probe would talk to that other server)."""
    with socket.socket(_family(host)) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does: TIME_WAIT is not "in use"
        try:
            s.bind((host, port))
        except OSError as exc:
            raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc} (choose another --port)") from None


class Server:
    """``with Server(store, port=...) as s: s.url`` runs the endpoint until exit."""

    def __init__(self, location: str | Path, host: str = "127.0.0.1", port: int = 7878, writable: bool = False,
                 timeout_s: int | None = None, start_timeout: float = 30.0):
        self.location = Path(location)
        self.host, self.port, self.writable, self.timeout_s = host, port, writable, timeout_s
        self.start_timeout = start_timeout
        self.proc: subprocess.Popen | None = None
        self._fd: int | None = None
        self._err = None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    def start(self) -> Server:
        if not (self.location / "CURRENT").exists():
            raise ServeError(f"no store at {self.location}: run 'kg build' first")
        self.port = self.port or free_port(self.host)
        check_port_free(self.host, self.port)
        cmd = server_command(self.location, self.host, self.port, self.writable, self.timeout_s)
        fd = self._lock()
        self._fd = fd
        self._err = tempfile.TemporaryFile("w+")
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self._err,
                                     pass_fds=(fd,), text=True)
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps({"pid": self.proc.pid, "url": self.url}).encode(), 0)
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def _lock(self) -> int:
        """Open and lock the lock file; retried if a writer removed it as
        stale between our open and our lock (then we hold a lock on a file
        nobody else can see)."""
        path = lock_path(self.location)
        for _ in range(5):
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
            if not _try_lock(fd):
                os.close(fd)
                info = served_by(self.location) or {}
                raise ServeError(f"store {self.location} is already served at {info.get('url') or '?'} (pid {info.get('pid') or '?'})")
            try:
                if os.fstat(fd).st_ino == os.stat(path).st_ino:
                    return fd
            except FileNotFoundError:
                pass
            os.close(fd)
        raise ServeError(f"cannot lock {path}")

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self._err.seek(0)
                err = self._err.read().strip().splitlines()
                raise ServeError(f"the Oxigraph server exited ({self.proc.returncode}): {err[-1] if err else 'no message'}")
            try:
                with socket.create_connection((self.host, self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.1)
        raise ServeError(f"the Oxigraph server did not listen on {self.url} within {self.start_timeout:.0f}s")

    def wait(self) -> int:
        """Block until the server exits; its exit code."""
        return self.proc.wait()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if getattr(self, "_err", None) is not None:
            self._err.close()
            self._err = None
        if self._fd is not None:
            lock_path(self.location).unlink(missing_ok=True)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


__all__ = ["LOCK_NAME", "LOOPBACK", "ServeError", "Server", "check_not_served", "oxigraph_binary", "served_by", "server_command"]
