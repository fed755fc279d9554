"""Request and response schemas: the limits of the API are declared here."""

from __future__ import annotations

import math
import re
from datetime import UTC, date, datetime
from typing import Any

from marshmallow import (
    Schema,
    ValidationError,
    fields,
    pre_load,
    validate,
    validates,
    validates_schema,
)

CLAIM_MIN, CLAIM_MAX = 3, 1000
TOP_K_MAX = 50
BATCH_MAX = 100
LIMIT_MAX = 50
# The longest q whose worst case, 4-byte characters percent-encoded (12 bytes each), still fits
# gunicorn's request line (limit_request_line in gunicorn_conf.py) with room for the rest.
QUERY_MAX = 500
# Documents: the text of one, the body that carries it, a bulk body and its lines.
TEXT_MAX = 200_000
DOCUMENT_BODY_MAX = 2 * 1024 * 1024
BULK_BODY_MAX = 4 * 1024 * 1024
BULK_DOCUMENTS_MAX = 500
FIELD_MAX = 500  # publisher, title
URL_MAX = 2000
LIST_MAX = 100  # documents per page
FILTER_VALUES_MAX = 50
# "bulk" names the bulk route under /v1/documents, so it is no document id.
DOCUMENT_ID_PATTERN = r"^(?!bulk$)[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"
LANGUAGES = ("de", "en")
# Whitespace as the contract's patterns (ECMA-262 \s) count it, not Python's, which also takes
# U+001C to U+001F and leaves out U+FEFF. A claim's runs of whitespace become one space, but a
# U+FEFF only counts as one: it is taken out before reading, never made a space ("2.5\ufeff00").
_SPACES = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
WHITESPACE = re.compile(f"[{_SPACES}]+")
COUNTED_WHITESPACE = re.compile(f"[{_SPACES}\ufeff]+")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})")


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


def _calendar_date(value: Any) -> date:
    if not isinstance(value, str) or not DATE.fullmatch(value):
        raise ValidationError("Not a date (YYYY-MM-DD).")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationError("Not a date (YYYY-MM-DD).") from None


class CalendarDate(fields.Field):
    """A date written YYYY-MM-DD, kept as that string."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        return _calendar_date(value).isoformat()


def _filter_list(item: fields.Field) -> fields.List:
    return fields.List(item, load_default=(), validate=validate.Length(max=FILTER_VALUES_MAX))


class FiltersSchema(Schema):
    """Which documents a verify or passage search draws from (inside retrieval)."""

    published_from = CalendarDate(load_default=None)
    published_to = CalendarDate(load_default=None)
    publishers = _filter_list(StrictString(validate=validate.Length(min=1, max=FIELD_MAX)))
    document_ids = _filter_list(StrictString(validate=validate.Regexp(DOCUMENT_ID_PATTERN)))
    languages = _filter_list(StrictString(validate=validate.OneOf(LANGUAGES)))


class VerifyRequestSchema(Schema):
    """POST /v1/verify body."""

    claim = StrictString(required=True, validate=validate.Length(max=CLAIM_MAX))
    top_k = StrictInteger(load_default=5, validate=validate.Range(min=1, max=TOP_K_MAX))
    min_score = StrictNumber(load_default=None, validate=validate.Range(min=0, max=100))
    language = StrictString(load_default="auto", validate=validate.OneOf(["auto", "de", "en"]))
    filters = fields.Nested(FiltersSchema, load_default=None)

    @pre_load
    def trim_claim(self, data: Any, **kwargs: Any) -> Any:
        """Trim surrounding whitespace from the claim before its length is checked."""
        claim = data.get("claim") if isinstance(data, dict) else None
        # Over the limit as sent is over the limit: the contract's maxLength counts what was sent.
        if isinstance(claim, str) and len(claim) <= CLAIM_MAX:
            data = {**data, "claim": WHITESPACE.sub(" ", claim).strip(" ")}
        return data

    @validates("claim")
    def long_enough(self, claim: str, **kwargs: Any) -> None:
        if len(COUNTED_WHITESPACE.sub(" ", claim).strip(" ")) < CLAIM_MIN:
            raise ValidationError(f"Length must be between {CLAIM_MIN} and {CLAIM_MAX}.")


class BatchRequestSchema(Schema):
    """POST /v1/verify/batch body."""

    claims = fields.List(
        fields.Nested(VerifyRequestSchema),
        required=True,
        validate=validate.Length(min=1, max=BATCH_MAX),
    )


class PassageQuerySchema(FiltersSchema):
    """GET /v1/passages query string: the query and the retrieval filters."""

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
    etag = fields.String()


class DocumentDetailSchema(DocumentSchema):
    text = fields.String()
    passages = fields.List(fields.Nested(PassageSchema))


class Published(fields.Field):
    """When an article appeared: a date (kept as is) or an RFC 3339 date-time (kept in UTC,
    so that dates compare as strings)."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        if isinstance(value, str) and DATE_TIME.fullmatch(value):
            try:
                moment = datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
            except ValueError:
                raise ValidationError("Not a valid date-time.") from None
            return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return _calendar_date(value).isoformat()


def _optional_text(limit: int) -> StrictString:
    return StrictString(load_default=None, allow_none=True, validate=validate.Length(max=limit))


class DocumentInSchema(Schema):
    """A document sent by a client (POST, PUT, a bulk line)."""

    document_id = StrictString(load_default=None, validate=validate.Regexp(DOCUMENT_ID_PATTERN))
    text = StrictString(required=True, validate=validate.Length(min=1, max=TEXT_MAX))
    publisher = _optional_text(FIELD_MAX)
    title = _optional_text(FIELD_MAX)
    url = fields.Url(
        load_default=None,
        allow_none=True,
        schemes={"http", "https"},
        require_tld=False,
        validate=validate.Length(max=URL_MAX),
    )
    published = Published(load_default=None, allow_none=True)
    language = StrictString(load_default=None, allow_none=True, validate=validate.OneOf(LANGUAGES))

    @validates_schema
    def text_has_words(self, data: dict, **kwargs: Any) -> None:
        if not data["text"].strip():
            raise ValidationError("The text is blank.", "text")


class DocumentListQuerySchema(Schema):
    """GET /v1/documents query string."""

    limit = fields.Integer(load_default=20, validate=validate.Range(min=1, max=LIST_MAX))
    # The id of the last document of the page before: the next page starts after it.
    cursor = fields.String(load_default="", validate=validate.Regexp(DOCUMENT_ID_PATTERN))
    publisher = fields.String(load_default=None, validate=validate.Length(min=1, max=FIELD_MAX))
    published_from = CalendarDate(load_default=None)
    published_to = CalendarDate(load_default=None)
    language = fields.String(load_default=None, validate=validate.OneOf(LANGUAGES))
