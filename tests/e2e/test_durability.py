"""Durability and consistency with a real gunicorn: kill -9, several workers, many writers,
damaged files."""

from __future__ import annotations

import http.client
import json
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from service.auth import KeyRing
from tests.conftest import Server, data_dir


def request(server, method, path, body=None, key=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(server.url + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if key:
        req.add_header("Authorization", f"Bearer {key}")
    for name, value in (headers or {}).items():
        req.add_header(name, value)
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            return resp.status, json.loads(resp.read() or b"null")
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read() or b"null")


def article(n: int, sentences: int = 3) -> dict:
    body = " ".join(f"Im Ort Nummer {n} wurden {n + i} Bäume gepflanzt." for i in range(sentences))
    return {"document_id": f"doc-{n}", "text": body, "publisher": f"Bote {n % 3}"}


@pytest.fixture()
def fresh(tmp_path_factory, word_caches):
    """A data directory with a write key, and the servers started on it (stopped after)."""
    folder = data_dir(tmp_path_factory, word_caches, "durable")
    key = KeyRing(folder / "keys.json").add("writer")
    servers: list[Server] = []

    def start(workers: int = 2) -> Server:
        server = Server(folder, workers, RATE_LIMIT_WRITES="0", RATE_LIMIT_READS="0").start()
        servers.append(server)
        return server

    yield folder, key, start
    for server in servers:
        server.stop()


def test_an_acknowledged_write_survives_kill_9(fresh):
    _, key, start = fresh
    server = start()
    status, doc = request(server, "POST", "/v1/documents", article(1), key)
    assert status == 201
    server.kill()  # right after the 2xx, the whole server, no cleanup
    server = start()
    status, again = request(server, "GET", "/v1/documents/doc-1")
    assert status == 200 and again["etag"] == doc["etag"]
    status, answer = request(
        server, "POST", "/v1/verify", {"claim": "Im Ort Nummer 1 wurden 2 Bäume gepflanzt"}
    )
    assert answer["verdict"] == "supported"


def test_kill_9_during_writes_loses_no_acknowledged_write(fresh):
    _, key, start = fresh
    server = start()
    acknowledged: list[int] = []
    stop = threading.Event()

    def writer(offset: int) -> None:
        n = offset
        while not stop.is_set():
            try:
                status, _ = request(server, "POST", "/v1/documents", article(n, 12), key)
            except (OSError, http.client.HTTPException):
                return  # the server is gone, maybe in the middle of an answer
            if status == 201:
                acknowledged.append(n)
            n += 4

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    time.sleep(2.0)
    server.kill()
    stop.set()
    for t in threads:
        t.join()
    assert len(acknowledged) >= 4
    server = start()
    for n in acknowledged:
        status, doc = request(server, "GET", f"/v1/documents/doc-{n}")
        assert status == 200, n
        assert doc["passage_count"] == len(doc["passages"]) == 12  # all of it, never a part


def test_every_worker_answers_a_write_within_a_second(fresh):
    _, key, start = fresh
    server = start(workers=4)
    claim = {"claim": "Im Ort Nummer 7 wurden 8 Bäume gepflanzt"}
    before = request(server, "GET", "/readyz")[1]["corpus_version"]
    status, _ = request(server, "POST", "/v1/documents", article(7), key)
    assert status == 201
    written = time.monotonic()
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda _: request(server, "POST", "/v1/verify", claim), range(40)))
        versions = list(pool.map(lambda _: request(server, "GET", "/readyz")[1], range(40)))
    # Every request was sent right after the write was answered and none missed it, so each
    # worker saw the document at once (well within a second of the write).
    assert time.monotonic() - written < 10
    assert all(a["verdict"] == "supported" for _, a in answers)
    assert {v["corpus_version"] for v in versions} == {answers[0][1]["corpus_version"]}
    assert before != answers[0][1]["corpus_version"]


def test_ten_concurrent_writers_lose_nothing(fresh):
    _, key, start = fresh
    server = start(workers=4)
    with ThreadPoolExecutor(10) as pool:
        statuses = list(
            pool.map(
                lambda n: request(server, "POST", "/v1/documents", article(n), key)[0],
                range(100, 150),
            )
        )
    assert statuses == [201] * 50
    status, page = request(server, "GET", "/v1/documents?limit=100")
    ids = {d["document_id"] for d in page["documents"]}
    assert {f"doc-{n}" for n in range(100, 150)} <= ids


