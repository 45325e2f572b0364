"""The ``kg`` command line: thin wrappers over the library.

Exit codes: 0 success; 1 failure (bad query, store error); 2 usage error
(click); 3 completed, but some input records were rejected (see --rejects).
"""
from __future__ import annotations

import os

# one BLAS thread per process (before NumPy loads): build workers are
# processes, and the NER's matrices are too small to gain from threads
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import click

from .. import __version__

EXIT_OK, EXIT_FAIL, EXIT_USAGE, EXIT_REJECTS = 0, 1, 2, 3


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """Build and query a knowledge graph of ML paper abstracts."""


from . import commands, entities, evaluate, leaderboard, neo4j_cmds, presets_cmd, view  # noqa: E402,F401  (registers the commands)
from . import serve  # noqa: E402,F401  (kg serve)
