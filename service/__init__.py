"""claimcheck: claim verification over an indexed news corpus."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask

from service.auth import READ, WRITE, KeyRing
from service.config import Config, SettingError
from service.engine import build_service, keys_path
from service.errors import register_error_handlers
from service.limits import Rate, RateLimiter

LIMITS_FILE = "limits.sqlite3"


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Return the Flask app with its store and index open, the index current with the store."""
    app = Flask(__name__)
    app.config.from_object(Config)
    if test_config:
        app.config.update(test_config)
    app.config["MAX_CONTENT_LENGTH"] = app.config["MAX_BODY_BYTES"]
    logging.basicConfig(level=app.config["LOG_LEVEL"].upper())
    rates = {}
    for scope, name in ((READ, "RATE_LIMIT_READS"), (WRITE, "RATE_LIMIT_WRITES")):
        try:
            rates[scope] = Rate.parse(app.config[name])
        except ValueError as error:
            raise SettingError(f"CLAIMS_{name}: {error}") from None
    collection, verifier = build_service(app.config)
    app.extensions["collection"] = collection
    app.extensions["verifier"] = verifier
    app.extensions["keys"] = KeyRing(keys_path(app.config))
    app.extensions["limiter"] = RateLimiter(Path(app.config["DATA_DIR"]) / LIMITS_FILE)
    app.extensions["rates"] = rates  # by scope; None: no limit
    register_error_handlers(app)

    from service import api

    app.register_blueprint(api.bp)
    return app
