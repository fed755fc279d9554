"""Benchmark: writing documents over HTTP to a real server (`python -m service serve`).

Starts the server on an empty data directory (the dictionary lookup linked from var/), then
times single-document POSTs, bulk bodies of 500 documents and a delete, over loopback, and
reads the workers' memory. Writes the numbers to benchmarks/RESULTS-writes.md. The documents
are the first FANG-COVID articles from ../shared/data.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from itertools import islice
from pathlib import Path

from bench import DATA, ROOT, documents  # the FANG-COVID reader of the verify benchmark

sys.path.insert(0, str(ROOT))
from service.auth import KeyRing  # noqa: E402
from service.claims.dictionary import CACHE_NAME  # noqa: E402

RESULTS = ROOT / "benchmarks" / "RESULTS-writes.md"
SINGLE = 200
BULK_BODIES = 8
BULK_SIZE = 250


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(url: str, method: str, path: str, body: bytes | None, key: str, kind: str) -> dict:
    req = urllib.request.Request(url + path, data=body, method=method)
    req.add_header("Authorization", f"Bearer {key}")
    if body is not None:
        req.add_header("Content-Type", kind)
    with urllib.request.urlopen(req, timeout=300) as resp:
        return json.loads(resp.read() or b"null")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def record(doc) -> dict:
    return {
        "document_id": doc.document_id,
        "text": doc.raw_text,
        "publisher": doc.publisher,
        "title": doc.title,
        "url": doc.url,
        "language": doc.language,
    }


def main() -> None:
    data = Path(tempfile.mkdtemp(prefix="claimcheck-writes-"))
    cache = ROOT / "var" / CACHE_NAME
    if cache.exists():
        os.link(cache, data / CACHE_NAME)
    key = KeyRing(data / "keys.json").add("bench")
    port = free_port()
    env = {
        **os.environ,
        "CLAIMS_DATA_DIR": str(data),
        "CLAIMS_PORT": str(port),
        "CLAIMS_HOST": "127.0.0.1",
        "CLAIMS_WORKERS": "2",
        "CLAIMS_RATE_LIMIT_WRITES": "0",
        "CLAIMS_RATE_LIMIT_READS": "0",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "service", "serve"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(url + "/readyz", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        docs = list(islice(documents(), SINGLE + BULK_BODIES * BULK_SIZE))
        singles, sentences = [], 0
        for doc in docs[:SINGLE]:
            body = json.dumps(record(doc)).encode()
            t = time.perf_counter()
            answer = call(url, "POST", "/v1/documents", body, key, "application/json")
            singles.append((time.perf_counter() - t) * 1000)
            sentences += answer["passage_count"]
        bulks = []
        rest = docs[SINGLE:]
        for i in range(BULK_BODIES):
            chunk = rest[i * BULK_SIZE : (i + 1) * BULK_SIZE]
            body = "\n".join(json.dumps(record(d)) for d in chunk).encode()
            t = time.perf_counter()
            call(url, "POST", "/v1/documents/bulk", body, key, "application/x-ndjson")
            bulks.append(time.perf_counter() - t)
        t = time.perf_counter()
        call(url, "DELETE", f"/v1/documents/{docs[0].document_id}", None, key, "")
        delete_ms = (time.perf_counter() - t) * 1000
        workers = [
            int(p)
            for p in subprocess.run(
                ["pgrep", "-P", str(server.pid)], capture_output=True, text=True
            ).stdout.split()
        ]
        worker_rss = [rss_mb(pid) for pid in workers]
        bulk_docs = BULK_BODIES * BULK_SIZE
        rows = {
            "single POST, median (ms)": f"{statistics.median(singles):.1f}",
            "single POST, p95 (ms)": f"{sorted(singles)[int(0.95 * len(singles))]:.1f}",
            "passages per single document, mean": f"{sentences / SINGLE:.1f}",
            f"bulk body of {BULK_SIZE} documents, median (s)": f"{statistics.median(bulks):.2f}",
            "bulk documents per second": f"{bulk_docs / sum(bulks):.0f}",
            "DELETE (ms)": f"{delete_ms:.1f}",
            "workers' RSS after the writes (MB)": ", ".join(f"{r:.0f}" for r in worker_rss),
        }
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)
        shutil.rmtree(data, ignore_errors=True)
    lines = [
        f"# Write benchmark ({date.today().isoformat()})",
        "",
        "`make bench`: `python -m service serve` with 2 workers on an empty data directory,",
        f"{SINGLE} single POSTs then {BULK_BODIES} bulk bodies of {BULK_SIZE} articles of",
        f"{DATA.name}, one client over loopback.",
        "",
        "| measure | value |",
        "| --- | --- |",
        *(f"| {k} | {v} |" for k, v in rows.items()),
    ]
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
