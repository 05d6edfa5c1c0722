"""Serve a built site on 127.0.0.1 the way a static host does.

    python scripts/serve_site.py site/ [--port 8000]

Unlike `python -m http.server`, it compresses text files with gzip (GitHub Pages,
Netlify and every common host do, and Lighthouse measures transfer sizes), lets browsers
cache files for ten minutes (as GitHub Pages does), and answers a missing page with the
site's 404.html (the language's own one under /es/). The browser tests, the link check,
the Lighthouse budget and the screenshots use it.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import io
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache, partial
from pathlib import Path

from iep_tools.project import not_found_page

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
CACHE_CONTROL = "max-age=600"
# LinkChecker slows to about 3 requests a second on a host unless the host answers with
# this header (then its `maxrequestspersecond` applies): this server is local, let it run.
LINKCHECKER_RATE = {"LinkChecker": "unlimited"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path, help="the built site, e.g. site/")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    if not (args.directory / "index.html").is_file():
        parser.error(f"{args.directory} has no index.html: build the site first (mkdocs build)")
    server = make_server(args.directory, args.port)
    print(f"Serving {args.directory} at http://127.0.0.1:{server.server_port}/ (Ctrl+C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def make_server(directory: Path, port: int = 0) -> http.server.ThreadingHTTPServer:
    """A server for `directory` on 127.0.0.1 (port 0: any free port); call serve_forever()."""
    handler = partial(SiteHandler, directory=str(Path(directory).resolve()))
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)


@contextmanager
def serving(directory: Path) -> Iterator[str]:
    """Serve `directory` from a thread while the block runs; yields the base URL."""
    server = make_server(directory)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real hosts do

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the folder with a slash
            path = path / "index.html"
        if not path.is_file():
            return self._send_not_found()
        content_type = self.guess_type(str(path))
        body = path.read_bytes()
        headers = {"Content-Type": content_type, "Cache-Control": CACHE_CONTROL}
        if content_type.startswith(COMPRESSED_TYPES):
            headers["Vary"] = "Accept-Encoding"
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                body = _gzip(str(path), path.stat().st_mtime_ns)
                headers["Content-Encoding"] = "gzip"
        return self._send(200, headers, body)

    def _send_not_found(self):
        page = not_found_page(Path(self.directory), self.path.split("?", 1)[0])  # the language's own
        if page is not None:
            return self._send(404, {"Content-Type": "text/html; charset=utf-8"}, page.read_bytes())
        self.send_error(404)
        return None

    def _send(self, status: int, headers: dict[str, str], body: bytes):
        self.send_response(status)
        for name, value in {**headers, **LINKCHECKER_RATE}.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return None if self.command == "HEAD" else io.BytesIO(body)

    def log_message(self, format, *args):
        if os.environ.get("SERVE_SITE_LOG"):
            super().log_message(format, *args)


@lru_cache(maxsize=512)
def _gzip(path: str, mtime_ns: int) -> bytes:
    return gzip.compress(Path(path).read_bytes(), compresslevel=9, mtime=0)


if __name__ == "__main__":
    sys.exit(main())
