"""Benchmark: index the FANG-COVID German news subset, then time /v1/verify logic.

Reports index build time, index size on disk, p50/p95/p99 latency over a fixed claim list,
and peak memory; writes them to benchmarks/RESULTS.md. Reads the data from ../shared/data.
"""

from __future__ import annotations

import gzip
import json
import os
import resource
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.config import Config  # noqa: E402
from service.engine import build_pipeline, open_dictionary, verifier_for  # noqa: E402
from service.index import SentenceIndex  # noqa: E402
from service.models import Document  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "fang-covid" / "fang-covid-subset.jsonl.gz"
WORK = ROOT / "benchmarks" / ".data"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
CLAIMS = [
    "Die Zahl der Neuinfektionen in Deutschland ist auf über 20.000 gestiegen",
    "Mehr als 1000 Menschen sind an Covid-19 gestorben",
    "Das Robert-Koch-Institut meldet 5000 neue Fälle",
    "Die Maskenpflicht gilt nicht in Schulen",
    "Bill Gates wants to vaccinate everyone",
    "Masks do not protect against the virus",
    "Der Lockdown wird bis Ende Januar verlängert",
    "The vaccine was approved in December",
    "In Bayern wurden 300 Intensivbetten belegt",
    "Fast 8000 Menschen wurden festgenommen",
    "Merkel kündigte strengere Kontaktbeschränkungen an",
    "More than 100 people died in Italy in one day",
    "Die Impfung ist freiwillig",
    "Schulen bleiben geschlossen",
    "Trump was tested positive for the coronavirus",
    "Der Eiffelturm steht in Paris",
    "Drosten warnt vor einer zweiten Welle",
    "Hospitals in New York are overwhelmed",
    "Die Inzidenz liegt bei 50 Fällen pro 100.000 Einwohner",
    "Demonstranten protestierten in Berlin gegen die Corona-Maßnahmen",
]


def documents():
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            text = f"{rec.get('header') or ''}\n\n{rec.get('article') or ''}"
            yield Document(
                f"fang-{rec['id']}",
                rec.get("source"),
                rec.get("header"),
                rec.get("url"),
                None,
                "de",
                str(hash(text)),
                text,
            )


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    db = WORK / "bench-index.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    dict_path = Path(os.environ.get("CLAIMS_DICTIONARY_PATH", ROOT / "var" / "dict" / "de-en"))
    thesaurus = Path(os.environ.get("CLAIMS_THESAURUS_DIR", ROOT / "var" / "thesaurus"))
    config = {
        "DICTIONARY_PATH": dict_path,
        "THESAURUS_DIR": thesaurus,
        "DATA_DIR": ROOT / "var",
        "CANDIDATES": 60,
    }
    dictionary = open_dictionary(config)
    pipeline = build_pipeline(dictionary)
    index = SentenceIndex(db)
    t0 = time.perf_counter()
    batch, docs = [], 0
    for doc in documents():
        batch.append(doc)
        if len(batch) == 500:
            index.add_documents(batch, pipeline)
            docs += len(batch)
            batch = []
            print(f"  {docs} documents, {time.perf_counter() - t0:.0f} s", flush=True)
    if batch:
        index.add_documents(batch, pipeline)
        docs += len(batch)
    build_s = time.perf_counter() - t0
    size = sum(Path(str(db) + s).stat().st_size for s in ("", "-wal") if Path(str(db) + s).exists())
    passages = index.passage_count()

    verifier = verifier_for(index, pipeline, dictionary, config)
    for claim in CLAIMS:  # warm-up: page cache and dictionary lookups
        verifier.verify(claim, 5, Config.MIN_SCORE)
    latencies = []
    for _ in range(5):
        for claim in CLAIMS:
            t = time.perf_counter()
            verifier.verify(claim, 5, Config.MIN_SCORE)
            latencies.append((time.perf_counter() - t) * 1000)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows = {
        "documents": docs,
        "passages": passages,
        "index build (s)": f"{build_s:.1f}",
        "index size on disk (MB)": f"{size / 1e6:.1f}",
        "verify p50 (ms)": f"{statistics.median(latencies):.1f}",
        "verify p95 (ms)": f"{percentile(latencies, 95):.1f}",
        "verify p99 (ms)": f"{percentile(latencies, 99):.1f}",
        "verify requests timed": len(latencies),
        "peak memory (MB, max RSS)": f"{peak_mb:.0f}",
    }
    lines = [
        f"# Benchmark results ({date.today().isoformat()})",
        "",
        "`make bench`: FANG-COVID subset (../shared/data/fang-covid), verify logic in-process,",
        f"{len(CLAIMS)} fixed claims x 5 rounds after one warm-up round.",
        "",
        "| measure | value |",
        "| --- | --- |",
    ]
    lines += [f"| {k} | {v} |" for k, v in rows.items()]
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
