"""Helpers shared by the views: the app's verifier and documents, and the JSON body."""

from __future__ import annotations

from typing import Any

from flask import current_app, request
from werkzeug.exceptions import RequestEntityTooLarge

from service.collection import Collection
from service.errors import MalformedJsonError, UnsupportedMediaTypeError
from service.models import Filters
from service.verify import Verifier


def current_verifier() -> Verifier:
    """Return the app's verifier."""
    return current_app.extensions["verifier"]


def current_collection() -> Collection:
    """Return the app's documents: the store and its index."""
    return current_app.extensions["collection"]


def _raw_body() -> bytes:
    """Return the request body, or raise 413 when it is over the limit."""
    raw = request.get_data(cache=True)
    limit = request.max_content_length
    # A body without Content-Length (chunked) is cut at the limit without an error; one more
    # byte from the server tells a body of exactly the limit from a longer one.
    if request.content_length is None and limit is not None and len(raw) >= limit:
        if request.environ["wsgi.input"].read(1):
            raise RequestEntityTooLarge()
    return raw


def json_body() -> Any:
    """Return the parsed JSON body, or raise 415 / 413 / 400 problems."""
    if not request.is_json:
        raise UnsupportedMediaTypeError("Send the body as application/json.")
    raw = _raw_body()
    try:
        data = request.get_json(silent=True)
    except RecursionError:
        # The parser recurses once per level of [ or {.
        raise MalformedJsonError("The body is nested too deeply.") from None
    if data is None and raw.strip() != b"null":
        raise MalformedJsonError("The body is not valid JSON.")
    return data


def filters_of(fields: dict | None) -> Filters | None:
    """Return the retrieval filters among loaded request fields (None when none is set)."""
    if not fields:
        return None
    filters = Filters(
        published_from=fields.get("published_from"),
        published_to=fields.get("published_to"),
        publishers=tuple(fields.get("publishers") or ()),
        document_ids=tuple(fields.get("document_ids") or ()),
        languages=tuple(fields.get("languages") or ()),
    )
    return filters if filters != Filters() else None
