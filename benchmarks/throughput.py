#!/usr/bin/env python3
"""Throughput benchmark: the extractor against a naive baseline, at 1,000 and 5,000 filings.

    .venv/bin/python benchmarks/throughput.py [--corpus DIR] [--sizes 1000,5000] [--jobs 1,2]
                                              [--baseline-files 300] [--json]

The workload replicates the dev corpus (hard links with distinct names, in a temp dir) to
the largest size. Each configuration runs in a fresh subprocess (so peak memory is its own)
that streams the run to a Parquet output exactly as ``extractor extract DIR -o out.parquet
--jobs N`` does. Reported: filings/s, MB/s, peak RSS of the whole process tree (the parent
and its workers: PSS and RSS summed from /proc/PID/smaps_rollup every 0.25 s; ``getrusage`` maxima
alongside), and the
ratio to the baseline. The baseline is what a user writes in an afternoon: per-sentence
keyword match + ``dateparser.search.search_dates``, one process.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "dev" / "filings"


# ---------------------------------------------------------------- memory of the process tree

def _mem_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in kB; PSS shares pages between the processes that map them."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


def _children(pid: int) -> list[int]:
    out = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as fh:
                out += [int(x) for x in fh.read().split()]
    except OSError:
        pass
    return out


def tree_mem_kb(root: int) -> tuple[int, int]:
    rss = pss = 0
    stack = [root]
    while stack:
        pid = stack.pop()
        r, p = _mem_kb(pid)
        rss, pss = rss + r, pss + p
        stack += _children(pid)
    return rss, pss


class PeakSampler(threading.Thread):
    def __init__(self, every: float = 0.25):
        super().__init__(daemon=True)
        self.every, self.peak_rss, self.peak_pss, self.stop_flag = every, 0, 0, False

    cpu = 0.0  # the sampler's own CPU time, left out of the parent's

    def run(self):
        me = os.getpid()
        while not self.stop_flag:
            rss, pss = tree_mem_kb(me)
            self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)
            self.cpu = time.thread_time()
            time.sleep(self.every)

    def stop(self) -> tuple[int, int]:
        self.stop_flag = True
        self.join()
        return self.peak_rss, self.peak_pss


# ---------------------------------------------------------------- workload

def build_workload(corpus: Path, n: int, dest: Path) -> list[Path]:
    """``n`` files: the corpus replicated as hard links (copies across devices), distinct names."""
    src = sorted(p for p in corpus.iterdir() if p.is_file())
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        s = src[i % len(src)]
        d = dest / f"r{i // len(src):03d}_{s.name}"
        if not d.exists():
            try:
                os.link(s, d)
            except OSError:
                shutil.copyfile(s, d)
        out.append(d)
    return out


# ---------------------------------------------------------------- one configuration (in a subprocess)

_KEYWORDS = re.compile(r"reverse\s+(?:stock\s+)?split|stock\s+split|dividend|annual\s+meeting|special\s+meeting|"
                       r"merger|change\s+(?:its|our)\s+name|delist", re.I)
_TAG = re.compile(r"<[^>]+>")
_SENT = re.compile(r"(?<=[.!?])\s+")


def baseline(files: list[Path]) -> int:
    """Per-sentence keywords + dateparser.search.search_dates: the afternoon script."""
    from dateparser.search import search_dates

    found = 0
    for f in files:
        text = _TAG.sub(" ", f.read_text(errors="replace"))
        for sent in _SENT.split(re.sub(r"\s+", " ", text)):
            if _KEYWORDS.search(sent):
                dates = search_dates(sent[:1000], languages=["en"])
                found += bool(dates)
    return found


def one(mode: str, workdir: Path, jobs: int, n: int) -> dict:
    files = sorted(workdir.iterdir())[:n]
    mb = sum(f.stat().st_size for f in files) / 1e6
    sampler = PeakSampler()
    sampler.start()
    t0 = time.perf_counter()
    if mode == "baseline":
        baseline(files)
        events = None
    else:
        from extractor.api import extract_to

        manifest = workdir.parent / f"manifest-{n}.txt"
        manifest.write_text("\n".join(str(f) for f in files) + "\n")
        out = workdir.parent / f"out-{jobs}-{n}" / "events.parquet"
        extract_to([f"@{manifest}"], str(out), jobs=jobs, quiet=True)
        import pyarrow.parquet as pq
        events = pq.read_metadata(out).num_rows
    dt = time.perf_counter() - t0
    peak_rss, peak_pss = sampler.stop()
    rs, rc = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    ru_self, ru_children = rs.ru_maxrss, rc.ru_maxrss
    parent = rs.ru_utime + rs.ru_stime - sampler.cpu
    cpu = parent + rc.ru_utime + rc.ru_stime   # the whole tree, startup (imports, pipeline load) included
    return {"mode": mode, "jobs": jobs, "files": n, "seconds": round(dt, 2), "filings_per_s": round(n / dt, 1),
            "mb_per_s": round(mb / dt, 2), "peak_tree_pss_mb": round(peak_pss / 1024, 1),
            "peak_tree_rss_mb": round(peak_rss / 1024, 1),
            "maxrss_self_mb": round(ru_self / 1024, 1), "maxrss_largest_child_mb": round(ru_children / 1024, 1),
            "cpu_ms_per_filing": round(cpu * 1000 / n, 1),
            "parent_cpu_ms_per_filing": round(parent * 1000 / n, 1), "events": events}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--sizes", default="1000,5000")
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--baseline-files", type=int, default=300)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--one", nargs=4, metavar=("MODE", "WORKDIR", "JOBS", "N"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        mode, wd, jobs, n = args.one
        print(json.dumps(one(mode, Path(wd), int(jobs), int(n))))
        return
    sizes = [int(x) for x in args.sizes.split(",")]
    jobs_list = [int(x) for x in args.jobs.split(",")]
    tmp = Path(tempfile.mkdtemp(prefix="extractor-bench-"))
    try:
        work = tmp / "filings"
        build_workload(args.corpus, max(sizes + [args.baseline_files]), work)
        runs = [("baseline", 1, args.baseline_files)] + [("extractor", j, n) for j in jobs_list for n in sizes]
        results = []
        for mode, j, n in runs:
            proc = subprocess.run([sys.executable, __file__, "--one", mode, str(work), str(j), str(n)],
                                  capture_output=True, text=True)
            if proc.returncode:
                sys.exit(f"{mode} jobs={j} n={n} failed:\n{proc.stderr}")
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            results.append(r)
            if not args.json:
                print(f"{mode:9} jobs={j} files={n:5}: {r['filings_per_s']:7.1f} filings/s  {r['mb_per_s']:6.2f} MB/s  "
                      f"{r['cpu_ms_per_filing']:5.1f} CPU ms/filing ({r['parent_cpu_ms_per_filing']:4.1f} parent)  peak tree PSS {r['peak_tree_pss_mb']:7.1f} MB (RSS sum {r['peak_tree_rss_mb']:7.1f} MB)  ({r['seconds']} s)", flush=True)
        base = results[0]["filings_per_s"]
        for r in results[1:]:
            r["ratio_to_baseline"] = round(r["filings_per_s"] / base, 1) if base else None
        if args.json:
            print(json.dumps(results, indent=2))
        else:
            print(f"\ncpus: {os.cpu_count()}  corpus: {args.corpus}  mean file size: "
                  f"{sum(p.stat().st_size for p in args.corpus.iterdir()) / len(list(args.corpus.iterdir())) / 1e3:.1f} KB")
            for r in results[1:]:
                print(f"jobs={r['jobs']} files={r['files']}: {r['ratio_to_baseline']}x the baseline")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
