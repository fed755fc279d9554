"""The document store: the durable record of every document, behind one interface.

The store is the source of truth; the sentence index is derived from it and can always be
rebuilt. A backend keeps a revision counter that grows with every change, so an index (in any
process) can ask for the changes since the revision it last applied.
"""

from service.store.base import (
    DIRECTORY,
    WRITTEN,
    DocumentStore,
    PreconditionFailedError,
    StoreDamagedError,
    StoredDocument,
    WriteResult,
    derive_document_id,
    make_document,
)
from service.store.sqlite import SqliteDocumentStore

__all__ = [
    "DIRECTORY",
    "WRITTEN",
    "DocumentStore",
    "PreconditionFailedError",
    "SqliteDocumentStore",
    "StoreDamagedError",
    "StoredDocument",
    "WriteResult",
    "derive_document_id",
    "make_document",
]
