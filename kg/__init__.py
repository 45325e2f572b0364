"""mlkg: a typed, linked knowledge graph of the machine-learning literature."""
__version__ = "0.1.0"
