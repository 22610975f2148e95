"""Human review of uncertain mentions: the queue, decisions, accounts, the web app, learned rules.

Modules: ``queue`` (flagged mentions grouped and ordered by impact), ``decisions``
(apply / revert / dispute, recorded in ``reviews``), ``learned`` (group decisions as
rules for future tagging, and the flag-rate measurement), ``accounts`` (users,
sessions, login limit), ``web`` (``citywatch review serve``).
"""
