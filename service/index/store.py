"""SQLite store of documents and passages with an FTS5 (BM25) index over their terms.

One file holds everything, so a change to the corpus is one transaction and every gunicorn
worker reads a consistent snapshot (WAL mode lets readers go on while a writer commits).
Documents are added, replaced and removed one at a time; nothing forces a full rebuild
except a change to the analysis pipeline itself (its digest is stored in `meta`).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from service.connections import Connections
from service.corpus.passages import Pipeline
from service.models import Document, Filters, Passage, Source
from service.store import DocumentStore, StoredDocument
from service.store.base import etag_of

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    document_id TEXT PRIMARY KEY,
    publisher TEXT, title TEXT, url TEXT, published TEXT,
    language TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    clean_text TEXT NOT NULL,
    passage_count INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS passages (
    id INTEGER PRIMARY KEY,
    passage_id TEXT NOT NULL UNIQUE,
    document_id TEXT NOT NULL REFERENCES documents(document_id) ON DELETE CASCADE,
    sentence_index INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    terms TEXT NOT NULL,
    reading TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS passages_by_document ON passages(document_id, sentence_index);
CREATE VIRTUAL TABLE IF NOT EXISTS passage_fts USING fts5(
    terms, content='passages', content_rowid='id',
    tokenize="unicode61 remove_diacritics 0 tokenchars '@'"
);
CREATE VIRTUAL TABLE IF NOT EXISTS passage_vocab USING fts5vocab(passage_fts, 'row');
CREATE TRIGGER IF NOT EXISTS passages_ai AFTER INSERT ON passages BEGIN
    INSERT INTO passage_fts(rowid, terms) VALUES (new.id, new.terms);
END;
CREATE TRIGGER IF NOT EXISTS passages_ad AFTER DELETE ON passages BEGIN
    INSERT INTO passage_fts(passage_fts, rowid, terms) VALUES ('delete', old.id, old.terms);
END;
"""

PASSAGE_COLUMNS = """p.passage_id, p.text, p.terms, p.document_id, d.publisher, d.title, d.url,
    d.published, p.sentence_index, p.char_start, p.char_end, p.reading, d.language"""
