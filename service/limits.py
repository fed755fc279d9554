"""Rate limits per API key, or per client address for anonymous calls.

Counters live in a small SQLite file beside the index, so every gunicorn worker counts
against the same limit. Fixed windows: simple, and the answer can say exactly when to retry.
The counters are not worth an fsync, so the file is written without one.
"""

from __future__ import annotations

import math
import re
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from service.connections import Connections

UNITS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
RATE = re.compile(r"\s*(\d+)\s*/\s*(second|minute|hour|day)\s*")


@dataclass(frozen=True, slots=True)
class Rate:
    """So many calls per window of so many seconds."""

    count: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> Rate | None:
        """Read "120/minute" (also second, hour, day); "0" or "" means no limit."""
        if text.strip() in ("", "0"):
            return None
        match = RATE.fullmatch(text)
        if match is None:
            raise ValueError(f"a rate looks like 120/minute, not {text!r}")
        count = int(match.group(1))
        return cls(count, UNITS[match.group(2)]) if count else None

    def __str__(self) -> str:
        unit = next(name for name, seconds in UNITS.items() if seconds == self.seconds)
        return f"{self.count}/{unit}"


class RateLimiter:
    """Counts calls per bucket in the current window."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._connections = Connections(self.path, 10, "journal_mode=WAL", "synchronous=OFF")
        self._db.executescript(
            "CREATE TABLE IF NOT EXISTS hits"
            " (bucket TEXT PRIMARY KEY, window INTEGER NOT NULL, count INTEGER NOT NULL)"
        )

    @property
    def _db(self) -> sqlite3.Connection:
        return self._connections.get()

    def hit(self, bucket: str, rate: Rate, now: float | None = None) -> float | None:
        """Count one call; return the seconds to wait when it is over the limit, else None."""
        now = time.time() if now is None else now
        window = int(now // rate.seconds)
        (count,) = self._db.execute(
            "INSERT INTO hits VALUES (?, ?, 1) ON CONFLICT(bucket) DO UPDATE SET"
            " count = CASE WHEN window = excluded.window THEN count + 1 ELSE 1 END,"
            " window = excluded.window RETURNING count",
            (bucket, window),
        ).fetchone()
        if count <= rate.count:
            return None
        return (window + 1) * rate.seconds - now


def retry_after(seconds: float) -> str:
    """Return a Retry-After value: whole seconds, at least one."""
    return str(max(1, math.ceil(seconds)))
