"""The command line: serve, ingest, verify, reindex, export, import and keys.

Every command works on the data directory of the settings (CLAIMS_DATA_DIR ...), in process;
a running server sees what a command wrote at its next request.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from service.auth import READ, WRITE, KeyRing
from service.collection import Collection
from service.config import Config, SettingError
from service.corpus import load_corpus, read_document
from service.engine import (
    build_pipeline,
    keys_path,
    open_collection,
    open_dictionary,
    verifier_for,
)
from service.models import Document
from service.ndjson import LineProblem, dump_line, read_lines
from service.store import StoreDamagedError

# Documents per write transaction when ingesting.
INGEST_BATCH = 100
NDJSON_SUFFIXES = (".ndjson", ".jsonl")


def _settings() -> dict[str, Any]:
    return {k: getattr(Config, k) for k in dir(Config) if k.isupper()}


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


def _progress(total: int | None, unit: str, desc: str) -> tqdm:
    """A progress bar with rate and time left on a terminal; quiet elsewhere."""
    return tqdm(total=total, unit=unit, desc=desc, disable=None, file=sys.stderr)


def _open(config: dict[str, Any]) -> tuple[Collection, Any, Any]:
    """Open the dictionary, pipeline and collection, or stop with one line on damage."""
    dictionary = open_dictionary(config)
    pipeline = build_pipeline(dictionary)
    try:
        with _progress(None, "doc", "indexing") as bar:
            collection = open_collection(config, pipeline, progress=bar.update)
    except StoreDamagedError as damaged:
        _fail(str(damaged))
    return collection, pipeline, dictionary


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Log what happens (INFO).")
def main(verbose: bool) -> None:
    """claimcheck: verify claims against an indexed news corpus."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


@main.command()
@click.option("--host", default=Config.HOST, show_default=True)
@click.option("--port", default=Config.PORT, show_default=True, type=int)
@click.option("--workers", default=Config.WORKERS, show_default=True, type=int)
@click.option("--threads", default=1, show_default=True, type=int, help="Threads per worker.")
def serve(host: str, port: int, workers: int, threads: int) -> None:
    """Serve the HTTP API with gunicorn (the store, index and dictionary are made ready
    first, once, before the workers start)."""
    from gunicorn.app.base import BaseApplication

    from service import create_app

    logging.getLogger().setLevel(Config.LOG_LEVEL.upper())
    click.echo(f"preparing the corpus in {Config.DATA_DIR} ...", err=True)
    try:
        app = create_app()
    except (StoreDamagedError, SettingError) as error:
        _fail(str(error))

    class Server(BaseApplication):
        def load_config(self) -> None:
            from service import gunicorn_conf

            for key, value in vars(gunicorn_conf).items():
                if key in self.cfg.settings and key != "preload_app":
                    self.cfg.set(key, value)
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("threads", threads)

        def load(self):
            return app

    Server().run()


def _documents_in(paths: Iterable[Path]) -> Iterator[tuple[str, int, Document | LineProblem]]:
    """Yield (file, line, document or problem) from text files, folders and NDJSON files."""
    for path in paths:
        if path.is_dir():
            for doc in load_corpus(path):
                yield str(path / f"{doc.document_id}.txt"), 0, doc
            for nested in sorted(path.glob("*")):
                if nested.suffix in NDJSON_SUFFIXES:
                    yield from _documents_in([nested])
        elif path.suffix in NDJSON_SUFFIXES:
            with path.open("rb") as fh:
                for number, item in read_lines(fh):
                    yield str(path), number, item
        else:
            yield str(path), 0, read_document(path)


def _count(paths: Iterable[Path]) -> int:
    total = 0
    for path in paths:
        if path.is_dir():
            total += len(list(path.glob("*.txt"))) + _count(
                p for p in path.glob("*") if p.suffix in NDJSON_SUFFIXES
            )
        elif path.suffix in NDJSON_SUFFIXES:
            with path.open("rb") as fh:
                total += sum(1 for line in fh if line.strip())
        else:
            total += 1
    return total


