"""Cue words and patterns for claim analysis, loaded from `data/cues.toml`."""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from pathlib import Path

from service.text import data_path, load_toml


@dataclass(frozen=True, slots=True)
class Qualifier:
    """A phrase that turns a number n into the interval [low*n, high*n]."""

    name: str
    low: float
    high: float
    low_open: bool
    high_open: bool


class Cues:
    """Negations, qualifiers, counted things, opposites and number words."""

    def __init__(self, data: dict):
        self.clause_negations = frozenset(w for ws in data["negation"].values() for w in ws)
        self.english_negations = frozenset(data["negation"].get("en", []))
        self.negating_word = re.compile(data["negation_suffix"]["pattern"])
        self.not_negating = frozenset(data["negation_suffix"]["exceptions"])
        self.determiner_negations = frozenset(
            w for ws in data["negation_determiner"].values() for w in ws
        )
        self.qualifiers: dict[tuple[str, ...], Qualifier] = {}
        for name, q in data["qualifiers"].items():
            high = math.inf if q["high"] == "inf" else float(q["high"])
            qual = Qualifier(
                name, float(q["low"]), high, q.get("low_open", False), q.get("high_open", False)
            )
            for phrase in q["words"]:
                self.qualifiers[tuple(phrase.lower().split())] = qual
        self.vague = {
            tuple(k.split()): (float(v[0]), float(v[1])) for k, v in data["vague"].items()
        }
        self.multipliers = {k: float(v) for k, v in data["multipliers"].items()}
        self.counted = {k: re.compile(v) for k, v in data["counted"].items()}
        self.groups = {k: re.compile(v) for k, v in data["groups"].items()}
        self.opposites = [(tuple(p["a"]), tuple(p["b"])) for p in data["opposites"]]
        self.spelled = {
            lang: re.compile(rf"^{p}$") for lang, p in data["spelled"].items() if isinstance(p, str)
        }
        self.not_numbers = frozenset(data["spelled"].get("not_numbers", []))
        self.months = {k: int(v) for k, v in data["months"].items()}
        self.ordinals = {k: int(v) for k, v in data["ordinals"].items()}
        self.factors = {k: float(v) for k, v in data["factors"].items()}
        self.not_counts = frozenset(data["not_counts"]["words"])
        self.elided = frozenset(data["elided"]["words"])
        self.elided_followers = frozenset(data["elided"]["english_followers"])
        words = "|".join(map(re.escape, data["anaphora"]["words"]))
        self.anaphora = re.compile(rf"\b(?:{words})\b", re.IGNORECASE)
        self.negative_prefixes = tuple(data["negative_prefixes"]["prefixes"])
        self.prefix_exceptions = tuple(data["negative_prefixes"]["exceptions"])

    @classmethod
    def load(cls, path: Path | None = None) -> Cues:
        """Return the cues of a data file (the bundled one by default)."""
        return cls(load_toml(path or data_path("cues.toml")))

    def category(self, word: str) -> str | None:
        """Return the counted-thing category a single word names, if any."""
        return next((name for name, rx in self.counted.items() if rx.search(word)), None)

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one Cues lives as long as the app
    def opposite_side(self, word: str) -> tuple[tuple[int, int], ...]:
        """Return (pair index, side) for each opposite pair a lowercased word belongs to."""
        out = []
        for i, (a, b) in enumerate(self.opposites):
            if any(word.startswith(w) for w in a):
                out.append((i, 0))
            elif any(word.startswith(w) for w in b):
                out.append((i, 1))
        return tuple(out)
