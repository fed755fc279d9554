"""API keys and rate limits, without an app."""

from __future__ import annotations

import json

import pytest

from service.auth import READ, WRITE, KeyRing
from service.limits import Rate, RateLimiter


def test_keys_are_stored_hashed_and_found(tmp_path):
    ring = KeyRing(tmp_path / "keys.json")
    writer = ring.add("desk")
    reader = ring.add("viewer", READ)
    stored = (tmp_path / "keys.json").read_text()
    assert writer not in stored and reader not in stored
    assert ring.find(writer).name == "desk" and ring.find(writer).allows(WRITE)
    assert not ring.find(reader).allows(WRITE) and ring.find(reader).allows(READ)
    assert ring.find(writer + "x") is None
    with pytest.raises(ValueError):
        ring.add("desk")
    # Another process's ring sees a change of the file without a restart.
    other = KeyRing(tmp_path / "keys.json")
    assert other.find(writer) is not None
    assert ring.remove("desk") and not ring.remove("desk")
    assert other.find(writer) is None


def test_a_damaged_key_file_accepts_no_key(tmp_path, caplog):
    ring = KeyRing(tmp_path / "keys.json")
    key = ring.add("desk")
    (tmp_path / "keys.json").write_text("{not json", encoding="utf-8")
    assert ring.find(key) is None
    assert "cannot be read" in caplog.text
    (tmp_path / "keys.json").write_text(json.dumps([]), encoding="utf-8")
    assert ring.keys() == []


@pytest.mark.parametrize(
    ("text", "rate"),
    [("120/minute", Rate(120, 60)), (" 5 / second ", Rate(5, 1)), ("0", None), ("", None)],
)
def test_rates_read_from_settings(text, rate):
    assert Rate.parse(text) == rate


def test_a_bad_rate_setting_says_how_to_write_one():
    with pytest.raises(ValueError, match="120/minute"):
        Rate.parse("fast")


def test_fixed_windows_count_per_bucket(tmp_path):
    limiter = RateLimiter(tmp_path / "limits.sqlite3")
    rate = Rate(2, 60)
    assert limiter.hit("a", rate, now=120.0) is None
    assert limiter.hit("a", rate, now=130.0) is None
    assert limiter.hit("a", rate, now=150.0) == pytest.approx(30.0)
    assert limiter.hit("b", rate, now=150.0) is None  # another bucket, another count
    assert limiter.hit("a", rate, now=180.0) is None  # a new window
    shared = RateLimiter(tmp_path / "limits.sqlite3")  # as another worker would
    assert shared.hit("a", rate, now=181.0) is None
    assert limiter.hit("a", rate, now=182.0) == pytest.approx(58.0)
