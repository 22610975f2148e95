"""A threaded HTTP server on 127.0.0.1 (free port) that serves a :class:`~demo_site.site.Site`.

It counts the requests per path (``hits``) so tests can prove what a crawler did
and did not ask for. Use as a context manager::

    with SiteServer(Site.sample(hostile=True)) as server:
        server.site.write_sources(tmp / "sources.yaml")
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from demo_site.site import Reply, Site


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        parts = urlsplit(self.path)
        server = self.server
        with server.lock:
            server.hits[parts.path] += 1
            server.times.setdefault(parts.path, []).append(time.monotonic())
            server.in_flight += 1
            server.max_in_flight = max(server.max_in_flight, server.in_flight)
        try:
            self._reply(server.site.route(parts.path, parse_qs(parts.query),
                                          {k.lower(): v for k, v in self.headers.items()}))
        finally:
            with server.lock:
                server.in_flight -= 1

    def _reply(self, reply: Reply) -> None:
        if reply.delay:
            time.sleep(reply.delay)
        try:
            self.send_response(reply.status)
            body = reply.body
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if isinstance(body, bytes):
                if "Content-Length" not in reply.headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            elif reply.headers.get("Transfer-Encoding") == "chunked":
                self.end_headers()
                for chunk in body:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                self.wfile.write(b"0\r\n\r\n")
            else:
                self.send_header("Connection", "close")
                self.end_headers()
                for chunk in body:
                    self.wfile.write(chunk)
                self.close_connection = True
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (size limit, timeout)
            self.close_connection = True

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default backlog of 5 drops connections under a concurrent crawl

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients that hang up (size limits, timeouts) are part of the test, not errors."""
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)
    site: Site
    hits: Counter
    times: dict[str, list[float]]  # when each path was asked for (monotonic clock): proves waits
    lock: threading.Lock
    in_flight: int = 0
    max_in_flight: int = 0  # most requests answered at once: checks per-domain concurrency


class SiteServer:
    def __init__(self, site: Site, host: str = "127.0.0.1", port: int = 0) -> None:
        self.site = site
        self.httpd = _Server((host, port), _Handler)
        self.httpd.site = site
        self.httpd.hits = Counter()
        self.httpd.times = {}
        self.httpd.lock = threading.Lock()
        self.port = self.httpd.server_address[1]
        site.bind(host, self.port)
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="demo-site", daemon=True)

    @property
    def base_url(self) -> str:
        return self.site.base

    @property
    def hits(self) -> Counter:
        return self.httpd.hits

    @property
    def times(self) -> dict[str, list[float]]:
        return self.httpd.times

    @property
    def max_in_flight(self) -> int:
        return self.httpd.max_in_flight

    def start(self) -> SiteServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> SiteServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main() -> None:
    """``python -m demo_site.server``: serve the sample site until Ctrl-C (port 8765 unless given)."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--hostile", action="store_true")
    args = parser.parse_args()
    with SiteServer(Site.sample(hostile=args.hostile), port=args.port) as server:
        print(f"serving the demo site on {server.base_url}; sources:\n{server.site.sources_yaml()}", flush=True)
        try:
            server.thread.join()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
