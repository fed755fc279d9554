"""GET /v1/passages: fuzzy passage search."""

from flask import request
from marshmallow import fields

from service.api import bp
from service.api.access import reads
from service.api.common import current_verifier, filters_of
from service.schemas import PassageQuerySchema, ScoredPassageSchema


@bp.get("/v1/passages")
@reads
def passages():
    schema = PassageQuerySchema()
    args = {
        # A list comes as a repeated parameter: publishers=a&publishers=b.
        name: request.args.getlist(name) if isinstance(field, fields.List) else request.args[name]
        for name, field in schema.fields.items()
        if name in request.args
    }
    query = schema.load(args)
    hits = current_verifier().search(
        query["q"], query["limit"], query["min_score"], filters_of(query)
    )
    return {"passages": ScoredPassageSchema(many=True).dump(hits)}
