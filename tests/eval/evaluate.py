"""Evaluation: verdict accuracy, evidence recall, per-category results, confusion matrix.

`claims.jsonl` is the main set the rules were developed on. `second_set.jsonl` was written
later and independently from the articles alone, as a check of how the rules generalise.
Run with `make eval` (`-v` lists the misses). The test suite fails below its floors.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from service.config import Config

ROOT = Path(__file__).resolve().parents[2]
CLAIMS = Path(__file__).with_name("claims.jsonl")
SECOND_SET = Path(__file__).with_name("second_set.jsonl")
VERDICTS = ["supported", "refuted", "conflicting", "not_enough_info"]


@dataclass
class Report:
    total: int = 0
    correct: int = 0
    evidence_expected: int = 0
    evidence_found: int = 0
    by_category: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    by_language: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    confusion: Counter = field(default_factory=Counter)
    misses: list = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def recall(self) -> float:
        return self.evidence_found / self.evidence_expected if self.evidence_expected else 1.0


def load_claims(path: Path = CLAIMS) -> list[dict]:
    """Return the evaluation claims."""
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def evaluate(
    verifier, claims: list[dict], top_k: int = 10, min_score: float = Config.MIN_SCORE
) -> Report:
    """Return the evaluation report of a verifier on the claims."""
    report = Report()
    for item in claims:
        result = verifier.verify(item["claim"], top_k, min_score)
        ok = result.verdict == item["verdict"]
        report.total += 1
        report.correct += ok
        report.confusion[(item["verdict"], result.verdict)] += 1
        for table, key in (
            (report.by_category, item["category"]),
            (report.by_language, item["language"]),
        ):
            table[key][0] += ok
            table[key][1] += 1
        sides = {"supporting": result.supporting, "contradicting": result.contradicting}
        for ev in item["evidence"]:
            report.evidence_expected += 1
            found = any(
                e.passage.source.document_id == ev["document_id"]
                and ev["contains"] in e.passage.text
                for e in sides[ev["side"]]
            )
            report.evidence_found += found
            if not found:
                report.misses.append((item["id"], f"missing {ev['side']}: {ev['contains']}"))
        if not ok:
            report.misses.append(
                (item["id"], f"{item['claim']!r}: expected {item['verdict']}, got {result.verdict}")
            )
    return report


def render(report: Report) -> str:
    """Return the report as text."""
    lines = [
        f"verdict accuracy: {report.correct}/{report.total} = {report.accuracy:.1%}",
        f"evidence recall:  {report.evidence_found}/{report.evidence_expected}"
        f" = {report.recall:.1%}",
        "",
        "per category:",
    ]
    for cat, (ok, n) in sorted(report.by_category.items()):
        lines.append(f"  {cat:22s} {ok:3d}/{n:3d} = {ok / n:.0%}")
    lines.append("per language:")
    for lang, (ok, n) in sorted(report.by_language.items()):
        lines.append(f"  {lang:22s} {ok:3d}/{n:3d} = {ok / n:.0%}")
    lines += [
        "",
        "confusion (rows: expected, columns: got):",
        " " * 16 + "".join(f"{v[:12]:>14s}" for v in VERDICTS),
    ]
    for exp in VERDICTS:
        lines.append(
            f"{exp:16s}" + "".join(f"{report.confusion[(exp, got)]:14d}" for got in VERDICTS)
        )
    return "\n".join(lines)


def main() -> None:
    from service import create_app

    with tempfile.TemporaryDirectory() as data:
        app = create_app(
            {
                "DATA_DIR": Path(data),
                "CORPUS_DIR": ROOT / "seeds",
                "DICTIONARY_PATH": ROOT / "var" / "dict" / "de-en",
            }
        )
        verifier = app.extensions["verifier"]
        for path in (CLAIMS, SECOND_SET):
            report = evaluate(verifier, load_claims(path))
            print(f"== {path.name} ({report.total} claims)\n{render(report)}")
            if "-v" in sys.argv:
                print("\nmisses:")
                for claim_id, what in report.misses:
                    print(f"  {claim_id}: {what}")
            print()


if __name__ == "__main__":
    main()
