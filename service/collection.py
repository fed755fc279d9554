"""The corpus as a managed resource: the durable document store and the sentence index that
is derived from it, kept in step.

Every write goes to the store first (durable once it returns), then the index catches up with
the store's changes in one transaction per batch. Any process can catch up: a worker that did
not write sees the change through the shared index file at once, and an index left behind by a
crash between the two steps is brought up to date at the next request or start.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Collection as Tags
from dataclasses import dataclass
from pathlib import Path

from service.corpus import load_corpus
from service.corpus.passages import Pipeline
from service.index import SentenceIndex
from service.models import Document, Filters
from service.store import DocumentStore, WriteResult
from service.store.base import DirectorySync, etag_of

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DocumentView:
    """A document as readers see it: metadata, tag, cleaned text and passages."""

    info: dict
    text: str
    passages: list

    @property
    def etag(self) -> str:
        return self.info["etag"]


class Collection:
    """Writes and reads documents; keeps the index current with the store."""

    def __init__(self, store: DocumentStore, index: SentenceIndex, pipeline: Pipeline):
        self.store = store
        self.index = index
        self.pipeline = pipeline

    # Keeping the index in step ------------------------------------------------------------

    def is_current(self) -> bool:
        return self.index.is_current(self.store, self.pipeline)

    def catch_up(
        self, progress: Callable[[int], None] | None = None, prepared: dict | None = None
    ) -> int:
        """Bring the index up to the store's latest revision; return how many documents
        changed in it (`prepared`: documents this process has read already, by tag)."""
        return self.index.catch_up(self.store, self.pipeline, progress=progress, prepared=prepared)

    def sync_directory(self, corpus_dir: Path) -> DirectorySync | None:
        """Make the directory's documents the store's directory documents (None when there
        is no such directory)."""
        if not corpus_dir.is_dir():
            log.warning("corpus directory %s not found; serving the stored documents", corpus_dir)
            return None
        report = self.store.sync_directory(load_corpus(corpus_dir))
        if report.shadowed:
            log.info(
                "%d documents of %s keep the version written over the API",
                report.shadowed,
                corpus_dir,
            )
        return report

    # Writing -----------------------------------------------------------------------------

    def write(
        self,
        doc: Document,
        if_match: Tags[str] | None = None,
        if_none_match: Tags[str] | None = None,
    ) -> WriteResult:
        """Store one document durably and index it before returning. It is read first, so a
        document the pipeline cannot read never reaches the store."""
        prepared = {etag_of(doc): self.pipeline.passages(doc)}
        result = self.store.put(doc, if_match=if_match, if_none_match=if_none_match)
        self.catch_up(prepared=prepared)
        return result

    def write_many(self, docs: Sequence[Document]) -> list[WriteResult]:
        """Store documents in one durable transaction and index them before returning."""
        prepared = {etag_of(doc): self.pipeline.passages(doc) for doc in docs}
        results = self.store.put_many(docs) if docs else []
        self.catch_up(prepared=prepared)
        return results

    def delete(self, document_id: str, if_match: Tags[str] | None = None) -> bool:
        existed = self.store.delete(document_id, if_match)
        self.catch_up()
        return existed

    # Reading -----------------------------------------------------------------------------

    def document(self, document_id: str) -> DocumentView | None:
        found = self.index.document(document_id)
        if found is None:
            return None
        return DocumentView(*found)

    def documents(
        self, limit: int | None = None, after: str = "", filters: Filters | None = None
    ) -> list[dict]:
        return self.index.documents(limit, after, filters)

    def export(self) -> Iterable[Document]:
        """Yield every document written over the API or the command line."""
        for stored in self.store.written():
            yield stored.document


def open_index(path: Path) -> SentenceIndex:
    """Open the index; a damaged file is derived data, so it is moved aside and rebuilt."""
    try:
        index = SentenceIndex(path)
        index.corpus_version  # noqa: B018 - reads a page: a damaged file fails here
        return index
    except sqlite3.DatabaseError as error:
        aside = path.with_name(path.name + ".damaged")
        log.warning(
            "the index %s is damaged (%s); moved it to %s and rebuilding it from the store",
            path,
            error,
            aside,
        )
        path.replace(aside)
        for suffix in ("-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        return SentenceIndex(path)
