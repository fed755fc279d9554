"""GET /healthz (alive) and /readyz (index open and current with the store)."""

from flask import current_app

from service.api import bp
from service.api.common import current_collection
from service.errors import problem


@bp.get("/healthz")
def healthz():
    return {"status": "ok"}


@bp.get("/readyz")
def readyz():
    collection = current_collection()
    try:
        collection.catch_up()
        current = collection.is_current()
        version = collection.index.corpus_version
        passages = collection.index.passage_count()
    except Exception as exc:  # noqa: BLE001 - any failure to read the index means not ready
        current_app.logger.warning("index not readable: %s", exc)
        return problem(503, "Service Unavailable", "The index cannot be read.")
    if not version or not current:
        return problem(503, "Service Unavailable", "The index is not current with the store.")
    return {"status": "ready", "corpus_version": version, "passages": passages}
