"""The command line, run as a user runs it: `python -m service ...` in a process of its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request

import pytest

from tests.conftest import DICTIONARY, ROOT, SEEDS, THESAURUS, Server, data_dir


def cli(folder, *args, stdin=None):
    env = {
        **os.environ,
        "CLAIMS_DATA_DIR": str(folder),
        "CLAIMS_CORPUS_DIR": str(SEEDS),
        "CLAIMS_DICTIONARY_PATH": str(DICTIONARY),
        "CLAIMS_THESAURUS_DIR": str(THESAURUS),
    }
    return subprocess.run(
        [sys.executable, "-m", "service", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture()
def folder(tmp_path_factory, word_caches):
    return data_dir(tmp_path_factory, word_caches, "cli")


def test_keys_are_shown_once_and_stored_hashed(folder):
    made = cli(folder, "keys", "add", "desk")
    assert made.returncode == 0
    key = made.stdout.strip()
    assert key.startswith("cc_") and len(key) > 40
    assert key not in (folder / "keys.json").read_text()
    assert cli(folder, "keys", "add", "desk").returncode == 1  # names are unique
    assert cli(folder, "keys", "add", "viewer", "--read-only").returncode == 0
    listed = cli(folder, "keys", "list").stdout
    assert "desk\twrite" in listed and "viewer\tread" in listed and key not in listed
    assert cli(folder, "keys", "remove", "viewer").returncode == 0
    assert "viewer" not in cli(folder, "keys", "list").stdout


def test_ingest_export_import_round_trip(folder, tmp_path, tmp_path_factory, word_caches):
    (tmp_path / "feed.ndjson").write_text(
        json.dumps({"document_id": "f1", "text": "Der Deich bei Auenfeld brach am Morgen."})
        + "\n{broken\n"
        + json.dumps(
            {"text": "Im Landkreis wurden 300 Keller überflutet.", "published": "2024-06-02"}
        )
        + "\n",
        encoding="utf-8",
    )
    (tmp_path / "note.txt").write_text("Die Feuerwehr pumpte zwei Tage lang.", encoding="utf-8")
    ingested = cli(folder, "ingest", str(tmp_path / "feed.ndjson"), str(tmp_path / "note.txt"))
    assert ingested.returncode == 1  # one line failed, and says where
    assert "3 created" in ingested.stdout and "1 failed" in ingested.stdout
    assert "feed.ndjson:2" in ingested.stderr

    backup = tmp_path / "backup.ndjson"
    assert cli(folder, "export", str(backup)).returncode == 0
    lines = [json.loads(line) for line in backup.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["document_id"] for r in lines)[0:2] == ["f1", "note"]
    assert len(lines) == 3  # written documents only, not the corpus directory's

    elsewhere = data_dir(tmp_path_factory, word_caches, "restored")
    restored = cli(elsewhere, "import", str(backup))
    assert restored.returncode == 0 and "3 created" in restored.stdout
    again = tmp_path / "again.ndjson"
    cli(elsewhere, "export", str(again))
    assert again.read_text(encoding="utf-8") == backup.read_text(encoding="utf-8")

    answer = json.loads(cli(elsewhere, "verify", "--json", "300 Keller wurden überflutet").stdout)
    assert answer["verdict"] == "supported"
    assert answer["supporting"][0]["source"]["published"] == "2024-06-02"
    table = cli(elsewhere, "verify", "300 Keller wurden überflutet").stdout
    assert table.startswith("supported") and "Keller" in table

    rebuilt = cli(elsewhere, "reindex")
    assert rebuilt.returncode == 0 and "passages" in rebuilt.stdout


def test_a_running_server_answers_what_the_command_line_ingested(folder, tmp_path):
    server = Server(folder).start()
    try:
        doc = tmp_path / "flut.txt"
        doc.write_text("In Auenfeld standen 120 Häuser unter Wasser.", encoding="utf-8")
        assert cli(folder, "ingest", str(doc)).returncode == 0
        req = urllib.request.Request(
            server.url + "/v1/verify",
            data=json.dumps({"claim": "In Auenfeld standen 120 Häuser unter Wasser"}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=30) as resp:
            assert json.loads(resp.read())["verdict"] == "supported"
    finally:
        server.stop()


def test_missing_paths_and_a_damaged_store_are_one_line_errors(folder):
    missing = cli(folder, "ingest", "/no/such/file.txt")
    assert missing.returncode == 1 and missing.stderr.startswith("error: no such file")
    (folder / "documents.sqlite3").write_bytes(b"no database" * 500)
    damaged = cli(folder, "export")
    assert damaged.returncode == 1
    assert "documents.sqlite3 is damaged" in damaged.stderr and "Traceback" not in damaged.stderr
