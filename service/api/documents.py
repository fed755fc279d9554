"""/v1/documents: list, read, create, replace, delete and bulk-write documents."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from flask import Response, make_response, request, url_for

from service.api import bp
from service.api.access import reads, writes
from service.api.common import current_collection, json_body
from service.errors import (
    ConflictError,
    ContentTooLargeError,
    DocumentNotFoundError,
    PreconditionFailedError,
    UnsupportedMediaTypeError,
)
from service.models import Filters
from service.ndjson import LineProblem, read_lines
from service.schemas import (
    BULK_BODY_MAX,
    BULK_DOCUMENTS_MAX,
    DOCUMENT_BODY_MAX,
    DocumentDetailSchema,
    DocumentInSchema,
    DocumentListQuerySchema,
    DocumentSchema,
)
from service.store import PreconditionFailedError as StoreConditionFailed
from service.store import make_document

NDJSON_TYPES = ("application/x-ndjson", "application/jsonl")


@bp.get("/v1/documents")
@reads
def documents():
    query = DocumentListQuerySchema().load(request.args.to_dict())
    filters = Filters(
        published_from=query["published_from"],
        published_to=query["published_to"],
        publishers=(query["publisher"],) if query["publisher"] else (),
        languages=(query["language"],) if query["language"] else (),
    )
    limit = query["limit"]
    rows = current_collection().documents(limit + 1, query["cursor"], filters)
    page = rows[:limit]
    more = len(rows) > limit
    return {
        "documents": DocumentSchema(many=True).dump(page),
        "next_cursor": page[-1]["document_id"] if more else None,
    }


def _document(document_id: str, status: int = 200) -> Response:
    """Return a document with its passages, tagged with its ETag."""
    found = current_collection().document(document_id)
    if found is None:
        raise DocumentNotFoundError(f"No document with id {document_id!r}.")
    detail = {**found.info, "text": found.text, "passages": found.passages}
    response = make_response(DocumentDetailSchema().dump(detail), status)
    response.set_etag(found.etag)
    return response


@bp.get("/v1/documents/<document_id:document_id>")
@reads
def document(document_id: str):
    return _document(document_id).make_conditional(request)


def _tags(header: str) -> list[str] | None:
    """Return the entity tags of a conditional header (["*"] for any), None without it."""
    if header not in request.headers:
        return None
    tags = request.if_match if header == "If-Match" else request.if_none_match
    return ["*"] if tags.star_tag else list(tags)


@contextmanager
def _conditions() -> Iterator[None]:
    """Answer a failed If-Match or If-None-Match with 412."""
    try:
        yield
    except StoreConditionFailed as failed:
        raise PreconditionFailedError(str(failed)) from None


def _created_or_replaced(result: str, document_id: str) -> Response:
    response = _document(document_id, 201 if result == "created" else 200)
    response.headers["Location"] = url_for("api.document", document_id=document_id)
    return response


def _document_body() -> dict:
    request.max_content_length = DOCUMENT_BODY_MAX
    return DocumentInSchema().load(json_body())


@bp.post("/v1/documents")
@writes
def create_document():
    doc = make_document(**_document_body())
    with _conditions():
        result = current_collection().write(doc, if_none_match=_tags("If-None-Match"))
    return _created_or_replaced(result.result, doc.document_id)


@bp.put("/v1/documents/<document_id:document_id>")
@writes
def replace_document(document_id: str):
    fields = _document_body()
    if fields["document_id"] not in (None, document_id):
        raise ConflictError(
            f"The body names document {fields['document_id']!r}, the path {document_id!r}."
        )
    doc = make_document(**{**fields, "document_id": document_id})
    with _conditions():
        result = current_collection().write(doc, if_match=_tags("If-Match"))
    return _created_or_replaced(result.result, document_id)


@bp.delete("/v1/documents/<document_id:document_id>")
@writes
def delete_document(document_id: str):
    with _conditions():
        existed = current_collection().delete(document_id, if_match=_tags("If-Match"))
    if not existed:
        raise DocumentNotFoundError(f"No document with id {document_id!r}.")
    return Response(status=204)


@bp.post("/v1/documents/bulk")
@writes
def bulk_documents():
    if request.mimetype not in NDJSON_TYPES:
        raise UnsupportedMediaTypeError("Send one JSON document a line as application/x-ndjson.")
    request.max_content_length = BULK_BODY_MAX
    lines = request.get_data().split(b"\n")
    results: list[dict] = []
    docs = []
    for number, item in read_lines(lines):
        if isinstance(item, LineProblem):
            results.append(item.as_dict())
        else:
            docs.append((number, item))
    if len(docs) + len(results) > BULK_DOCUMENTS_MAX:
        raise ContentTooLargeError(
            f"A bulk body holds at most {BULK_DOCUMENTS_MAX} documents; send the rest in"
            " another request."
        )
    written = current_collection().write_many([doc for _, doc in docs])
    for (number, doc), done in zip(docs, written, strict=True):
        results.append(
            {
                "line": number,
                "result": done.result,
                "document_id": doc.document_id,
                "etag": done.stored.etag,
            }
        )
    results.sort(key=lambda r: r["line"])
    counts = {k: 0 for k in ("created", "updated", "unchanged", "failed")}
    for r in results:
        counts[r["result"]] += 1
    return {
        "results": results,
        "counts": counts,
        "corpus_version": current_collection().index.corpus_version or "",
    }
