"""Request and response schemas: the limits of the API are declared here."""

from __future__ import annotations

import math
from typing import Any

from marshmallow import Schema, ValidationError, fields, pre_load, validate

CLAIM_MIN, CLAIM_MAX = 3, 1000
TOP_K_MAX = 50
BATCH_MAX = 100
LIMIT_MAX = 50
# The longest q whose worst case, 4-byte characters percent-encoded (12 bytes each), still fits
# gunicorn's request line (limit_request_line in gunicorn_conf.py) with room for the rest.
QUERY_MAX = 500


class StrictInteger(fields.Integer):
    """An integer as JSON Schema counts one: a number without a fractional part (5 or 5.0),
    no strings or booleans."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> int:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError("Not a valid integer.")
        return super()._deserialize(value, attr, data, **kwargs)


class StrictNumber(fields.Float):
    """A number that must be a JSON number: no strings or booleans, and finite."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> float:
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise ValidationError("Not a valid number.")
        return super()._deserialize(value, attr, data, **kwargs)


class StrictString(fields.String):
    """A string that must be a JSON string."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        if not isinstance(value, str):
            raise ValidationError("Not a valid string.")
        return super()._deserialize(value, attr, data, **kwargs)


class VerifyRequestSchema(Schema):
    """POST /v1/verify body."""

    claim = StrictString(required=True, validate=validate.Length(min=CLAIM_MIN, max=CLAIM_MAX))
    top_k = StrictInteger(load_default=5, validate=validate.Range(min=1, max=TOP_K_MAX))
    min_score = StrictNumber(load_default=None, validate=validate.Range(min=0, max=100))
    language = StrictString(load_default="auto", validate=validate.OneOf(["auto", "de", "en"]))

    @pre_load
    def trim_claim(self, data: Any, **kwargs: Any) -> Any:
        """Trim surrounding whitespace from the claim before its length is checked."""
        if isinstance(data, dict) and isinstance(data.get("claim"), str):
            data = {**data, "claim": " ".join(data["claim"].split())}
        return data


class BatchRequestSchema(Schema):
    """POST /v1/verify/batch body."""

    claims = fields.List(
        fields.Nested(VerifyRequestSchema),
        required=True,
        validate=validate.Length(min=1, max=BATCH_MAX),
    )


class PassageQuerySchema(Schema):
    """GET /v1/passages query string."""

    q = StrictString(required=True, validate=validate.Length(min=1, max=QUERY_MAX))
    limit = fields.Integer(load_default=10, validate=validate.Range(min=1, max=LIMIT_MAX))
    min_score = fields.Float(
        load_default=0.0, allow_nan=False, validate=validate.Range(min=0, max=100)
    )


class SourceSchema(Schema):
    document_id = fields.String()
    publisher = fields.String(allow_none=True)
    title = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    published = fields.String(allow_none=True)
    sentence_index = fields.Integer()
    char_start = fields.Integer()
    char_end = fields.Integer()


class HighlightSchema(Schema):
    start = fields.Integer()
    end = fields.Integer()
    kind = fields.String()


class PassageSchema(Schema):
    """A passage with its source, as in search results and documents."""

    passage_id = fields.String()
    text = fields.String()
    source = fields.Nested(SourceSchema)


class ScoredPassageSchema(Schema):
    passage_id = fields.String(attribute="passage.passage_id")
    text = fields.String(attribute="passage.text")
    score = fields.Float()
    source = fields.Nested(SourceSchema, attribute="passage.source")


class EvidenceSchema(ScoredPassageSchema):
    stance = fields.String()
    reasons = fields.List(fields.String())
    highlights = fields.List(fields.Nested(HighlightSchema))


class VerdictSchema(Schema):
    """POST /v1/verify response."""

    claim = fields.String()
    verdict = fields.String()
    confidence = fields.Float()
    supporting = fields.List(fields.Nested(EvidenceSchema))
    contradicting = fields.List(fields.Nested(EvidenceSchema))
    related = fields.List(fields.Nested(EvidenceSchema))
    analysis = fields.Dict()
    corpus_version = fields.String()


class DocumentSchema(Schema):
    document_id = fields.String()
    publisher = fields.String(allow_none=True)
    title = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    published = fields.String(allow_none=True)
    language = fields.String()
    passage_count = fields.Integer()


class DocumentDetailSchema(DocumentSchema):
    text = fields.String()
    passages = fields.List(fields.Nested(PassageSchema))
