"""GET /v1/passages: fuzzy passage search."""

from flask import request

from service.api import bp
from service.api.common import current_verifier
from service.schemas import PassageQuerySchema, ScoredPassageSchema


@bp.get("/v1/passages")
def passages():
    query = PassageQuerySchema().load(request.args.to_dict())
    hits = current_verifier().search(query["q"], query["limit"], query["min_score"])
    return {"passages": ScoredPassageSchema(many=True).dump(hits)}
