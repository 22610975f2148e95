"""``citywatch review serve``: the reviewers' web application (FastAPI, server-rendered Jinja2).

:mod:`.app` assembles the routers by area (:mod:`.auth`, :mod:`.queue`,
:mod:`.decisions`, :mod:`.admin`) around what they share (:mod:`.common`).
"""

from citywatch.review.web.app import ServeOptions, create_app, serve, uvicorn_config

__all__ = ["ServeOptions", "create_app", "serve", "uvicorn_config"]
