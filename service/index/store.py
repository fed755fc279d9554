"""SQLite store of documents and passages with an FTS5 (BM25) index over their terms.

One file holds everything, so a change to the corpus is one transaction and every gunicorn
worker reads a consistent snapshot (WAL mode lets readers go on while a writer commits).
Documents are added, replaced and removed one at a time; nothing forces a full rebuild
except a change to the analysis pipeline itself (its digest is stored in `meta`).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from service.corpus.passages import Pipeline
from service.models import Document, Passage, Source

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


def fingerprint(doc: Document) -> str:
    """Return a hash of a document's text and metadata: any change means reindexing it."""
    meta = [doc.publisher, doc.title, doc.url, doc.published, doc.language, doc.content_hash]
    return hashlib.sha256(json.dumps(meta).encode()).hexdigest()


# BM25 over an OR query costs time in proportion to the postings it walks (about 1 ms per
# thousand here). Past this many, the most frequent terms are left out of the candidate
# query; they still count in the fuzzy re-ranking and the stance, which see every claim term.
POSTING_BUDGET = 20_000


def fts_query(terms: Iterable[str]) -> str:
    """Return an FTS5 MATCH expression that ORs the given terms, each quoted."""
    return " OR ".join('"' + t.replace('"', "") + '"' for t in dict.fromkeys(terms) if t)


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
        self._local = threading.local()
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            _migrate(db)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA busy_timeout=60000")
        return db

    @property
    def db(self) -> sqlite3.Connection:
        """Return this thread's connection (sqlite3 connections are not shared across threads)."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._connect()
        return conn

    def close(self) -> None:
        """Close this thread's connection."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    # Writing -----------------------------------------------------------------------------

    def sync(self, documents: Sequence[Document], pipeline: Pipeline) -> SyncReport:
        """Make the index hold exactly these documents; only changed ones are reprocessed."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")  # one writer at a time; others wait, then see the result
        try:
            rebuilt = self._meta("pipeline") != pipeline.digest
            if rebuilt:
                db.execute("DELETE FROM documents")
            stored = dict(db.execute("SELECT document_id, fingerprint FROM documents"))
            wanted = {d.document_id: d for d in documents}
            removed = [i for i in stored if i not in wanted or stored[i] != fingerprint(wanted[i])]
            for doc_id in removed:
                self._delete(doc_id)
            added = [
                d for d in documents if d.document_id not in stored or d.document_id in removed
            ]
            for doc in added:
                self._insert(doc, pipeline)
            self._set_meta("pipeline", pipeline.digest)
            version = self._refresh_version()
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        gone = len([i for i in removed if i not in wanted])
        return SyncReport(len(added), gone, len(documents) - len(added), rebuilt, version)

    def add_documents(self, documents: Iterable[Document], pipeline: Pipeline) -> str:
        """Add or replace documents in one transaction; return the new corpus version."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            self._set_meta("pipeline", pipeline.digest)
            for doc in documents:
                self._delete(doc.document_id)
                self._insert(doc, pipeline)
            version = self._refresh_version()
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return version

    def remove_document(self, document_id: str) -> bool:
        """Remove one document and its passages; return whether it existed."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            existed = self._delete(document_id)
            self._refresh_version()
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return existed

    def _insert(self, doc: Document, pipeline: Pipeline) -> None:
        clean, language, passages = pipeline.passages(doc)
        self.db.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.document_id,
                doc.publisher,
                doc.title,
                doc.url,
                doc.published,
                language,
                fingerprint(doc),
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
        self, terms: Iterable[str], limit: int, frequencies: dict[str, int] | None = None
    ) -> list[Candidate]:
        """Return up to `limit` passages matching any of the terms, best BM25 first.

        `frequencies` are the terms' document frequencies, if the caller has them already.
        """
        terms = list(terms)
        if frequencies is None:
            frequencies = self.document_frequencies(terms)
        query = fts_query(within_budget({t: frequencies[t] for t in terms if t in frequencies}))
        if not query:
            return []
        rows = self.db.execute(
            f"SELECT {PASSAGE_COLUMNS}, -f.rank FROM passage_fts f"
            " JOIN passages p ON p.id = f.rowid JOIN documents d ON d.document_id = p.document_id"
            " WHERE passage_fts MATCH ? ORDER BY f.rank LIMIT ?",
            (query, limit),
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
        out = {}
        for term in unique:
            row = self.db.execute(
                "SELECT doc FROM passage_vocab WHERE term = ?", (term,)
            ).fetchone()
            if row:
                out[term] = row[0]
        return out

    DOCUMENT_KEYS = (
        "document_id",
        "publisher",
        "title",
        "url",
        "published",
        "language",
        "passage_count",
    )

    def documents(self) -> list[dict]:
        """Return the metadata of every document with its passage count."""
        rows = self.db.execute(
            f"SELECT {', '.join(self.DOCUMENT_KEYS)} FROM documents ORDER BY document_id"
        )
        return [dict(zip(self.DOCUMENT_KEYS, r, strict=True)) for r in rows]

    def document(self, document_id: str) -> tuple[dict, str, list[Passage]] | None:
        """Return a document's metadata, cleaned text and passages, or None."""
        row = self.db.execute(
            f"SELECT {', '.join(self.DOCUMENT_KEYS)}, clean_text FROM documents"
            " WHERE document_id = ?",
            (document_id,),
        ).fetchone()
        if row is None:
            return None
        rows = self.db.execute(
            f"SELECT {PASSAGE_COLUMNS} FROM passages p JOIN documents d"
            " ON d.document_id = p.document_id WHERE p.document_id = ? ORDER BY p.sentence_index",
            (document_id,),
        )
        info = dict(zip(self.DOCUMENT_KEYS, row[:-1], strict=True))
        return info, row[-1], [_passage(r) for r in rows]
