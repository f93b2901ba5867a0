"""A loopback HTTP server that plays EDGAR's Archives for the fetch tests.

It serves a directory laid out like ``https://www.sec.gov/Archives`` (``edgar/full-index``,
``edgar/daily-index``, ``edgar/data``) on 127.0.0.1, and

* records every request (monotonic time, method, path, status, headers) so tests can
  measure the request rate and see what was downloaded;
* answers like EDGAR does: ``Last-Modified``/``If-Modified-Since`` (304), ``HEAD``,
  ``Range: bytes=N-`` (206), 404 for what it does not have, and 403 without a User-Agent;
* injects faults on chosen paths, one per request, in order: ``"429"`` (with
  ``Retry-After``), ``"500"``, ``"503"``, ``"drop"`` (close the connection without an
  answer), ``"truncate"`` (send the headers and half the body, then close) and ``"stall"``
  (send the headers and half the body, then hang until released or closed).

Standalone: ``python tests/edgar_server.py ROOT [--port N]`` serves ROOT until Ctrl-C.
"""
from __future__ import annotations

import email.utils
import os
import posixpath
import threading
import time
import urllib.parse
from collections import defaultdict
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# every file served claims this Last-Modified, so runs against the server are reproducible
FIXED_LAST_MODIFIED = 1735689600.0          # 2025-01-01T00:00:00Z


@dataclass
class Hit:
    time: float          # time.monotonic() when its connection was accepted
    method: str
    path: str            # URL path relative to the root, e.g. "edgar/data/9900002/....txt"
    status: int
    headers: dict = field(default_factory=dict)
    fault: str | None = None


