"""The document store in one SQLite file: durable commits, one writer at a time."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Collection, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

from service.connections import Connections
from service.models import Document
from service.store.base import (
    DIRECTORY,
    WRITTEN,
    DirectorySync,
    PreconditionFailedError,
    StoreDamagedError,
    StoredDocument,
    WriteResult,
    etag_of,
)

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    document_id TEXT PRIMARY KEY,
    publisher TEXT, title TEXT, url TEXT, published TEXT, language TEXT,
    content_hash TEXT NOT NULL,
    text TEXT NOT NULL,
    origin TEXT NOT NULL,
    revision INTEGER NOT NULL,
    updated TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS documents_by_revision ON documents(revision);
"""
COLUMNS = (
    "document_id, publisher, title, url, published, language, content_hash, text,"
    " origin, revision, updated, deleted"
)
SCHEMA_VERSION = "1"


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _row(row: Sequence) -> StoredDocument:
    doc = Document(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7])
    return StoredDocument(doc, row[8], row[9], row[10], bool(row[11]))


def _damaged(path: Path, error: Exception) -> StoreDamagedError:
    return StoreDamagedError(
        f"the document store {path} is damaged ({error}). Move it away, start again (the"
        " corpus directory is read anew) and restore written documents with"
        " `python -m service import BACKUP.ndjson`."
    )


