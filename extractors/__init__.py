"""spaCy components that find entities, relations and results in abstracts.

Each component is registered with ``@Language.factory``/``component`` under a
versioned name (``mlkg_*_v1``) and keeps its algorithm in plain functions
that the tests call directly. :func:`extractors.pipeline.make_nlp` assembles
them.
"""
#: Part of :func:`extractors.pipeline.pipeline_version`, which the build
#: manifest compares to decide re-extraction: bump it whenever a rule change
#: changes what the pipeline extracts (0.2.0: "SF (Long Form)" abbreviations,
#: 2026-12-03; 0.3.0: abbreviation pairs typed by the apposition after them,
#: ")-" split in tokens, 2026-12-06; 0.4.0: paper relations only from the
#: paper's own work, TRAINS_ON, entity-to-entity cue patterns, result kinds,
#: PTB escapes restored, names never cut at a hyphen ("I2P-MAE"),
#: 2026-12-06; 0.4.1: "our method outperforms X", apposition USED_FOR,
#: no entity pair across a clause break; 0.5.0: entity nodes only for named
#: things (kg/nodes.py), Papers with Code gazetteer, 2026-12-06; 0.5.1: the
#: accurate tier's learned entity-pair relation classifier, extractors/relclf.py,
#: 2026-12-06), or stores
__version__ = "0.6.58"
