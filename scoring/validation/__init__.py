"""The validation harness: simulated worlds with a known truth (world) and the checks run on them (harness).

It talks to citywatch only through ``citywatch ingest`` and ``citywatch export``
subprocesses, as an outside auditor would; docs/scoring.md, section 10.
"""
