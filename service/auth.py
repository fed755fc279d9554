"""API keys: stored hashed in a file, checked in constant time, each with a scope.

A key is shown once, when it is made; the file holds only its SHA-256 (a key is 32 random
bytes, so a slow hash adds nothing). The file is read again when it changes, so keys added
with `python -m service keys add` work without a restart.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import secrets
import tempfile
import threading
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

READ, WRITE = "read", "write"
SCOPES = (READ, WRITE)
KEY_PREFIX = "cc_"
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ApiKey:
    name: str
    digest: str  # hex SHA-256 of the key
    scope: str  # read | write (write includes read)
    created: str

    def allows(self, scope: str) -> bool:
        return self.scope == WRITE or scope == READ


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class KeyRing:
    """The keys of one key file."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._seen: tuple[int, int] | None = None
        self._keys: list[ApiKey] = []

    def keys(self) -> list[ApiKey]:
        """Return the keys, reading the file again if it changed."""
        try:
            stat = self.path.stat()
            seen = (stat.st_mtime_ns, stat.st_size)
        except FileNotFoundError:
            seen = None
        with self._lock:
            if seen != self._seen:
                self._keys = self._read() if seen else []
                self._seen = seen
            return self._keys

    def _read(self) -> list[ApiKey]:
        try:
            entries = json.loads(self.path.read_text(encoding="utf-8"))
            return [ApiKey(**entry) for entry in entries]
        except (OSError, ValueError, TypeError) as error:
            # No key is accepted until the file is mended: refusing is the safe way to fail.
            log.error("the key file %s cannot be read (%s); no key is accepted", self.path, error)
            return []

    def find(self, presented: str) -> ApiKey | None:
        """Return the key a client presented, comparing every stored digest in constant
        time (so the answer's timing says nothing about how close a guess was)."""
        digest = _digest(presented)
        found = None
        for key in self.keys():
            if hmac.compare_digest(key.digest, digest):
                found = key
        return found

    def add(self, name: str, scope: str = WRITE, secret: str | None = None) -> str:
        """Store a key under a name: a new one, or `secret` (a key made elsewhere, e.g. kept in
        a secret store); return the key itself (shown only now)."""
        if scope not in SCOPES:
            raise ValueError(f"scope must be one of {', '.join(SCOPES)}")
        keys = self.keys()
        if any(k.name == name for k in keys):
            raise ValueError(f"a key named {name!r} exists; remove it first")
        secret = secret or KEY_PREFIX + secrets.token_urlsafe(32)
        created = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        self._save([*keys, ApiKey(name, _digest(secret), scope, created)])
        return secret

    def remove(self, name: str) -> bool:
        keys = self.keys()
        kept = [k for k in keys if k.name != name]
        if len(kept) == len(keys):
            return False
        self._save(kept)
        return True

    def _save(self, keys: list[ApiKey]) -> None:
        """Write the file atomically, readable by its owner only."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".keys-")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump([asdict(k) for k in keys], fh, indent=2)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temporary, self.path)
        with self._lock:
            self._seen = None