class SqliteDocumentStore:
    """Documents in an SQLite file in WAL mode with full sync: a commit survives kill -9 and
    power loss, and readers in other processes see it at once."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._connections = Connections(self.path, 60, "synchronous=FULL")
        try:
            db = self._db
            db.execute("PRAGMA journal_mode=WAL")
            self._migrate(db)
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("quick_check failed")
        except sqlite3.OperationalError:
            raise  # locked or unwritable: not damage
        except sqlite3.DatabaseError as error:
            self.close()
            raise _damaged(self.path, error) from None
        self.store_id = self._meta("store_id") or ""

    @property
    def _db(self) -> sqlite3.Connection:
        return self._connections.get()

    def close(self) -> None:
        self._connections.close()

    def _migrate(self, db: sqlite3.Connection) -> None:
        db.executescript(SCHEMA)
        with _Transaction(db):
            db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
            db.execute("INSERT OR IGNORE INTO meta VALUES ('store_id', ?)", (uuid.uuid4().hex,))
            db.execute("INSERT OR IGNORE INTO meta VALUES ('revision', '0')")
            (version,) = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if version != SCHEMA_VERSION:
                raise sqlite3.DatabaseError(f"unknown store layout {version}")

    def _meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    @property
    def revision(self) -> int:
        return int(self._meta("revision") or 0)

    # Reading -----------------------------------------------------------------------------

    def _find(self, document_id: str) -> StoredDocument | None:
        row = self._db.execute(
            f"SELECT {COLUMNS} FROM documents WHERE document_id = ?", (document_id,)
        ).fetchone()
        return _row(row) if row else None

    def get(self, document_id: str) -> StoredDocument | None:
        return _live(self._find(document_id))

    def changes_since(self, revision: int) -> Iterator[StoredDocument]:
        rows = self._db.execute(
            f"SELECT {COLUMNS} FROM documents WHERE revision > ? ORDER BY revision", (revision,)
        )
        for row in rows:
            yield _row(row)

    def count(self) -> int:
        return self._db.execute("SELECT count(*) FROM documents WHERE NOT deleted").fetchone()[0]

    def written(self) -> Iterator[StoredDocument]:
        rows = self._db.execute(
            f"SELECT {COLUMNS} FROM documents WHERE origin = ? AND NOT deleted"
            " ORDER BY document_id",
            (WRITTEN,),
        )
        for row in rows:
            yield _row(row)

    # Writing -----------------------------------------------------------------------------

    def _transaction(self):
        return _Transaction(self._db)

    def _next_revision(self) -> int:
        revision = self.revision + 1
        self._db.execute("UPDATE meta SET value = ? WHERE key = 'revision'", (str(revision),))
        return revision

    def _write(self, doc: Document, origin: str, current: StoredDocument | None) -> WriteResult:
        """Write one document inside an open transaction."""
        live = _live(current) is not None
        if live and current.origin == origin and current.etag == etag_of(doc):
            return WriteResult("unchanged", current)
        revision, updated = self._next_revision(), _now()
        self._db.execute(
            f"INSERT OR REPLACE INTO documents ({COLUMNS}) VALUES"
            " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
            (
                doc.document_id,
                doc.publisher,
                doc.title,
                doc.url,
                doc.published,
                doc.language,
                doc.content_hash,
                doc.raw_text,
                origin,
                revision,
                updated,
            ),
        )
        return WriteResult(
            "updated" if live else "created", StoredDocument(doc, origin, revision, updated)
        )

    def put(
        self,
        doc: Document,
        origin: str = WRITTEN,
        if_match: Collection[str] | None = None,
        if_none_match: Collection[str] | None = None,
    ) -> WriteResult:
        with self._transaction():
            found = self._find(doc.document_id)
            current = _live(found)
            if if_none_match and current is not None:
                if "*" in if_none_match or current.etag in if_none_match:
                    raise PreconditionFailedError(
                        f'Document {doc.document_id!r} exists with tag "{current.etag}".'
                    )
            _check(doc.document_id, current, if_match)
            return self._write(doc, origin, found)

    def put_many(self, docs: Sequence[Document], origin: str = WRITTEN) -> list[WriteResult]:
        with self._transaction():
            return [self._write(doc, origin, self._find(doc.document_id)) for doc in docs]

    def _tombstone(self, current: StoredDocument, origin: str) -> None:
        self._db.execute(
            "UPDATE documents SET text = '', deleted = 1, origin = ?, revision = ?, updated = ?"
            " WHERE document_id = ?",
            (origin, self._next_revision(), _now(), current.document_id),
        )

    def delete(self, document_id: str, if_match: Collection[str] | None = None) -> bool:
        with self._transaction():
            current = self.get(document_id)
            _check(document_id, current, if_match)
            if current is None:
                return False
            # Deleted by a user: the directory sync must not bring it back.
            self._tombstone(current, WRITTEN)
            return True

    def sync_directory(self, docs: Iterable[Document]) -> DirectorySync:
        counts = dict.fromkeys(("created", "updated", "unchanged", "shadowed", "removed"), 0)
        with self._transaction():
            seen = set()
            for doc in docs:
                seen.add(doc.document_id)
                current = self._find(doc.document_id)
                if current is not None and current.origin == WRITTEN:
                    counts["shadowed"] += 1
                    continue
                counts[self._write(doc, DIRECTORY, current).result] += 1
            rows = self._db.execute(
                f"SELECT {COLUMNS} FROM documents WHERE origin = ? AND NOT deleted", (DIRECTORY,)
            ).fetchall()
            for row in rows:
                if row[0] not in seen:
                    self._tombstone(_row(row), DIRECTORY)
                    counts["removed"] += 1
        return DirectorySync(
            counts["created"],
            counts["updated"],
            counts["removed"],
            counts["unchanged"],
            counts["shadowed"],
        )


def _live(found: StoredDocument | None) -> StoredDocument | None:
    """Return a document that is not a tombstone, else None."""
    return found if found is not None and not found.deleted else None


def _check(document_id: str, current: StoredDocument | None, if_match) -> None:
    """Raise when If-Match tags were given and the current document has none of them."""
    if if_match is None:
        return
    if current is None:
        raise PreconditionFailedError(f"Document {document_id!r} does not exist.")
    if "*" not in if_match and current.etag not in if_match:
        raise PreconditionFailedError(
            f'Document {document_id!r} has changed: its tag is now "{current.etag}".'
        )


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind, value, traceback) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")