def test_readers_never_see_half_a_document(fresh):
    _, key, start = fresh
    server = start(workers=3)
    short, long = article(9, 2), article(9, 40)
    assert request(server, "PUT", "/v1/documents/doc-9", short, key)[0] == 201
    stop = threading.Event()

    failures: list[object] = []

    def rewrite() -> None:
        while not stop.is_set():
            for body in (long, short):
                try:
                    status, _ = request(server, "PUT", "/v1/documents/doc-9", body, key)
                except OSError as error:
                    status = error
                if status != 200:
                    failures.append(status)

    seen, reads = set(), 0
    thread = threading.Thread(target=rewrite)
    thread.start()
    deadline = time.monotonic() + 30
    try:
        # Read until both versions were seen many times over, each read whole.
        while (reads < 150 or seen != {2, 40}) and time.monotonic() < deadline:
            status, doc = request(server, "GET", "/v1/documents/doc-9")
            assert status == 200
            assert doc["passage_count"] == len(doc["passages"]) in (2, 40)
            seen.add(len(doc["passages"]))
            reads += 1
    finally:
        stop.set()
        thread.join()
    assert not failures and seen == {2, 40}, (failures, seen, reads)


def test_a_damaged_index_is_rebuilt_and_a_damaged_store_is_named(fresh):
    folder, key, start = fresh
    server = start()
    assert request(server, "POST", "/v1/documents", article(3), key)[0] == 201
    server.stop()

    (folder / "index.sqlite3").write_bytes(b"this is no database" * 1000)
    server = start()
    assert request(server, "GET", "/v1/documents/doc-3")[0] == 200
    server.stop()
    log = server.output()
    assert "index.sqlite3 is damaged" in log and "Traceback" not in log

    (folder / "documents.sqlite3").write_bytes(b"this is no database" * 1000)
    broken = Server(folder)
    with pytest.raises(RuntimeError) as failed:
        broken.start(timeout=60)
    message = str(failed.value)
    assert "documents.sqlite3 is damaged" in message and "python -m service import" in message
    assert "Traceback" not in message
    assert broken.proc.returncode == 1


def test_keys_and_rate_limits_over_http(tmp_path_factory, word_caches):
    folder = data_dir(tmp_path_factory, word_caches, "limits")
    keys = KeyRing(folder / "keys.json")
    writer, reader = keys.add("writer"), keys.add("reader", scope="read")
    server = Server(folder, 4, RATE_LIMIT_READS="6/minute", RATE_LIMIT_WRITES="2/minute").start()
    try:
        assert request(server, "POST", "/v1/documents", article(1))[0] == 401
        assert request(server, "POST", "/v1/documents", article(1), reader)[0] == 403
        assert request(server, "POST", "/v1/documents", article(1), "cc_unknown")[0] == 401
        assert request(server, "POST", "/v1/documents", article(1), writer)[0] == 201
        assert request(server, "PUT", "/v1/documents/doc-2", article(2), writer)[0] == 201
        assert request(server, "DELETE", "/v1/documents/doc-2", key=writer)[0] == 429
        # Four workers, one count: the seventh anonymous read from this address is refused
        # (readiness checks are not counted).
        with ThreadPoolExecutor(7) as pool:
            statuses = sorted(
                pool.map(lambda _: request(server, "GET", "/v1/documents")[0], range(7))
            )
        assert statuses == [200] * 6 + [429]
        # A key has a count of its own.
        assert request(server, "GET", "/v1/documents", key=reader)[0] == 200
    finally:
        server.stop()


def test_a_long_log_never_blocks_the_server(fresh):
    # Every request writes an access-log line; 1,500 of them overfill a 64 KB pipe.
    _, _, start = fresh
    server = start(workers=1)
    for _ in range(1500):
        with urllib.request.urlopen(server.url + "/healthz", timeout=10) as resp:
            assert resp.status == 200
    server.stop()
    assert server.output().count("GET /healthz") == 1500