def _ingest(paths: list[Path]) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        _fail(f"no such file or folder: {', '.join(missing)}")
    collection, _, _ = _open(_settings())
    counts = dict.fromkeys(("created", "updated", "unchanged", "failed"), 0)
    batch: list[Document] = []

    def flush() -> None:
        for result in collection.write_many(batch):
            counts[result.result] += 1
        bar.update(len(batch))
        batch.clear()

    with _progress(_count(paths), "doc", "ingesting") as bar:
        for source, line, item in _documents_in(paths):
            if isinstance(item, LineProblem):
                counts["failed"] += 1
                bar.update(1)
                where = f"{source}:{line}" if line else source
                detail = f"{item.detail} {json.dumps(item.errors)}" if item.errors else item.detail
                tqdm.write(f"{where}: {detail}", file=sys.stderr)
                continue
            batch.append(item)
            if len(batch) >= INGEST_BATCH:
                flush()
        if batch:
            flush()
    click.echo(
        ", ".join(f"{n} {k}" for k, n in counts.items())
        + f"; corpus version {collection.index.corpus_version}"
    )
    if counts["failed"]:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def ingest(paths: tuple[Path, ...]) -> None:
    """Add or update documents from text files, folders (*.txt with metadata.json) and NDJSON
    files (one document object a line). They are kept as written documents: the corpus
    directory sync never removes them."""
    _ingest(list(paths))


@main.command(name="import")
@click.argument("backup", type=click.Path(path_type=Path))
def import_(backup: Path) -> None:
    """Restore written documents from an NDJSON backup made by `export`."""
    _ingest([backup])


@main.command()
@click.argument("output", type=click.File("w", encoding="utf-8"), default="-")
def export(output) -> None:
    """Write every document written over the API or with `ingest` as NDJSON (to OUTPUT, or
    to standard output)."""
    collection, _, _ = _open(_settings())
    written = 0
    for doc in collection.export():
        output.write(dump_line(doc))
        written += 1
    click.echo(f"{written} documents exported", err=True)


@main.command()
def reindex() -> None:
    """Read the corpus directory again and rebuild the whole index from the store."""
    config = _settings()
    collection, _, _ = _open(config)
    collection.index.forget()
    with _progress(collection.store.count(), "doc", "reindexing") as bar:
        collection.catch_up(progress=bar.update)
    click.echo(
        f"{collection.index.passage_count()} passages; corpus version"
        f" {collection.index.corpus_version}"
    )


@main.command()
@click.argument("claim")
@click.option("--top-k", default=5, show_default=True, type=click.IntRange(1, 50))
@click.option("--language", default="auto", type=click.Choice(["auto", "de", "en"]))
@click.option("--json", "as_json", is_flag=True, help="Print the answer the API would give.")
def verify(claim: str, top_k: int, language: str, as_json: bool) -> None:
    """Verify one claim against the corpus."""
    from service.schemas import VerdictSchema

    config = _settings()
    collection, pipeline, dictionary = _open(config)
    verifier = verifier_for(collection.index, pipeline, dictionary, config)
    answer = verifier.verify(claim, top_k, config["MIN_SCORE"], language)
    if as_json:
        click.echo(json.dumps(VerdictSchema().dump(answer), ensure_ascii=False, indent=2))
        return
    click.echo(f"{answer.verdict}  (confidence {answer.confidence:.2f})  {claim}")
    for title, side in (
        ("supporting", answer.supporting),
        ("contradicting", answer.contradicting),
        ("related", answer.related),
    ):
        if not side:
            continue
        click.echo(f"\n{title}:")
        for e in side:
            source = e.passage.source
            click.echo(f"  {e.score:5.1f}  {source.publisher or source.document_id}")
            click.echo(f"         {e.passage.text}")
            click.echo(f"         {'; '.join(e.reasons)}")


@main.group()
def keys() -> None:
    """Manage API keys (stored hashed in the key file)."""


def _keyring() -> KeyRing:
    return KeyRing(keys_path(_settings()))


@keys.command(name="add")
@click.argument("name")
@click.option("--read-only", is_flag=True, help="A key that may read but not write.")
def keys_add(name: str, read_only: bool) -> None:
    """Make a key; it is printed once and cannot be shown again."""
    try:
        secret = _keyring().add(name, READ if read_only else WRITE)
    except ValueError as error:
        _fail(str(error))
    click.echo(secret)


@keys.command(name="list")
def keys_list() -> None:
    """List the keys by name (the keys themselves are not stored)."""
    for key in _keyring().keys():
        click.echo(f"{key.name}\t{key.scope}\t{key.created}")


@keys.command(name="remove")
@click.argument("name")
def keys_remove(name: str) -> None:
    """Remove a key; clients using it are refused from then on."""
    if not _keyring().remove(name):
        _fail(f"no key named {name!r}")
    click.echo(f"removed {name}")
