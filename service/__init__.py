"""claimcheck: claim verification over an indexed news corpus."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask

from service.config import Config
from service.engine import build_verifier, corpus_fingerprint
from service.errors import register_error_handlers


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Return the Flask app with its index opened (and built or synced if needed)."""
    app = Flask(__name__)
    app.config.from_object(Config)
    if test_config:
        app.config.update(test_config)
    app.config["MAX_CONTENT_LENGTH"] = app.config["MAX_BODY_BYTES"]
    logging.basicConfig(level=app.config["LOG_LEVEL"].upper())
    app.extensions["corpus_fingerprint"] = corpus_fingerprint(Path(app.config["CORPUS_DIR"]))
    app.extensions["verifier"] = build_verifier(app.config)
    register_error_handlers(app)

    from service import api

    app.register_blueprint(api.bp)
    return app
