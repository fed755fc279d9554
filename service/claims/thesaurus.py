"""Synonyms of a claim's words in their own language, from thesaurus files.

The files are in the "mythes" format of LibreOffice's thesauri (OpenThesaurus for German,
WordNet's synonym sets for English): a line `word|n`, then n lines of one sense each,
`(pos)|synonym|synonym|...`, a member's marks in brackets. A source of the claim's language
that says "errichten" for "bauen" then meets the claim's word, at a synonym's discount.
Which files, which marks leave a member out and how large a set may be are in
`thesaurus.toml`.
"""

from __future__ import annotations

import logging
import marshal
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from service.lexicon import data_path, files_digest, load_toml

log = logging.getLogger(__name__)

_MARK = re.compile(r"\(([^()]*)\)")
# The read thesauri are kept in the data directory: reading the files takes seconds.
CACHE_NAME = "thesaurus.marshal"
CACHE_FORMAT = "1"  # bump when reading the files changes
Table = dict[str, dict[tuple[str, bool], tuple[str, ...]]]
# A word's index term, or None for a word that has none (a stop word).
Stem = Callable[[str, str], "str | None"]


def _senses(lines: Iterator[str]) -> Iterator[tuple[str, list[str]]]:
    """Yield (headword, members) for each sense of a mythes file's lines."""
    head = ""
    for line in lines:
        line = line.rstrip("\n")
        if not line:
            continue
        if line.startswith(("-|", "(")):
            if head:
                yield head, line.split("|")[1:]
        else:
            head = line.partition("|")[0]


def _member(raw: str, skip: re.Pattern[str]) -> str | None:
    """Return a set member as a plain word: None where a mark leaves it out ("(ugs.)",
    "(Oberbegriff)") or it is more than one word."""
    if "(" in raw:
        if any(skip.search(mark) for mark in _MARK.findall(raw)):
            return None
        raw = _MARK.sub("", raw)
    word = raw.strip()
    return word if word.isalpha() else None


class Thesaurus:
    """Synonyms by index term, per language; a German noun's apart from other words."""

    def __init__(self, table: Table | None = None):
        self.table = table or {}

    @property
    def available(self) -> bool:
        return bool(self.table)

    @classmethod
    def open(cls, folder: Path, cache_dir: Path, stem: Stem, words: str) -> Thesaurus:
        """Return the thesauri found in a folder (none where a file is missing), read with
        `stem` (of the word data whose digest is `words`) or kept from an earlier reading."""
        settings = load_toml(data_path("thesaurus.toml"))
        paths = {
            language: Path(folder) / name
            for language, name in settings["files"].items()
            if (Path(folder) / name).is_file()
        }
        if not paths:
            return cls()
        signature = ":".join(
            [CACHE_FORMAT, words, files_digest([data_path("thesaurus.toml")])]
            + [f"{lang}={p.stat().st_size}/{p.stat().st_mtime_ns}" for lang, p in paths.items()]
        )
        cache = Path(cache_dir) / CACHE_NAME
        table = _kept(cache, signature)
        if table is None:
            log.info("reading the thesauri in %s (once: kept in %s)", folder, cache)
            skip = re.compile("|".join(re.escape(m) for m in settings["skip_marks"]))
            stem = _once(stem)
            table = {}
            for language, path in paths.items():
                with path.open(encoding="utf-8", errors="replace") as lines:
                    encoding = next(lines, "").strip().upper()
                    if encoding not in ("UTF-8", "UTF8"):
                        log.warning("thesaurus %s is in %s, not UTF-8: left out", path, encoding)
                        continue
                    table[language] = cls._parse(
                        lines, language, stem, skip, int(settings["max_set"])
                    )
            _keep(cache, signature, table)
        log.info("thesauri: %s", ", ".join(f"{k} {len(v)} words" for k, v in table.items()))
        return cls(table)

    @staticmethod
    def _parse(
        lines: Iterable[str], language: str, stem: Stem, skip: re.Pattern[str], largest: int
    ) -> dict[tuple[str, bool], tuple[str, ...]]:
        out: dict[tuple[str, bool], list[str]] = {}
        for head, raw in _senses(iter(lines)):
            members = [m for m in (_member(r, skip) for r in raw) if m is not None]
            if len(members) > largest:
                continue  # a large set gathers loosely related words
            # The headword is written in lower case; its member says how ("bremen": "Bremen").
            own = next((m for m in members if m.lower() == head.lower()), head)
            key = stem(own.lower(), language)
            if key is None:
                continue
            noun = language == "de" and own[:1].isupper()
            terms = out.setdefault((key, noun), [])
            for m in members:
                term = stem(m.lower(), language)
                if term is not None and term != key:
                    terms.append(term)
        return {k: tuple(dict.fromkeys(v)) for k, v in out.items() if v}

    def synonyms(self, terms: Iterable[str], language: str, noun: bool | None) -> list[str]:
        """Return the synonyms of a word's terms; `noun`: whether a German word is a noun
        (None where its case does not tell, at the start of a sentence)."""
        table = self.table.get(language)
        if not table:
            return []
        if language != "de":
            kinds: tuple[bool, ...] = (False,)
        else:
            kinds = (True, False) if noun is None else (noun,)
        return [s for t in terms for k in kinds for s in table.get((t, k), ())]


def _once(stem: Stem) -> Stem:
    """Return `stem` reading each word once, and giving each term as one string however
    many sets hold it: the lists name most words many times."""
    read: dict[tuple[str, str], str | None] = {}
    terms: dict[str, str] = {}

    def once(word: str, language: str) -> str | None:
        if (word, language) not in read:
            term = stem(word, language)
            read[word, language] = None if term is None else terms.setdefault(term, term)
        return read[word, language]

    return once


def _kept(cache: Path, signature: str) -> Table | None:
    """Return the table kept in the cache file for this signature, if any."""
    try:
        with cache.open("rb") as fh:
            kept, table = marshal.load(fh)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return table if kept == signature else None


def _keep(cache: Path, signature: str, table: Table) -> None:
    """Write the table to the cache file (whole or not at all); a data directory that cannot
    be written to only costs the next start the reading."""
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache.parent, prefix=cache.name)
        with os.fdopen(fd, "wb") as fh:
            marshal.dump((signature, table), fh)
        os.replace(tmp, cache)
    except OSError as error:
        log.warning("could not keep the thesauri in %s: %s", cache, error)