class EdgarServer:
    """``with EdgarServer(root) as srv: srv.base_url ...``"""

    def __init__(self, root: str | os.PathLike, *, retry_after: str = "1",
                 last_modified: float | None = FIXED_LAST_MODIFIED, port: int = 0,
                 require_user_agent: bool = True):
        self.root = Path(root).resolve()
        self.retry_after = retry_after
        self.last_modified = last_modified
        self.require_user_agent = require_user_agent
        self.hits: list[Hit] = []
        self.faults: dict[str, list[str]] = defaultdict(list)
        self.stall_started = threading.Event()
        self.release = threading.Event()
        self._lock = threading.Lock()
        handler = type("Handler", (_Handler,), {"server_ref": self})
        self.httpd = _Server(("127.0.0.1", port), handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------
    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> "EdgarServer":
        self._thread = threading.Thread(target=self.httpd.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        if self._thread:
            self._thread.join(5)

    def __enter__(self) -> "EdgarServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- test controls -----------------------------------------------------------
    def inject(self, path: str, *faults: str) -> None:
        """Answer the next requests for ``path`` with these faults, one each, in order."""
        with self._lock:
            self.faults[path.lstrip("/")].extend(faults)

    def reset(self) -> None:
        with self._lock:
            self.hits.clear()
            self.faults.clear()
        self.stall_started.clear()
        self.release.clear()

    def _take_fault(self, path: str) -> str | None:
        with self._lock:
            queue = self.faults.get(path)
            return queue.pop(0) if queue else None

    def _record(self, hit: Hit) -> None:
        with self._lock:
            self.hits.append(hit)

    # -- measurements ------------------------------------------------------------
    def requests(self, method: str | None = None, prefix: str = "") -> list[Hit]:
        with self._lock:
            return [h for h in self.hits
                    if (method is None or h.method == method) and h.path.startswith(prefix)]

    def downloaded(self, prefix: str = "edgar/data/") -> list[str]:
        """Paths whose body was sent in full (200 or 206) to a GET."""
        return [h.path for h in self.requests("GET", prefix)
                if h.status in (200, 206) and h.fault is None]

    def max_in_window(self, window: float = 1.0) -> int:
        """Most requests received in any half-open interval ``[t, t + window)``."""
        times = sorted(h.time for h in self.requests())
        best, j = 0, 0
        for i, t in enumerate(times):
            while times[j] <= t - window:
                j += 1
            best = max(best, i - j + 1)
        return best


class _Server(ThreadingHTTPServer):
    """Notes when each connection was accepted (in the accept loop, before any thread
    is started), which is when the client let the request go: the time the rate is
    measured by."""

    def __init__(self, *args, **kwargs):
        self.accepted_at: dict = {}
        self._accept_lock = threading.Lock()
        super().__init__(*args, **kwargs)

    def process_request(self, request, client_address):
        with self._accept_lock:
            self.accepted_at[request] = time.monotonic()
        super().process_request(request, client_address)

    def accepted(self, request) -> float | None:
        with self._accept_lock:
            return self.accepted_at.pop(request, None)


class _Handler(BaseHTTPRequestHandler):
    server_ref: EdgarServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):      # quiet
        pass

    def do_HEAD(self):
        self._serve(head=True)

    def do_GET(self):
        self._serve(head=False)

    # --------------------------------------------------------------------------
    def _serve(self, head: bool) -> None:
        srv = self.server_ref
        t = self.server.accepted(self.request) or time.monotonic()
        rel = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path).lstrip("/")
        hit = Hit(t, self.command, rel, 0, dict(self.headers.items()))
        srv._record(hit)           # now, so a reset() also forgets requests still in flight
        try:
            self._respond(srv, rel, head, hit)
        except OSError:            # the client went away (killed, timed out)
            self.close_connection = True

    def _send_simple(self, hit: Hit, code: int, body: bytes = b"", headers: dict | None = None):
        hit.status = code
        self.send_response(code)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(body)

    def _respond(self, srv: EdgarServer, rel: str, head: bool, hit: Hit) -> None:
        if srv.require_user_agent and not self.headers.get("User-Agent"):
            self._send_simple(hit, 403, b"Undeclared Automated Tool\n")
            return
        fault = srv._take_fault(rel)
        hit.fault = fault
        if fault == "drop":
            hit.status = -1
            self.close_connection = True
            self.connection.shutdown(2)
            return
        if fault == "429":
            self._send_simple(hit, 429, b"Too Many Requests\n", {"Retry-After": srv.retry_after})
            return
        if fault in ("500", "503"):
            self._send_simple(hit, int(fault), b"Server Error\n")
            return

        norm = posixpath.normpath(rel)
        target = (srv.root / norm).resolve()
        if norm.startswith("..") or srv.root not in target.parents or not target.is_file():
            self._send_simple(hit, 404, b"Not Found\n")
            return
        mtime = srv.last_modified if srv.last_modified is not None else target.stat().st_mtime
        last_modified = email.utils.formatdate(mtime, usegmt=True)
        ims = self.headers.get("If-Modified-Since")
        if ims and fault is None:
            try:
                since = email.utils.parsedate_to_datetime(ims).timestamp()
            except (TypeError, ValueError):
                since = None
            if since is not None and int(mtime) <= int(since):
                hit.status = 304
                self.send_response(304)
                self.send_header("Last-Modified", last_modified)
                self.end_headers()
                return

        data = target.read_bytes()
        status, body, extra = 200, data, {}
        rng = self.headers.get("Range")
        if rng and rng.startswith("bytes=") and rng.endswith("-") and fault is None:
            start = int(rng[len("bytes="):-1])
            if start >= len(data):
                self._send_simple(hit, 416, b"", {"Content-Range": f"bytes */{len(data)}"})
                return
            status, body = 206, data[start:]
            extra["Content-Range"] = f"bytes {start}-{len(data) - 1}/{len(data)}"
        hit.status = status
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", last_modified)
        self.send_header("Accept-Ranges", "bytes")
        for k, v in extra.items():
            self.send_header(k, v)
        self.end_headers()
        if head:
            return
        if fault in ("truncate", "stall"):
            half = max(1, len(body) // 2)
            self.wfile.write(body[:half])
            self.wfile.flush()
            if fault == "stall":
                srv.stall_started.set()
                srv.release.wait(30)
            self.close_connection = True
            self.connection.shutdown(2)
            return
        self.wfile.write(body)


def main(argv: list[str] | None = None) -> None:
    import argparse

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("root")
    p.add_argument("--port", type=int, default=8765)
    args = p.parse_args(argv)
    with EdgarServer(args.root, port=args.port, last_modified=None) as srv:
        print(f"serving {srv.root} at {srv.base_url}  (Ctrl-C to stop)")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
