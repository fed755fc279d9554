"""The persistent passage index and candidate retrieval."""

from service.index.store import Candidate, SentenceIndex, SyncReport

__all__ = ["Candidate", "SentenceIndex", "SyncReport"]
