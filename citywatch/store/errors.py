"""Errors the store raises; each message is meant to be shown to a user as is."""


class StoreError(Exception):
    """Base class of every store failure."""


class StoreUnavailable(StoreError):
    """The database could not be reached within the configured time."""


class InvalidDocument(StoreError):
    """A document breaks the collection's schema; the message names the field."""

    def __init__(self, field: str, problem: str, ref: str | None = None) -> None:
        self.field = field
        self.problem = problem
        self.ref = ref
        where = f" (document {ref})" if ref else ""
        super().__init__(f"invalid article{where}: field '{field}' {problem}")
