"""Count the relation classifier's SUBCLASS_OF direction check on gold.

    python bench/relclf_direction.py [FILE ...]   (default: SciERC train)

For each gold SUBCLASS_OF (SciERC HYPONYM-OF, mapped as
kg/evaluate_relations.py does) between two Methods or two Datasets
(Materials), :func:`extractors.relclf.kind_reversed` is asked twice: shown
the gold direction (a "reversed" there would turn a right edge wrong) and
shown the reverse (a "reversed" there turns a wrong edge right). Training
files only: the check was chosen on these counts, never on dev or the audit.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors.relclf import TYPES, kind_reversed  # noqa: E402
from extractors.train_relclf import SCIERC_TRAIN, read_dygie  # noqa: E402


def count(path: str) -> Counter:
    c: Counter = Counter()
    for s in read_dygie(path):
        for (i, j), cl in s.labels.items():
            if not cl.startswith("SUBCLASS_OF"):
                continue
            src, tgt = (j, i) if cl.endswith("<") else (i, j)
            ts, tt = TYPES[s.types[src]], TYPES[s.types[tgt]]
            if ts != tt or ts not in ("Method", "Dataset"):
                continue
            a, b = (" ".join(s.words[m] for m in range(*s.spans[k])) for k in (src, tgt))
            c["gold SUBCLASS_OF"] += 1
            c["gold direction read as reversed (harm)"] += kind_reversed(a, b)
            c["reverse direction read as reversed (fix)"] += kind_reversed(b, a)
    return c


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", default=[SCIERC_TRAIN])
    for f in ap.parse_args(argv).files:
        print(f, dict(count(f)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
