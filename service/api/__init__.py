"""HTTP views: thin, one domain call each."""

from flask import Blueprint

bp = Blueprint("api", __name__)

from service.api import docs, documents, health, passages, verify  # noqa: E402, F401
