"""POST /v1/verify and /v1/verify/batch."""

from flask import current_app

from service.api import bp
from service.api.access import reads
from service.api.common import current_verifier, filters_of, json_body
from service.schemas import BatchRequestSchema, VerdictSchema, VerifyRequestSchema


def _verify(req: dict) -> dict:
    min_score = req["min_score"]
    if min_score is None:
        min_score = current_app.config["MIN_SCORE"]
    result = current_verifier().verify(
        req["claim"], req["top_k"], min_score, req["language"], filters_of(req["filters"])
    )
    return VerdictSchema().dump(result)


@bp.post("/v1/verify")
@reads
def verify():
    req = VerifyRequestSchema().load(json_body())
    return _verify(req)


@bp.post("/v1/verify/batch")
@reads
def verify_batch():
    req = BatchRequestSchema().load(json_body())
    return {"results": [_verify(claim) for claim in req["claims"]]}
