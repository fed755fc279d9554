"""GET /healthz (alive) and /readyz (index open and current)."""

from pathlib import Path

from flask import current_app

from service.api import bp
from service.api.common import current_verifier
from service.engine import corpus_fingerprint
from service.errors import problem


@bp.get("/healthz")
def healthz():
    return {"status": "ok"}


@bp.get("/readyz")
def readyz():
    verifier = current_verifier()
    try:
        version = verifier.index.corpus_version
        passages = verifier.index.passage_count()
    except Exception as exc:  # noqa: BLE001 - any failure to read the index means not ready
        current_app.logger.warning("index not readable: %s", exc)
        return problem(503, "Service Unavailable", "The index cannot be read.")
    current = verifier.index.pipeline_digest == verifier.pipeline_digest and (
        corpus_fingerprint(Path(current_app.config["CORPUS_DIR"]))
        == current_app.extensions["corpus_fingerprint"]
    )
    if not version or not current:
        return problem(503, "Service Unavailable", "The index is not current with the corpus.")
    return {"status": "ready", "corpus_version": version, "passages": passages}
