"""Benchmark: claim understanding at FANG-COVID scale.

The evaluation corpora are small, so every passage a claim finds is one of the articles the
claim was written about. A newsroom corpus is large: the same claims meet hundreds of
thousands of sentences on other subjects. This adds the evaluation articles to a copy of the
index `benchmarks/bench.py` built (the FANG-COVID subset, which holds the `fang` and `fang2`
articles already) and verifies every claim set there, next to its result on its corpus alone.
Writes benchmarks/RESULTS-scale.md. Run after bench.py (`make bench` does).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.corpus import load_corpus  # noqa: E402
from service.engine import build_pipeline, open_dictionary, verifier_for  # noqa: E402
from service.index import SentenceIndex  # noqa: E402
from service.verify import Verifier  # noqa: E402
from tests.eval.corpora import corpora  # noqa: E402
from tests.eval.evaluate import DICTIONARY, THESAURUS, TOP_K, Tally, evaluate, open_corpus, tally  # noqa: E402

WORK = ROOT / "benchmarks" / ".data"
BENCH_INDEX = WORK / "bench-index.sqlite3"
RESULTS = ROOT / "benchmarks" / "RESULTS-scale.md"


def scaled_verifier(data_dir: Path) -> Verifier:
    """Return a verifier over a copy of the benchmark index with every evaluation article
    added."""
    config = {
        "DATA_DIR": data_dir,
        "DICTIONARY_PATH": DICTIONARY,
        "THESAURUS_DIR": THESAURUS,
        "CANDIDATES": 60,
    }
    dictionary = open_dictionary(config)
    pipeline = build_pipeline(dictionary)
    path = data_dir / "scale-index.sqlite3"
    shutil.copy(BENCH_INDEX, path)
    index = SentenceIndex(path)
    if index.pipeline_digest != pipeline.digest:
        sys.exit("the benchmark index is of another pipeline: run benchmarks/bench.py first")
    present = {d["document_id"] for d in index.documents()}
    for corpus in corpora():
        folder = corpus.write(data_dir / f"corpus-{corpus.name}")
        new = [d for d in load_corpus(folder) if d.document_id not in present]
        if new:
            index.add_documents(new, pipeline)
        print(f"  {corpus.name}: {len(new)} articles added", flush=True)
    return verifier_for(index, pipeline, dictionary, config)


def cell(t: Tally) -> str:
    return f"{t.verdict}/{t.n} | {t.evidence[0]}/{t.evidence[1]} | {t.wrong_side}"


def main() -> None:
    if not BENCH_INDEX.exists():
        sys.exit(f"{BENCH_INDEX} is missing: run benchmarks/bench.py first")
    rows = []
    with tempfile.TemporaryDirectory(dir=WORK) as tmp:
        data_dir = Path(tmp)
        at_scale = scaled_verifier(data_dir)
        passages = at_scale.index.passage_count()
        for corpus in corpora():
            t0 = time.perf_counter()
            claims = corpus.claims()
            alone, _ = open_corpus(corpus, data_dir)
            small = tally(evaluate(alone, claims), _split)
            large = tally(evaluate(at_scale, claims), _split)
            for key in small:
                rows.append(f"| {key} | {cell(small[key])} | {cell(large[key])} |")
            print(f"  {corpus.name}: {len(claims)} claims, {time.perf_counter() - t0:.0f} s")
        at_scale.index.close()
    lines = [
        f"# Claim understanding at scale ({date.today().isoformat()})",
        "",
        "`make bench`: every evaluation claim set verified on its corpus alone and among the",
        f"FANG-COVID subset ({passages} passages with the evaluation articles added): verdicts",
        "right, claims with gold evidence on the right side, claims with gold evidence on the",
        f"wrong side (top {TOP_K} per side).",
        "",
        "| claim set, split | verdicts alone | evidence alone | wrong alone | verdicts at scale"
        " | evidence at scale | wrong at scale |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        *rows,
    ]
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


def _split(outcome) -> str:
    return f"{outcome.claim['set']} {outcome.claim['split']}"


if __name__ == "__main__":
    main()
