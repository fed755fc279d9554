"""The persistent passage index and candidate retrieval."""

from service.index.store import Candidate, Context, SentenceIndex, SyncReport

__all__ = ["Candidate", "Context", "SentenceIndex", "SyncReport"]
