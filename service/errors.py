"""One error shape for every failure: RFC 9457 application/problem+json."""

from __future__ import annotations

import sqlite3

from flask import Flask, Response, json, request
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException

PROBLEM_TYPE = "https://claimcheck.example/problems/"


class ApiError(Exception):
    """A domain error that knows its HTTP status."""

    status = 400
    title = "Bad Request"

    def __init__(self, detail: str, headers: dict | None = None):
        super().__init__(detail)
        self.detail = detail
        self.headers = headers or {}


class UnsupportedMediaTypeError(ApiError):
    status = 415
    title = "Unsupported Media Type"


class MalformedJsonError(ApiError):
    status = 400
    title = "Malformed JSON"


class DocumentNotFoundError(ApiError):
    status = 404
    title = "Not Found"


class UnauthorizedError(ApiError):
    status = 401
    title = "Unauthorized"


class ForbiddenError(ApiError):
    status = 403
    title = "Forbidden"


class ConflictError(ApiError):
    status = 409
    title = "Conflict"


class PreconditionFailedError(ApiError):
    status = 412
    title = "Precondition Failed"


class ContentTooLargeError(ApiError):
    status = 413
    title = "Request Entity Too Large"


class TooManyRequestsError(ApiError):
    status = 429
    title = "Too Many Requests"


def problem_body(status: int, title: str, detail: str, errors: dict | None = None) -> dict:
    """Return the members of a problem document."""
    body = {
        "type": PROBLEM_TYPE + title.lower().replace(" ", "-"),
        "title": title,
        "status": status,
        "detail": detail,
    }
    if errors is not None:
        body["errors"] = errors
    return body


def problem(
    status: int, title: str, detail: str, errors: dict | None = None, headers: dict | None = None
) -> Response:
    """Return a problem+json response."""
    body = problem_body(status, title, detail, errors)
    resp = Response(json.dumps(body), status=status, mimetype="application/problem+json")
    for key, value in (headers or {}).items():
        resp.headers[key] = value
    return resp


def register_error_handlers(app: Flask) -> None:
    """Make every error, including unexpected ones, answer as problem+json."""

    @app.errorhandler(ApiError)
    def api_error(err: ApiError) -> Response:
        return problem(err.status, err.title, err.detail, headers=err.headers)

    @app.errorhandler(sqlite3.DatabaseError)
    def storage_error(err: sqlite3.DatabaseError) -> Response:
        # A damaged or unreadable file: one line for the operator, no traceback for the client.
        app.logger.error("storage unreadable: %s (restart the service to rebuild the index)", err)
        return problem(503, "Service Unavailable", "The document store or index cannot be read.")

    @app.errorhandler(ValidationError)
    def validation_error(err: ValidationError) -> Response:
        messages = err.messages if isinstance(err.messages, dict) else {"_schema": err.messages}
        return problem(
            422, "Unprocessable Content", "The request does not match the schema.", errors=messages
        )

    @app.errorhandler(HTTPException)
    def http_error(err: HTTPException) -> Response:
        headers = {}
        if err.code == 405:
            headers["Allow"] = ", ".join(sorted(getattr(err, "valid_methods", None) or []))
        detail = err.description or ""
        if err.code == 413:
            detail = f"The request body is larger than {request.max_content_length} bytes."
        return problem(err.code or 500, err.name, detail, headers=headers)