# Bump when the tables change: an index of another layout is dropped and built anew.
SCHEMA_VERSION = "2"
# A document read by the pipeline: its cleaned text, its language and its passages.
Read = tuple[str, str, list[Passage]]
# Documents read per write transaction when catching up with the store.
CATCH_UP_BATCH = 200
TABLES = ("passage_vocab", "passage_fts", "passages", "documents", "meta")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A passage retrieved for a query, with its BM25 score (higher is better)."""

    passage: Passage
    bm25: float


# What a reader has in mind at a passage: the headline and lead (the first sentences) and
# the sentences just before it.
LEAD_SENTENCES = 3
SENTENCES_BEFORE = 2
# ... and the sentence after it, which often names who said a quote ("..., sagte Liebich").
SENTENCES_AFTER = 1


@dataclass(frozen=True, slots=True)
class SyncReport:
    """What a sync changed."""

    added: int
    removed: int
    unchanged: int
    rebuilt: bool
    corpus_version: str


def _passage(row: Sequence) -> Passage:
    source = Source(row[3], row[4], row[5], row[6], row[7], row[8], row[9], row[10])
    return Passage(row[0], row[1], row[2], source, row[11], row[12])


# Pages each connection keeps in memory (KiB). Verifies read the same pages of the term index
# again and again; SQLite's default of 2 MiB drops them between queries. On the benchmark
# index, the same claims verified in turn on three connections gave p50 68.7 ms (2 MiB), 65.1
# (16 MiB) and 61.7 (64 MiB). A small corpus never fills it.
PAGE_CACHE_KIB = 64 * 1024

# BM25 over an OR query costs time in proportion to the postings it walks (about 1 ms per
# thousand here). Past this many, the most frequent terms are left out of the candidate
# query; they still count in the fuzzy re-ranking and the stance, which see every claim term.
POSTING_BUDGET = 20_000


def fts_query(terms: Iterable[str]) -> str:
    """Return an FTS5 MATCH expression that ORs the given terms, each quoted."""
    return " OR ".join('"' + t.replace('"', "") + '"' for t in dict.fromkeys(terms) if t)


def filter_clause(filters: Filters | None) -> tuple[str, list]:
    """Return SQL conditions on the documents table (alias d) for the filters, and their
    parameters. A date filter leaves out documents without a date."""
    if filters is None:
        return "", []
    clauses, params = [], []
    if filters.published_from:
        clauses.append("substr(d.published, 1, 10) >= ?")
        params.append(filters.published_from)
    if filters.published_to:
        clauses.append("substr(d.published, 1, 10) <= ?")
        params.append(filters.published_to)
    for column, values in (
        ("d.publisher", filters.publishers),
        ("d.document_id", filters.document_ids),
        ("d.language", filters.languages),
    ):
        if values:
            clauses.append(f"{column} IN ({', '.join('?' * len(values))})")
            params.extend(values)
    return "".join(" AND " + c for c in clauses), params


def within_budget(frequencies: dict[str, int], budget: int = POSTING_BUDGET) -> list[str]:
    """Return the rarest terms whose postings fit the budget (always at least one term)."""
    chosen, spent = [], 0
    for term, df in sorted(frequencies.items(), key=lambda kv: kv[1]):
        if chosen and spent + df > budget:
            break
        chosen.append(term)
        spent += df
    return chosen


def _migrate(db: sqlite3.Connection) -> None:
    """Create the tables, dropping those of an older layout first."""
    has_meta = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone()
    version = has_meta and db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    if has_meta and (not version or version[0] != SCHEMA_VERSION):
        for table in TABLES:
            db.execute(f"DROP TABLE IF EXISTS {table}")
    db.executescript(SCHEMA)
    db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))


class SentenceIndex:
    """Persistent sentence index: documents, passages and the BM25 term index."""

    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._connections = Connections(
            path, 60, "foreign_keys=ON", f"cache_size=-{PAGE_CACHE_KIB}"
        )
        self.db.execute("PRAGMA journal_mode=WAL")
        _migrate(self.db)

    @property
    def db(self) -> sqlite3.Connection:
        """Return this thread's connection."""
        return self._connections.get()

    def close(self) -> None:
        """Close this thread's connection."""
        self._connections.close()

    # Writing -----------------------------------------------------------------------------

    def _write(self, work) -> str:
        """Run `work` in one write transaction (one writer at a time; readers go on and see
        all of it or none); return the new corpus version."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            work()
            version = self._refresh_version()
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return version

    def sync(self, documents: Sequence[Document], pipeline: Pipeline) -> SyncReport:
        """Make the index hold exactly these documents; only changed ones are reprocessed."""
        counts = {}

        def work():
            rebuilt = self._meta("pipeline") != pipeline.digest
            if rebuilt:
                self.db.execute("DELETE FROM passages")
                self.db.execute("DELETE FROM documents")
            stored = dict(self.db.execute("SELECT document_id, fingerprint FROM documents"))
            wanted = {d.document_id: d for d in documents}
            removed = [i for i in stored if i not in wanted or stored[i] != etag_of(wanted[i])]
            for doc_id in removed:
                self._delete(doc_id)
            added = [
                d for d in documents if d.document_id not in stored or d.document_id in removed
            ]
            for doc in added:
                self._insert(doc, pipeline.passages(doc))
            self._set_meta("pipeline", pipeline.digest)
            counts.update(
                added=len(added),
                removed=len([i for i in removed if i not in wanted]),
                unchanged=len(documents) - len(added),
                rebuilt=rebuilt,
            )

        version = self._write(work)
        return SyncReport(**counts, corpus_version=version)

    def add_documents(self, documents: Iterable[Document], pipeline: Pipeline) -> str:
        """Add or replace documents in one transaction; return the new corpus version."""
        read = [(doc, pipeline.passages(doc)) for doc in documents]

        def work():
            self._set_meta("pipeline", pipeline.digest)
            for doc, passages in read:
                self._delete(doc.document_id)
                self._insert(doc, passages)

        return self._write(work)

    def remove_document(self, document_id: str) -> bool:
        """Remove one document and its passages; return whether it existed."""
        existed = []
        self._write(lambda: existed.append(self._delete(document_id)))
        return existed[0]

    @property
    def applied(self) -> tuple[str, int]:
        """Return the store id and revision this index was last brought up to."""
        store_id, _, revision = (self._meta("store") or ":0").partition(":")
        return store_id, int(revision or 0)

    def is_current(self, store: DocumentStore, pipeline: Pipeline) -> bool:
        """Return whether the index holds the store's latest revision, read by this pipeline."""
        return self._meta("pipeline") == pipeline.digest and self.applied == (
            store.store_id,
            store.revision,
        )

    def catch_up(
        self,
        store: DocumentStore,
        pipeline: Pipeline,
        batch: int = CATCH_UP_BATCH,
        progress: Callable[[int], None] | None = None,
        prepared: dict[str, Read] | None = None,
    ) -> int:
        """Apply the store's changes since the revision this index last applied; return how
        many documents changed. A store or pipeline the index was not built from means
        applying everything from the start. `prepared` holds documents already read, by tag.

        Documents are read outside the write lock; each batch is one transaction that also
        records the revision it reaches, so a crash, or another process catching up at the
        same time, never applies a change twice or skips one.
        """
        store_id, revision = self.applied
        if store_id != store.store_id or self._meta("pipeline") != pipeline.digest:
            store_id, revision = store.store_id, 0
            self._write(lambda: self._clear(store_id, pipeline.digest))
        if revision == store.revision:
            return 0
        changed = 0
        pending: list[StoredDocument] = []
        prepared = prepared or {}
        for stored in store.changes_since(revision):
            pending.append(stored)
            if len(pending) >= batch:
                changed += self._apply(pending, store_id, pipeline, prepared)
                if progress:
                    progress(len(pending))
                pending = []
        if pending:
            changed += self._apply(pending, store_id, pipeline, prepared)
            if progress:
                progress(len(pending))
        return changed

    def forget(self) -> None:
        """Forget which store revision the index holds, so the next catch-up reads every
        document again."""
        self._write(lambda: self._set_meta("store", ":0"))

    def _clear(self, store_id: str, digest: str) -> None:
        self.db.execute("DELETE FROM passages")
        self.db.execute("DELETE FROM documents")
        self._set_meta("store", f"{store_id}:0")
        self._set_meta("pipeline", digest)

    def _apply(
        self,
        changes: list[StoredDocument],
        store_id: str,
        pipeline: Pipeline,
        prepared: dict[str, Read],
    ) -> int:
        read = {
            c.document_id: prepared.get(c.etag) or pipeline.passages(c.document)
            for c in changes
            if not c.deleted
        }
        applied = []

        def work():
            current_id, current = self.applied
            if current_id != store_id:
                current = 0
            # Another process may have applied some of these while this one read them.
            fresh = [c for c in changes if c.revision > current]
            for change in fresh:
                self._delete(change.document_id)
                if not change.deleted:
                    self._insert(change.document, read[change.document_id])
            top = max(current, *(c.revision for c in changes))
            self._set_meta("store", f"{store_id}:{top}")
            self._set_meta("pipeline", pipeline.digest)
            applied.append(len(fresh))

        self._write(work)
        return applied[0]

    def _insert(self, doc: Document, read: Read) -> None:
        clean, language, passages = read
        self.db.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.document_id,
                doc.publisher,
                doc.title,
                doc.url,
                doc.published,
                language,
                etag_of(doc),
                clean,
                len(passages),
            ),
        )
        self.db.executemany(
            "INSERT INTO passages (passage_id, document_id, sentence_index, char_start, char_end,"
            " text, terms, reading) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    p.passage_id,
                    doc.document_id,
                    p.source.sentence_index,
                    p.source.char_start,
                    p.source.char_end,
                    p.text,
                    p.terms,
                    p.reading,
                )
                for p in passages
            ],
        )

    def _delete(self, document_id: str) -> bool:
        # Passages go first, row by row, so the FTS delete trigger sees each one.
        self.db.execute("DELETE FROM passages WHERE document_id = ?", (document_id,))
        return (
            self.db.execute("DELETE FROM documents WHERE document_id = ?", (document_id,)).rowcount
            > 0
        )

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def _refresh_version(self) -> str:
        h = hashlib.sha256((self._meta("pipeline") or "").encode())
        for doc_id, content in self.db.execute(
            "SELECT document_id, fingerprint FROM documents ORDER BY document_id"
        ):
            h.update(f"{doc_id}\0{content}\n".encode())
        version = h.hexdigest()[:16]
        self._set_meta("corpus_version", version)
        passages = self.db.execute("SELECT coalesce(sum(passage_count), 0) FROM documents")
        self._set_meta("passages", str(passages.fetchone()[0]))
        return version

    # Reading -----------------------------------------------------------------------------

    @property
    def corpus_version(self) -> str | None:
        """Return the version of the indexed corpus (changes with any document)."""
        return self._meta("corpus_version")

    @property
    def pipeline_digest(self) -> str | None:
        """Return the digest of the pipeline the index was built with."""
        return self._meta("pipeline")

    def passage_count(self) -> int:
        """Return the number of indexed passages (kept in `meta` by every write)."""
        stored = self._meta("passages")
        if stored is not None:
            return int(stored)
        return self.db.execute("SELECT count(*) FROM passages").fetchone()[0]

    def search(
        self,
        terms: Iterable[str],
        limit: int,
        frequencies: dict[str, int] | None = None,
        filters: Filters | None = None,
    ) -> list[Candidate]:
        """Return up to `limit` passages matching any of the terms, best BM25 first, drawn
        only from documents that pass the filters.

        `frequencies` are the terms' document frequencies, if the caller has them already.
        """
        terms = list(terms)
        if frequencies is None:
            frequencies = self.document_frequencies(terms)
        query = fts_query(within_budget({t: frequencies[t] for t in terms if t in frequencies}))
        if not query:
            return []
        where, params = filter_clause(filters)
        rows = self.db.execute(
            f"SELECT {PASSAGE_COLUMNS}, -f.rank FROM passage_fts f"
            " JOIN passages p ON p.id = f.rowid JOIN documents d ON d.document_id = p.document_id"
            f" WHERE passage_fts MATCH ?{where} ORDER BY f.rank LIMIT ?",
            (query, *params, limit),
        ).fetchall()
        return [Candidate(_passage(r), r[-1]) for r in rows]

    def contexts(self, passage_ids: Sequence[str]) -> dict[str, str]:
        """Return, per passage, the terms of the text a reader reads it with: the headline and
        lead (the first sentences), the sentences just before it and the one after it.

        A sentence such as "Es gab mehr als 100 Tote" says where and when only through them.
        """
        if not passage_ids:
            return {}
        marks = ", ".join("?" * len(passage_ids))
        rows = self.db.execute(
            "SELECT p.passage_id,"
            " (SELECT group_concat(c.terms, ' ') FROM passages c"
            "  WHERE c.document_id = p.document_id AND c.sentence_index != p.sentence_index"
            f"  AND (c.sentence_index < {LEAD_SENTENCES}"
            f"  OR c.sentence_index BETWEEN p.sentence_index - {SENTENCES_BEFORE}"
            f"  AND p.sentence_index + {SENTENCES_AFTER}))"
            f" FROM passages p WHERE p.passage_id IN ({marks})",
            list(passage_ids),
        )
        return {pid: terms or "" for pid, terms in rows}

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        """Return how many passages contain each term (terms never seen are left out)."""
        unique = list(dict.fromkeys(terms))
        if not unique:
            return {}
        marks = ", ".join("?" * len(unique))
        rows = self.db.execute(
            f"SELECT term, doc FROM passage_vocab WHERE term IN ({marks})", unique
        )
        return dict(rows.fetchall())

    DOCUMENT_KEYS = (
        "document_id",
        "publisher",
        "title",
        "url",
        "published",
        "language",
        "passage_count",
    )

    def documents(
        self, limit: int | None = None, after: str = "", filters: Filters | None = None
    ) -> list[dict]:
        """Return the metadata of documents (with passage counts and tags) in id order: up to
        `limit` of them after the id `after` that pass the filters."""
        where, params = filter_clause(filters)
        rows = self.db.execute(
            f"SELECT {', '.join('d.' + k for k in self.DOCUMENT_KEYS)}, d.fingerprint"
            f" FROM documents d WHERE d.document_id > ?{where} ORDER BY d.document_id LIMIT ?",
            (after, *params, -1 if limit is None else limit),
        )
        return [{**dict(zip(self.DOCUMENT_KEYS, r, strict=False)), "etag": r[-1]} for r in rows]

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Read everything inside from one state of the index: a write committed meanwhile
        is seen wholly or not at all (a read transaction; nested ones join the outer)."""
        if self.db.in_transaction:
            yield
            return
        self.db.execute("BEGIN")
        try:
            yield
        finally:
            self.db.execute("COMMIT")

    def document(self, document_id: str) -> tuple[dict, str, list[Passage]] | None:
        """Return a document's metadata, cleaned text and passages, or None."""
        with self.snapshot():
            row = self.db.execute(
                f"SELECT {', '.join(self.DOCUMENT_KEYS)}, fingerprint, clean_text FROM documents"
                " WHERE document_id = ?",
                (document_id,),
            ).fetchone()
            if row is None:
                return None
            rows = self.db.execute(
                f"SELECT {PASSAGE_COLUMNS} FROM passages p JOIN documents d ON d.document_id ="
                " p.document_id WHERE p.document_id = ? ORDER BY p.sentence_index",
                (document_id,),
            ).fetchall()
        info = {**dict(zip(self.DOCUMENT_KEYS, row, strict=False)), "etag": row[-2]}
        return info, row[-1], [_passage(r) for r in rows]
