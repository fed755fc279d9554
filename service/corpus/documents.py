"""Reading documents and their metadata from a corpus directory."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from service.models import Document

METADATA_FILE = "metadata.json"
URL_LINE = re.compile(r"\s*(https?://\S+)\s*\n")


def load_metadata(corpus_dir: Path) -> dict[str, dict]:
    """Return the metadata entries of a corpus directory keyed by document id."""
    path = corpus_dir / METADATA_FILE
    if not path.exists():
        return {}
    entries = json.loads(path.read_text(encoding="utf-8"))
    return {entry["document_id"]: entry for entry in entries}


def read_document(path: Path, meta: dict | None = None) -> Document:
    """Return one document read from a UTF-8 text file, with metadata where known."""
    raw = path.read_text(encoding="utf-8")
    meta = meta or {}
    url = meta.get("url")
    if url is None:
        first = URL_LINE.match(raw)
        url = first.group(1) if first else None
    return Document(
        document_id=path.stem,
        publisher=meta.get("publisher"),
        title=meta.get("title"),
        url=url,
        published=meta.get("published"),
        language=meta.get("language"),
        content_hash=hashlib.sha256(raw.encode("utf-8")).hexdigest(),
        raw_text=raw,
    )


def load_corpus(corpus_dir: Path) -> list[Document]:
    """Return every *.txt document of a corpus directory, sorted by id."""
    metadata = load_metadata(corpus_dir)
    return [read_document(p, metadata.get(p.stem)) for p in sorted(corpus_dir.glob("*.txt"))]
