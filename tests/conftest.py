"""Shared fixtures: the app on the shipped corpus, its test client, and a live gunicorn."""

from __future__ import annotations

import os
import shlex
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from service import create_app
from service.claims.dictionary import CACHE_NAME, Dictionary

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
DICTIONARY = ROOT / "var" / "dict" / "de-en"


# Rate limits are tested on an app of their own; elsewhere they would only add noise.
NO_LIMITS = {"RATE_LIMIT_READS": "0", "RATE_LIMIT_WRITES": "0"}


@pytest.fixture(scope="session")
def dictionary_cache(tmp_path_factory) -> Path:
    """Build the dictionary lookup once per test run; every app and server links to it."""
    folder = tmp_path_factory.mktemp("dictionary")
    Dictionary.open(DICTIONARY if DICTIONARY.exists() else None, folder)
    return folder / CACHE_NAME


def data_dir(tmp_path_factory, dictionary_cache: Path, name: str = "data") -> Path:
    """Return a new data directory that already holds the dictionary lookup."""
    folder = tmp_path_factory.mktemp(name)
    if dictionary_cache.exists():
        os.link(dictionary_cache, folder / CACHE_NAME)
    return folder


@pytest.fixture(scope="session")
def make_app(tmp_path_factory, dictionary_cache):
    """Return a factory of apps on the shipped corpus, each with a data directory of its own."""

    def make(**config) -> Flask:
        settings = {
            "DATA_DIR": data_dir(tmp_path_factory, dictionary_cache),
            "CORPUS_DIR": SEEDS,
            "DICTIONARY_PATH": DICTIONARY,
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


@pytest.fixture(scope="session")
def live_server(tmp_path_factory, dictionary_cache) -> Iterator[str]:
    """Start gunicorn with the Dockerfile's command on a free loopback port; yield its URL."""
    port = free_port()
    env = {
        **os.environ,
        "CLAIMS_HOST": "127.0.0.1",
        "CLAIMS_PORT": str(port),
        "CLAIMS_WORKERS": "2",
        "CLAIMS_DATA_DIR": str(data_dir(tmp_path_factory, dictionary_cache, "live-data")),
        "CLAIMS_CORPUS_DIR": str(SEEDS),
        "CLAIMS_DICTIONARY_PATH": str(DICTIONARY),
    }
    cmd = dockerfile_cmd()
    cmd[0] = str(Path(sys.executable).with_name(cmd[0]))
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url + "/readyz", timeout=2) as resp:
                if resp.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
            raise RuntimeError(f"gunicorn did not become ready ({shlex.join(cmd)}):\n{out}")
        time.sleep(0.2)
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
