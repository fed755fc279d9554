"""Documents as NDJSON, one JSON object a line: bulk writes, ingest, export and import."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from marshmallow import ValidationError

from service.models import Document
from service.schemas import DocumentInSchema
from service.store import make_document

EXPORT_FIELDS = ("document_id", "publisher", "title", "url", "published", "language")


@dataclass(frozen=True, slots=True)
class LineProblem:
    """Why one line was not taken."""

    line: int
    status: int
    title: str
    detail: str
    errors: dict | None = None

    def as_dict(self) -> dict:
        out = {"line": self.line, "result": "failed", "status": self.status, "title": self.title}
        out["detail"] = self.detail
        if self.errors is not None:
            out["errors"] = self.errors
        return out


def read_lines(lines: Iterable[str | bytes]) -> Iterator[tuple[int, Document | LineProblem]]:
    """Yield (line number, document or problem) for each non-blank line."""
    schema = DocumentInSchema()
    for number, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8")
            except UnicodeDecodeError:
                yield number, LineProblem(number, 400, "Malformed JSON", "The line is not UTF-8.")
                continue
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            yield number, LineProblem(number, 400, "Malformed JSON", "The line is not JSON.")
            continue
        try:
            fields = schema.load(data if isinstance(data, dict) else {"_": data})
        except ValidationError as error:
            messages = error.messages if isinstance(error.messages, dict) else {}
            yield (
                number,
                LineProblem(
                    number,
                    422,
                    "Unprocessable Content",
                    "The line does not match the document schema.",
                    messages,
                ),
            )
            continue
        yield number, make_document(**fields)


def dump_line(doc: Document) -> str:
    """Return one document as an NDJSON line (what import reads back)."""
    record = {key: getattr(doc, key) for key in EXPORT_FIELDS}
    record["text"] = doc.raw_text
    return json.dumps(record, ensure_ascii=False) + "\n"
