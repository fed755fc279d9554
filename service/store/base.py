"""What every document store backend offers, and the records it hands out."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit, urlunsplit

from service.models import Document

# Where a document came from. Directory documents follow CLAIMS_CORPUS_DIR at every start;
# written ones (over the API or the command line) are never touched by that sync.
DIRECTORY = "directory"
WRITTEN = "written"

DOCUMENT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")


class PreconditionFailedError(Exception):
    """An If-Match or If-None-Match condition did not hold."""


class StoreDamagedError(Exception):
    """The store's file cannot be read; what it says is meant for an operator."""


def etag_of(doc: Document) -> str:
    """Return a hash of a document's text and metadata: any change gives another tag."""
    meta = [doc.publisher, doc.title, doc.url, doc.published, doc.language, doc.content_hash]
    return hashlib.sha256(json.dumps(meta).encode()).hexdigest()[:32]


def make_document(
    text: str,
    document_id: str | None = None,
    publisher: str | None = None,
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
    language: str | None = None,
) -> Document:
    """Return a document from what a client sends; without an id it gets a derived one."""
    return Document(
        document_id=document_id or derive_document_id(url, text),
        publisher=publisher,
        title=title,
        url=url,
        published=published,
        language=language,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        raw_text=text,
    )


def _canonical_url(url: str) -> str:
    """Return a URL without what does not change the article: case of scheme and host, the
    fragment, a trailing slash."""
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def derive_document_id(url: str | None, text: str) -> str:
    """Return a stable id for a document sent without one: from its URL when it has one (an
    article updated at the same address stays one document), else from its text."""
    if url:
        return "u-" + hashlib.sha256(_canonical_url(url).encode()).hexdigest()[:20]
    return "t-" + hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:20]


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A document as the store holds it; a deleted one stays as a tombstone with no text."""

    document: Document
    origin: str
    revision: int
    updated: str  # ISO 8601 UTC
    deleted: bool = False

    @property
    def document_id(self) -> str:
        return self.document.document_id

    @property
    def etag(self) -> str:
        return etag_of(self.document)


@dataclass(frozen=True, slots=True)
class WriteResult:
    """What one write did: created, updated or unchanged."""

    result: str
    stored: StoredDocument


@dataclass(frozen=True, slots=True)
class DirectorySync:
    """What a sync with the corpus directory changed in the store."""

    added: int
    updated: int
    removed: int
    unchanged: int
    shadowed: int  # directory files whose id a written document holds


class DocumentStore(Protocol):
    """The interface the service writes and reads documents through."""

    store_id: str

    @property
    def revision(self) -> int:
        """The revision of the last change (0 for an empty store)."""

    def get(self, document_id: str) -> StoredDocument | None:
        """Return a live document, or None (tombstones are not returned)."""

    def put(
        self,
        doc: Document,
        origin: str = WRITTEN,
        if_match: Collection[str] | None = None,
        if_none_match: Collection[str] | None = None,
    ) -> WriteResult:
        """Create or replace one document durably; raise PreconditionFailedError when a
        condition fails: if_match names none of the current tags, or if_none_match names the
        current one ("*" stands for any existing document in both)."""

    def put_many(self, docs: Sequence[Document], origin: str = WRITTEN) -> list[WriteResult]:
        """Create or replace documents in one durable transaction."""

    def delete(self, document_id: str, if_match: Collection[str] | None = None) -> bool:
        """Delete a document durably (it stays deleted across directory syncs); return
        whether it existed."""

    def sync_directory(self, docs: Iterable[Document]) -> DirectorySync:
        """Make the directory documents exactly these, leaving written ones alone."""

    def changes_since(self, revision: int) -> Iterator[StoredDocument]:
        """Yield every document and tombstone changed after a revision, oldest change first."""

    def count(self) -> int:
        """Return the number of live documents."""

    def written(self) -> Iterator[StoredDocument]:
        """Yield every live written document (what an export backs up)."""

    def close(self) -> None:
        """Release this process's connections."""
