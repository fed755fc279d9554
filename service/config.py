"""Settings: the only module that reads the environment (prefix CLAIMS_)."""

from __future__ import annotations

import os
from pathlib import Path

PREFIX = "CLAIMS_"


def _env(name: str, default: str) -> str:
    return os.environ.get(PREFIX + name, default)


class SettingError(ValueError):
    """A setting that cannot be used; the message names it."""


class Config:
    """Defaults suit `make run` from the repository root; every value can be overridden."""

    DATA_DIR = Path(_env("DATA_DIR", "var"))
    CORPUS_DIR = Path(_env("CORPUS_DIR", "seeds"))
    DICTIONARY_PATH = Path(_env("DICTIONARY_PATH", "var/dict/de-en"))
    # The folder of the German and English thesauri (`make thesaurus`); without them the
    # service runs, with the dictionary's synonyms only.
    THESAURUS_DIR = Path(_env("THESAURUS_DIR", "var/thesaurus"))
    HOST = _env("HOST", "127.0.0.1")
    PORT = int(_env("PORT", "8000"))
    WORKERS = int(_env("WORKERS", "2"))
    MAX_BODY_BYTES = int(_env("MAX_BODY_BYTES", str(256 * 1024)))
    MIN_SCORE = float(_env("MIN_SCORE", "35"))
    TOP_K = int(_env("TOP_K", "5"))
    CANDIDATES = int(_env("CANDIDATES", "60"))
    LOG_LEVEL = _env("LOG_LEVEL", "info")
    # API keys (hashed); empty: keys.json in the data directory.
    KEYS_FILE = _env("KEYS_FILE", "")
    REQUIRE_KEY_FOR_READS = _env("REQUIRE_KEY_FOR_READS", "false").lower() in ("1", "true", "yes")
    # Calls per key, or per client address without one; "0" turns a limit off.
    RATE_LIMIT_READS = _env("RATE_LIMIT_READS", "600/minute")
    RATE_LIMIT_WRITES = _env("RATE_LIMIT_WRITES", "120/minute")
    # Origins that browsers may read answers from: "*", or a comma-separated list.
    CORS_ORIGINS = _env("CORS_ORIGINS", "*")
