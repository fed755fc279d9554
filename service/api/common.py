"""Helpers shared by the views: the app's verifier and documents, and the JSON body."""

from __future__ import annotations

from typing import Any

from flask import current_app, request

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


def json_body() -> Any:
    """Return the parsed JSON body, or raise 415 / 400 problems."""
    if not request.is_json:
        raise UnsupportedMediaTypeError("Send the body as application/json.")
    data = request.get_json(silent=True)
    if data is None:
        raw = request.get_data(cache=True)
        if raw.strip() != b"null":
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
