"""Evaluation corpora: a manifest per corpus (`corpora/*.toml`) and its claim sets.

A corpus is written out as a user would load one, a folder of `.txt` files with a
`metadata.json` beside them, and indexed through the service's own corpus loader. Articles
are read from where their data set lies (`../shared/data`, or `var/eval` for data that
`make eval-data` takes out of a package); none is copied into the repository.
"""

from __future__ import annotations

import csv
import gzip
import json
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MANIFESTS = Path(__file__).with_name("corpora")


@dataclass(frozen=True)
class Article:
    """One article as it goes into the corpus folder."""

    document_id: str
    text: str
    publisher: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class EvalCorpus:
    """A corpus of the evaluation: where its articles come from and which claim sets ask it."""

    name: str
    title: str
    loader: str
    source: Path
    language: str
    claim_files: tuple[Path, ...]
    ids: tuple[int, ...] = ()
    publisher: str | None = None

    @classmethod
    def load(cls, path: Path) -> EvalCorpus:
        """Return the corpus a manifest describes."""
        data = tomllib.loads(path.read_text("utf-8"))
        return cls(
            name=data["name"],
            title=data["title"],
            loader=data["loader"],
            source=ROOT / data["source"],
            language=data["language"],
            claim_files=tuple(path.with_name(f) for f in data["claims"]),
            ids=tuple(data.get("ids", ())),
            publisher=data.get("publisher"),
        )

    @property
    def available(self) -> bool:
        """Return whether the data set the articles come from is on this machine."""
        return self.source.exists()

    def articles(self) -> list[Article]:
        """Return the corpus articles, read from their data set."""
        read = {"directory": self._directory, "gnad": self._gnad, "fang": self._fang}
        read["lee"] = self._lines
        return list(read[self.loader]())

    def write(self, folder: Path) -> Path:
        """Write the articles as a corpus folder (text files and metadata.json); return it."""
        folder.mkdir(parents=True, exist_ok=True)
        metadata = []
        for a in self.articles():
            (folder / f"{a.document_id}.txt").write_text(a.text, "utf-8")
            metadata.append(
                {
                    "document_id": a.document_id,
                    "publisher": a.publisher,
                    "title": a.title,
                    "url": a.url,
                    "published": a.published,
                    "language": self.language,
                }
            )
        (folder / "metadata.json").write_text(json.dumps(metadata, ensure_ascii=False), "utf-8")
        return folder

    def claims(self) -> list[dict]:
        """Return the claims of every claim set of this corpus, each tagged with its set."""
        out = []
        for path in self.claim_files:
            for line in path.read_text("utf-8").splitlines():
                if line.strip():
                    out.append({**json.loads(line), "set": path.stem})
        return out

    def _directory(self) -> Iterator[Article]:
        from service.corpus import load_corpus

        for doc in load_corpus(self.source):
            yield Article(doc.document_id, doc.raw_text, doc.publisher, doc.title, doc.url)

    def _gnad(self) -> Iterator[Article]:
        with self.source.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh, delimiter=";", quotechar="'"))
        for i in self.ids:
            yield Article(f"gnad-{i}", rows[i][1] + "\n", self.publisher)

    def _fang(self) -> Iterator[Article]:
        wanted = set(self.ids)
        found = {}
        with gzip.open(self.source, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec["id"] in wanted:
                    found[rec["id"]] = rec
        for i in self.ids:
            rec = found[i]
            text = f"{rec['header'].strip()}\n\n{rec['article'].strip()}\n"
            yield Article(
                f"fang-{i}", text, rec["source"], rec["header"].strip(), rec["url"], rec["date"]
            )

    def _lines(self) -> Iterator[Article]:
        lines = self.source.read_text("utf-8").splitlines()
        for i in self.ids:
            yield Article(f"{self.name}-{i}", lines[i].strip() + "\n", self.publisher)


def corpora() -> list[EvalCorpus]:
    """Return every evaluation corpus, the shipped one first."""
    found = [EvalCorpus.load(p) for p in sorted(MANIFESTS.glob("*.toml"))]
    return sorted(found, key=lambda c: (c.name != "seeds", c.name))
