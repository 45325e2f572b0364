"""Interactive views of the graph (``kg view``)."""
