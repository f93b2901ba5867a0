"""Engines: run :func:`extractor.api.process_item` over a stream of inputs, in order.

- ``jobs == 1``: in this process.
- ``jobs > 1`` (default: all cores): worker processes, each loading the spaCy pipeline once
  when it starts. Inputs travel as paths (archive members as bytes), in chunks; results come
  back one by one and are yielded in input order, with a bounded window in flight so memory
  stays flat. A worker that dies (segfault, OOM kill) loses nothing: the input it held is
  recorded as failed (stage ``crash``), the rest of its chunk goes to a fresh worker.
- ``engine="dask"``: the same work on a Dask distributed cluster (``scheduler`` address, or a
  ``distributed.Client``): chunks of inputs are tasks; each worker process loads the pipeline
  once (``extractor.nlp.load_pipeline`` is cached per process).

Every engine yields one :class:`extractor.api.FileResult` per input, in input order, so the
tables do not depend on the engine or the number of jobs.
"""
from __future__ import annotations

import collections
import multiprocessing as mp
import os
import signal
from multiprocessing.connection import wait
from typing import Iterable, Iterator

from .api import FileResult
from .inputs import Item
from .table import error_row, failed_filing_row

DEFAULT_CHUNKSIZE = 16
_state: dict = {}


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def model_version() -> str:
    """The pipeline's version: ``'rules'`` without the trained model (not shipped, or
    ``EXTRACTOR_RULES_ONLY``), else its ``meta['version']`` plus a fingerprint of the model's
    files (``0.0.0+3f2a9c1b``), so a retrained model with an unchanged version still counts as new."""
    import hashlib
    import json

    from .nlp import model_path, rules_only

    path = model_path()
    if path is None or rules_only():
        return "rules"
    digest = hashlib.sha256()
    version = "unknown"
    try:
        with open(path / "meta.json", encoding="utf-8") as fh:
            version = str(json.load(fh).get("version") or "unknown")
        for f in sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                        and p.suffix not in (".pyc", ".py")):
            digest.update(str(f.relative_to(path)).encode())
            digest.update(f.read_bytes())
    except (OSError, ValueError):
        pass
    return f"{version}+{digest.hexdigest()[:8]}"


def run(stream: Iterable[Item | FileResult], *, jobs: int | None = None, max_bytes: int = 100_000_000,
        timeout: float | None = -1, engine: str = "local", scheduler=None,
        chunksize: int = DEFAULT_CHUNKSIZE, start_method: str | None = None) -> Iterator[FileResult]:
    """One FileResult per element of ``stream`` (FileResults pass through), in order."""
    opts = {"max_bytes": max_bytes, "timeout": timeout}
    if engine == "dask":
        yield from run_dask(stream, scheduler, chunksize=chunksize, **opts)
        return
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}: use local or dask")
    jobs = default_jobs() if not jobs or jobs < 1 else jobs
    if jobs == 1:
        yield from _run_inline(stream, opts)
    else:
        yield from _Pool(jobs, opts, chunksize, start_method).run(stream)


def _process(item: Item, opts: dict, nlp) -> FileResult:
    from . import api

    return api.process_item(item, nlp=nlp, **opts)


def _run_inline(stream, opts) -> Iterator[FileResult]:
    nlp = None
    for x in stream:
        if isinstance(x, FileResult):
            yield x
            continue
        if nlp is None and x.error is None:
            from .nlp import load_pipeline
            nlp = load_pipeline()
        yield _process(x, opts, nlp)


def crashed(item: Item, why: str) -> FileResult:
    return FileResult(item.source_file, failed_filing_row(item.source_file),
                      error=error_row(item.source_file, "crash", why))


# ---------------------------------------------------------------- local worker processes

