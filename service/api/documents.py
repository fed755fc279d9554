"""GET /v1/documents and /v1/documents/{id}."""

from service.api import bp
from service.api.common import current_verifier
from service.errors import DocumentNotFoundError
from service.schemas import DocumentDetailSchema, DocumentSchema


@bp.get("/v1/documents")
def documents():
    return {"documents": DocumentSchema(many=True).dump(current_verifier().index.documents())}


@bp.get("/v1/documents/<document_id>")
def document(document_id: str):
    found = current_verifier().index.document(document_id)
    if found is None:
        raise DocumentNotFoundError(f"No document with id {document_id!r}.")
    info, text, passages = found
    return DocumentDetailSchema().dump({**info, "text": text, "passages": passages})
