"""``kg serve``: the embedded store as a SPARQL 1.1 Protocol endpoint (see kg/serve.py)."""
from __future__ import annotations

import signal

import click

from ontology import sparql_prefixes

from ..stores import default_location
from . import main


def _interrupt(signum, frame):
    raise KeyboardInterrupt


@main.command()
@click.option("--store", "store_loc", default=None, metavar="PATH", help="Store directory. Default: $KG_STORE or ./kg-store.")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True, help="TCP port (0: any free port).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind. Anything but loopback exposes the store to the network: only with --public.")
@click.option("--public", is_flag=True, help="Allow a non-loopback --host (the endpoint has no authentication).")
@click.option("--writable", is_flag=True,
              help="Accept SPARQL Update at /update (default: read-only). Updates bypass kg build's manifest.")
@click.option("--timeout", "timeout_s", type=click.IntRange(1), default=None, metavar="SECONDS", help="Per-query time limit.")
def serve(store_loc, port, host, public, writable, timeout_s):
    """Serve the store over HTTP: SPARQL 1.1 Protocol at /query (GET or POST),
    the YASGUI query page at /.

    The default graph is the union of all graphs, as in `kg query`; queries
    must declare their prefixes (printed at start). Runs Oxigraph's server
    (the `oxigraph` package) until Ctrl-C. While it runs, `kg build` into
    the same store is refused.
    """
    from ..serve import LOOPBACK, ServeError, Server

    location = store_loc or default_location()
    if "://" in location:
        raise click.UsageError("kg serve serves the embedded store; a Neo4j server has its own Browser (port 7474)")
    if host not in LOOPBACK and not public:
        raise click.UsageError(f"--host {host} is not loopback: add --public to expose the store to the network")
    server = Server(location, host=host, port=port, writable=writable, timeout_s=timeout_s)
    # SIGTERM (docker stop, kill) stops the child and removes the lock, like Ctrl-C
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        server.start()
    except ServeError as exc:
        raise click.ClickException(str(exc)) from None
    try:
        click.echo(f"SPARQL endpoint {server.url}query  (query page {server.url}, "
                   f"{'read-write' if writable else 'read-only'}, store {location}); Ctrl-C stops", err=True)
        click.echo("prefixes for your queries:\n" + sparql_prefixes().rstrip(), err=True)
        click.echo(server.url, nl=True)  # stdout: the URL alone, for scripts
        code = server.wait()
    except KeyboardInterrupt:
        code = 0
    finally:
        server.stop()
    if code:
        raise click.ClickException(f"the Oxigraph server exited with status {code}")


__all__ = ["serve"]
