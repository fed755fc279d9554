"""HTTP views: thin, one domain call each."""

from flask import Blueprint
from werkzeug.routing import BaseConverter

from service.schemas import DOCUMENT_ID_PATTERN


class DocumentIdConverter(BaseConverter):
    """A document id in a path: what the schema allows, so that /v1/documents/bulk is never
    read as a document."""

    regex = DOCUMENT_ID_PATTERN.removeprefix("^").removesuffix("$")


bp = Blueprint("api", __name__)
bp.record_once(lambda state: state.app.url_map.converters.update(document_id=DocumentIdConverter))

from service.api import access, docs, documents, health, passages, verify  # noqa: E402, F401
