"""Helpers shared by the views: the verifier of this app and the JSON body."""

from __future__ import annotations

from typing import Any

from flask import current_app, request

from service.errors import MalformedJsonError, UnsupportedMediaTypeError
from service.verify import Verifier


def current_verifier() -> Verifier:
    """Return the app's verifier."""
    return current_app.extensions["verifier"]


def json_body() -> Any:
    """Return the parsed JSON body, or raise 415 / 400 problems."""
    if not request.is_json:
        raise UnsupportedMediaTypeError("Send the body as application/json.")
    try:
        data = request.get_json(silent=True)
    except RecursionError:
        # The parser recurses once per level of [ or {.
        raise MalformedJsonError("The body is nested too deeply.") from None
    if data is None:
        raw = request.get_data(cache=True)
        if raw.strip() != b"null":
            raise MalformedJsonError("The body is not valid JSON.")
    return data
