"""Request parameters: the limits every route enforces and the one error type answered as JSON or a page."""

from __future__ import annotations

MAX_LIMIT = 500  # rows in one page
MAX_OFFSET = 1_000_000_000  # rows skipped: far past any store, far below SQLite's 64-bit integers
MAX_QUERY = 200  # characters of a search or name parameter


class ApiError(Exception):
    """An error answered as `{"error": {"status", "message"}}` (or an error page for HTML routes)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def limit_param(value: str | None, default: int) -> int:
    if value is None or value == "":
        return default
    try:
        n = int(value)
    except ValueError:
        raise ApiError(400, f"limit must be a whole number, not {value[:20]!r}") from None
    if not 1 <= n <= MAX_LIMIT:
        raise ApiError(400, f"limit must be between 1 and {MAX_LIMIT}")
    return n


def offset_param(value: str | None) -> int:
    if value is None or value == "":
        return 0
    try:
        n = int(value)
    except ValueError:
        raise ApiError(400, f"offset must be a whole number, not {value[:20]!r}") from None
    if not 0 <= n <= MAX_OFFSET:
        raise ApiError(400, f"offset must be between 0 and {MAX_OFFSET}")
    return n


def text_param(value: str | None, name: str, required: bool = False) -> str | None:
    if value is None or not value.strip():
        if required:
            raise ApiError(400, f"{name} is required")
        return None
    if len(value) > MAX_QUERY:
        raise ApiError(400, f"{name} is longer than {MAX_QUERY} characters")
    return value.strip()


def focus_param(value: str | None) -> tuple[int, int] | None:
    if not value or len(value) > 24:
        return None
    try:
        a, b = (int(x) for x in value.split("-", 1))
    except ValueError:
        return None
    return (a, b) if 0 <= a < b <= MAX_OFFSET else None
