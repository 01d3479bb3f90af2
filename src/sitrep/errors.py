"""sitrep's exceptions: user mistakes raise these with a message naming the input and the problem."""

from __future__ import annotations


class SitrepError(Exception):
    """Base class of every error sitrep raises on purpose."""


class InputError(SitrepError):
    """Bad input from the user: a missing, binary, empty or undecodable file, a bad date, ..."""


class StoreError(SitrepError):
    """A failure of the record store."""


class MissingExtraError(SitrepError):
    """An optional feature was used without its extra installed."""

    def __init__(self, feature: str, extra: str) -> None:
        super().__init__(f"{feature} needs the '{extra}' extra: pip install 'sitrep[{extra}]'")
