"""The ``citywatch`` command line: one module per command group, found automatically."""
