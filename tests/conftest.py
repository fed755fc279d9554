"""Shared fixtures: the app on the shipped corpus, its test client, and a live gunicorn."""

from __future__ import annotations

import os
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from service import create_app
from service.claims.dictionary import Dictionary
from service.engine import build_pipeline, open_thesaurus

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
DICTIONARY = ROOT / "var" / "dict" / "de-en"
THESAURUS = ROOT / "var" / "thesaurus"


# Rate limits are tested on an app of their own; elsewhere they would only add noise.
NO_LIMITS = {"RATE_LIMIT_READS": "0", "RATE_LIMIT_WRITES": "0"}


@pytest.fixture(scope="session")
def word_caches(tmp_path_factory) -> Path:
    """Build the dictionary lookup and read the thesauri once per test run; every app and
    server links to what they leave in this folder."""
    folder = tmp_path_factory.mktemp("words")
    dictionary = Dictionary.open(DICTIONARY if DICTIONARY.exists() else None, folder)
    reader = build_pipeline(dictionary).reader
    open_thesaurus({"THESAURUS_DIR": THESAURUS, "DATA_DIR": folder}, reader)
    return folder


def data_dir(tmp_path_factory, word_caches: Path, name: str = "data") -> Path:
    """Return a new data directory that already holds the dictionary lookup and the read
    thesauri."""
    folder = tmp_path_factory.mktemp(name)
    for cache in word_caches.iterdir():
        if cache.is_file() and not cache.name.endswith(".lock"):
            os.link(cache, folder / cache.name)
    return folder


@pytest.fixture(scope="session")
def make_app(tmp_path_factory, word_caches):
    """Return a factory of apps on the shipped corpus, each with a data directory of its own."""

    def make(**config) -> Flask:
        settings = {
            "DATA_DIR": data_dir(tmp_path_factory, word_caches),
            "CORPUS_DIR": SEEDS,
            "DICTIONARY_PATH": DICTIONARY,
            "THESAURUS_DIR": THESAURUS,
            **NO_LIMITS,
            **config,
        }
        return create_app(settings)

    return make


@pytest.fixture(scope="session")
def app(make_app):
    return make_app()


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def verifier(app):
    return app.extensions["verifier"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def dockerfile_cmd() -> list[str]:
    """Return the Dockerfile's exec-form CMD, which the end-to-end tests start as is."""
    import json

    for line in (ROOT / "Dockerfile").read_text().splitlines():
        if line.startswith("CMD "):
            return json.loads(line[4:])
    raise AssertionError("Dockerfile has no CMD")


class Server:
    """The Dockerfile's command (gunicorn) on a free loopback port, in a process group of its
    own so that a test can kill the whole server at once."""

    def __init__(self, data: Path, workers: int = 2, **settings: str):
        self.data = data
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "CLAIMS_HOST": "127.0.0.1",
            "CLAIMS_PORT": str(self.port),
            "CLAIMS_WORKERS": str(workers),
            "CLAIMS_DATA_DIR": str(data),
            "CLAIMS_CORPUS_DIR": str(SEEDS),
            "CLAIMS_DICTIONARY_PATH": str(DICTIONARY),
            "CLAIMS_THESAURUS_DIR": str(THESAURUS),
            **{f"CLAIMS_{k}": v for k, v in settings.items()},
        }
        self.cmd = dockerfile_cmd()
        self.cmd[0] = str(Path(sys.executable).with_name(self.cmd[0]))
        self.proc: subprocess.Popen | None = None
        self._log: list[bytes] = []
        self._drain: threading.Thread | None = None

    def start(self, timeout: float = 90) -> Server:
        self.proc = subprocess.Popen(
            self.cmd,
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        # Read the log as it comes: a full pipe would block every worker at its next log line.
        self._log = []
        self._drain = threading.Thread(target=self._log.extend, args=(self.proc.stdout,))
        self._drain.start()
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(self.url + "/readyz", timeout=2) as resp:
                    if resp.status == 200:
                        return self
            except OSError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.kill()
                raise RuntimeError(
                    f"gunicorn did not become ready ({shlex.join(self.cmd)}):\n{self.output()}"
                )
            time.sleep(0.1)

    def output(self) -> str:
        """The server's log; call it once the server has stopped."""
        assert self._drain is not None
        self._drain.join(timeout=15)
        return b"".join(self._log).decode(errors="replace")

    def kill(self) -> None:
        """SIGKILL to every process of the server: master and workers, no cleanup."""
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=15)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory, word_caches) -> Iterator[str]:
    """Start the Dockerfile's command on the shipped corpus; yield its URL."""
    server = Server(data_dir(tmp_path_factory, word_caches, "live-data")).start()
    yield server.url
    server.stop()
