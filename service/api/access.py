"""Who may call what, how often, and from which web origins.

Each view declares its scope with @reads or @writes; views without one (health, contract,
docs) are open to all. Writes need a key with the write scope; reads need a key only when
CLAIMS_REQUIRE_KEY_FOR_READS is set. Before a scoped view runs, the index catches up with the
store, so a document written through any worker is answered by every worker.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Response, current_app, g, request

from service.api import bp
from service.api.common import current_collection
from service.auth import READ, WRITE, ApiKey
from service.errors import ForbiddenError, TooManyRequestsError, UnauthorizedError
from service.limits import retry_after

PREFLIGHT_MAX_AGE = "600"


def reads(view: Callable) -> Callable:
    view.scope = READ
    return view


def writes(view: Callable) -> Callable:
    view.scope = WRITE
    return view


def _scope() -> str | None:
    view = current_app.view_functions.get(request.endpoint or "")
    return getattr(view, "scope", None)


def _challenge(error: str | None = None) -> dict:
    value = 'Bearer realm="claimcheck"'
    if error:
        value += f', error="{error}"'
    return {"WWW-Authenticate": value}


def _presented_key() -> ApiKey | None:
    """Return the key of the Authorization header (None without one); a header that names
    no known key is refused, never ignored."""
    header = request.headers.get("Authorization")
    if header is None:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise UnauthorizedError(
            "Send the key as 'Authorization: Bearer <key>'.", _challenge("invalid_request")
        )
    key = current_app.extensions["keys"].find(token.strip())
    if key is None:
        raise UnauthorizedError("The API key is not known.", _challenge("invalid_token"))
    return key


def _authorise(scope: str) -> ApiKey | None:
    key = _presented_key()
    needs_key = scope == WRITE or current_app.config["REQUIRE_KEY_FOR_READS"]
    if key is None and needs_key:
        raise UnauthorizedError(f"This call needs an API key with the {scope} scope.", _challenge())
    if key is not None and not key.allows(scope):
        raise ForbiddenError(
            f"The key {key.name!r} may only read.", _challenge("insufficient_scope")
        )
    return key


def _limit(scope: str, key: ApiKey | None) -> None:
    rate = current_app.extensions["rates"][scope]
    if rate is None:
        return
    bucket = f"{scope}:key:{key.name}" if key else f"{scope}:addr:{request.remote_addr}"
    wait = current_app.extensions["limiter"].hit(bucket, rate)
    if wait is not None:
        raise TooManyRequestsError(
            f"More than {rate} {scope} calls; try again later.",
            {"Retry-After": retry_after(wait)},
        )


@bp.before_request
def guard() -> None:
    scope = _scope()
    if scope is None or request.method == "OPTIONS":
        return
    g.api_key = _authorise(scope)
    _limit(scope, g.api_key)
    current_collection().catch_up()


def _allowed_origin(origin: str) -> str | None:
    setting = current_app.config["CORS_ORIGINS"].strip()
    if setting == "*":
        return "*"
    allowed = {o.strip().rstrip("/") for o in setting.split(",") if o.strip()}
    return origin if origin.rstrip("/") in allowed else None


@bp.after_request
def cors(response: Response) -> Response:
    """Let browsers on the configured origins read the answers of read calls."""
    origin = request.headers.get("Origin")
    if origin is None or _scope() != READ:
        return response
    allowed = _allowed_origin(origin)
    if allowed is None:
        return response
    response.headers["Access-Control-Allow-Origin"] = allowed
    response.headers["Access-Control-Expose-Headers"] = "ETag, Retry-After"
    if allowed != "*":
        response.vary.add("Origin")
    if request.method == "OPTIONS":
        response.headers["Access-Control-Allow-Methods"] = ", ".join(
            sorted(m for m in response.allow if m not in ("HEAD", "OPTIONS"))
        )
        response.headers["Access-Control-Allow-Headers"] = "Authorization, Content-Type"
        response.headers["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
    return response
