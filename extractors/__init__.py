"""spaCy components that find entities, relations and results in abstracts.

Each component is registered with ``@Language.factory``/``component`` under a
versioned name (``mlkg_*_v1``) and keeps its algorithm in plain functions
that the tests call directly. :func:`extractors.pipeline.make_nlp` assembles
them.
"""
__version__ = "0.1.0"