def _worker_init() -> object:
    """Load the pipeline once per worker and warm it up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    from .nlp import load_pipeline

    nlp = load_pipeline()
    list(nlp.pipe(["The 1-for-10 reverse stock split was effective on May 1, 2024."]))
    return nlp


def _worker_main(conn, opts: dict) -> None:
    try:
        nlp = _worker_init()
    except BaseException as exc:  # noqa: BLE001 - report and stop
        conn.send(("init-error", f"{type(exc).__name__}: {exc}"))
        return
    import queue
    import threading

    # A reader thread takes chunks off the pipe as they come, so the parent never blocks
    # sending a chunk while this process blocks sending a result (no pipe deadlock however
    # large the chunks of archive members); inputs run in the main thread (SIGALRM budgets).
    tasks: queue.Queue = queue.Queue()

    def reader():
        while True:
            try:
                msg = conn.recv()
            except (EOFError, OSError):
                msg = None
            tasks.put(msg)
            if msg is None:
                return

    threading.Thread(target=reader, name="extractor-tasks", daemon=True).start()
    conn.send(("ready", None))
    while True:
        msg = tasks.get()
        if msg is None:
            return
        for seq, item in msg:
            conn.send((seq, _process(item, opts, nlp)))


class _Worker:
    def __init__(self, ctx, opts):
        self.conn, child = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(target=_worker_main, args=(child, opts), daemon=True)
        self.proc.start()
        child.close()
        self.pending: collections.deque = collections.deque()   # (seq, item) sent, not answered
        self.ready = False


class _Pool:
    def __init__(self, jobs: int, opts: dict, chunksize: int, start_method: str | None):
        method = start_method or os.environ.get("EXTRACTOR_START_METHOD") or (
            "fork" if "fork" in mp.get_all_start_methods() else "spawn")
        self.ctx = mp.get_context(method)
        self.jobs, self.opts, self.chunksize = jobs, opts, max(1, chunksize)
        self.window = max(64, jobs * self.chunksize * 4)   # inputs in flight at most
        if method == "fork":
            # load the pipeline here once: forked workers share it (copy-on-write) and start at once
            from .nlp import load_pipeline
            load_pipeline()

    def _spawn(self) -> _Worker:
        return _Worker(self.ctx, self.opts)

    def run(self, stream) -> Iterator[FileResult]:
        source = iter(stream)
        retry: collections.deque = collections.deque()     # (seq, item) to send again
        done: dict[int, FileResult] = {}
        next_seq = 0        # the next result to yield
        seq = 0             # the next input's number
        exhausted = False
        workers = [self._spawn() for _ in range(self.jobs)]
        try:
            while True:
                # hand out chunks: each worker holds at most two chunks
                for w in workers:
                    while w.ready and len(w.pending) < 2 * self.chunksize:
                        chunk = []
                        while len(chunk) < self.chunksize and retry:
                            chunk.append(retry.popleft())
                        while len(chunk) < self.chunksize and not exhausted and seq - next_seq < self.window:
                            try:
                                x = next(source)
                            except StopIteration:
                                exhausted = True
                                break
                            if isinstance(x, FileResult) or x.error is not None:
                                done[seq] = x if isinstance(x, FileResult) else _process(x, self.opts, None)
                            else:
                                chunk.append((seq, x))
                            seq += 1
                        if not chunk:
                            break
                        w.conn.send(chunk)
                        w.pending.extend(chunk)
                while next_seq in done:
                    yield done.pop(next_seq)
                    next_seq += 1
                if exhausted and not retry and next_seq == seq:
                    return
                if not any(w.pending for w in workers) and not retry and all(w.ready for w in workers):
                    continue  # nothing to wait for: hand out more (or finish)
                ready = wait([w.conn for w in workers] + [w.proc.sentinel for w in workers])
                for w in list(workers):
                    if w.conn in ready or w.proc.sentinel in ready:
                        if not self._drain(w, done):
                            workers[workers.index(w)] = self._replace(w, done, retry)
        finally:
            for w in workers:
                try:
                    w.conn.send(None)
                except (OSError, ValueError):
                    pass
            for w in workers:
                w.proc.join(timeout=2)
                if w.proc.is_alive():
                    w.proc.kill()
                    w.proc.join(timeout=2)
                w.conn.close()

    def _drain(self, w: _Worker, done: dict) -> bool:
        """Read what the worker sent; False when it is dead."""
        try:
            while w.conn.poll():
                tag, payload = w.conn.recv()
                if tag == "ready":
                    w.ready = True
                elif tag == "init-error":
                    raise RuntimeError(f"extraction worker could not start: {payload}")
                else:
                    done[tag] = payload
                    if w.pending and w.pending[0][0] == tag:
                        w.pending.popleft()
                    else:  # pragma: no cover - answers come in order
                        w.pending = collections.deque(p for p in w.pending if p[0] != tag)
        except (EOFError, OSError):
            return False
        return w.proc.is_alive() or bool(w.conn.poll())

    def _replace(self, w: _Worker, done: dict, retry: collections.deque) -> _Worker:
        w.proc.join(timeout=5)
        code = w.proc.exitcode
        if not w.ready:
            raise RuntimeError(f"extraction worker died while starting (exit code {code})")
        why = (f"the worker process died (signal {signal.Signals(-code).name})" if code is not None and code < 0
               else f"the worker process died (exit code {code})")
        if w.pending:
            s, item = w.pending.popleft()
            done[s] = crashed(item, why + " while extracting this input")
        retry.extendleft(reversed(w.pending))
        w.conn.close()
        return self._spawn()


# ---------------------------------------------------------------- Dask

def _dask_chunk(chunk: list, opts: dict) -> list:
    """A Dask task: extract a chunk of inputs on a worker (the pipeline is loaded once per process)."""
    from .nlp import load_pipeline

    nlp = load_pipeline()
    return [_process(item, opts, nlp) for item in chunk]


def run_dask(stream, scheduler=None, *, chunksize: int = DEFAULT_CHUNKSIZE, **opts) -> Iterator[FileResult]:
    """The same extraction on a Dask distributed cluster; results in input order."""
    from distributed import Client

    own = not isinstance(scheduler, Client)
    if own and not scheduler:
        raise ValueError("the dask engine needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    client = Client(scheduler) if own else scheduler
    try:
        nworkers = max(1, len(client.scheduler_info().get("workers", {})))
        window = 4 * nworkers
        pending: collections.deque = collections.deque()   # (items, future | [results])

        def submit(chunk):
            items = [x for x in chunk if not isinstance(x, FileResult) and x.error is None]
            fut = client.submit(_dask_chunk, items, opts, pure=False) if items else None
            pending.append((chunk, fut))

        chunk = []
        for x in stream:
            chunk.append(x)
            if len(chunk) >= chunksize:
                submit(chunk)
                chunk = []
                while len(pending) >= window:
                    yield from _dask_collect(*pending.popleft(), opts)
        if chunk:
            submit(chunk)
        while pending:
            yield from _dask_collect(*pending.popleft(), opts)
    finally:
        if own:
            client.close()


def _dask_collect(chunk, fut, opts) -> Iterator[FileResult]:
    results: list = []
    if fut is not None:
        try:
            results = fut.result()
        except Exception as exc:  # noqa: BLE001 - a killed worker, a lost task
            why = f"the dask task failed: {type(exc).__name__}: {exc}"
            results = [crashed(x, why) for x in chunk if not isinstance(x, FileResult) and x.error is None]
    it = iter(results)
    for x in chunk:
        if isinstance(x, FileResult):
            yield x
        elif x.error is not None:
            yield _process(x, opts, None)
        else:
            yield next(it)
