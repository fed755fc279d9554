"""SQLite connections, one per thread and process.

A connection must not be shared between threads, nor used in a process it was inherited by
through fork (gunicorn's workers fork from a master that has opened the files).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path


class Connections:
    """Hands each thread of each process a connection of its own to one file, opened on first
    use in autocommit mode (transactions are explicit) with the given PRAGMA settings."""

    def __init__(self, path: Path, timeout: float, *pragmas: str):
        self.path = path
        self.timeout = timeout
        self.pragmas = ("busy_timeout=" + str(int(timeout * 1000)), *pragmas)
        self._local = threading.local()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
        for pragma in self.pragmas:
            db.execute(f"PRAGMA {pragma}")
        return db

    def get(self) -> sqlite3.Connection:
        entry = getattr(self._local, "entry", None)
        if entry is None or entry[0] != os.getpid():
            entry = self._local.entry = (os.getpid(), self._connect())
        return entry[1]

    def close(self) -> None:
        """Close this thread's connection (one inherited through fork is only dropped)."""
        entry = getattr(self._local, "entry", None)
        if entry is not None and entry[0] == os.getpid():
            entry[1].close()
        self._local.entry = None
