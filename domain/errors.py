"""Typed domain errors with stable codes.

The code is what the desktop layer translates into a message for the clerk; the text is
for logs and command-line output. Codes never change once released.
"""

from __future__ import annotations


class DomainError(ValueError):
    """A rule was broken by the input; nothing should be stored."""

    code: str = "domain.error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code


class InvalidIdNumber(DomainError):
    code = "id.invalid"


class InvalidPhone(DomainError):
    code = "phone.invalid"


class InvalidNumber(DomainError):
    """A case or slip number that is malformed or fails its check digit."""

    code = "number.invalid"


class UnknownItem(DomainError):
    code = "catalog.unknown_item"


class IllegalTransition(DomainError):
    """The case is not in a state from which this step may be taken."""

    code = "case.illegal_transition"


class MissingReason(DomainError):
    code = "case.reason_required"


class InvalidDate(DomainError):
    code = "date.invalid"
