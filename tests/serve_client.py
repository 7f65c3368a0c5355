"""Helpers for the ``reportlint serve`` tests and benchmarks/serve_load.py: start the server in
a subprocess on a free loopback port, post files, read the findings out of the page, compare
them with ``reportlint check``, and measure the memory of the server's process tree."""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

BOUNDARY = "----reportlint-test-boundary"
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# A server script for tests that need a loader that hangs or crashes: the same Checker and server
# as ``reportlint serve``, with engine.load replaced so that a document holding "HANG-" + the
# marker never loads, one holding "CRASH-" + the marker kills its process with SIGSEGV, and one
# holding "PEEK-" + the marker fails to load when another upload holding "SECRET-" + the marker is
# in the memory of the process that checks it.
_SCRIPT = """
import os, signal, sys, time
from pathlib import Path
from reportlint import engine
real = engine.load
def load(path, registry):
    head = Path(path).read_bytes()[:4096]
    if b"HANG-" + sys.argv[1].encode() in head:
        while True:
            time.sleep(1)
    if b"CRASH-" + sys.argv[1].encode() in head:
        os.kill(os.getpid(), signal.SIGSEGV)
    if b"PEEK-" + sys.argv[1].encode() in head:  # is another upload's data in this process?
        import gc
        secret = b"SECRET-" + sys.argv[1].encode()
        if any(type(o).__name__ == "Upload" and secret in o.data for o in gc.get_objects()):
            raise RuntimeError("LEAK: another upload is in this process")
    return real(path, registry)
engine.load = load
from reportlint.config import Config
from reportlint.runner import Limits
from reportlint.serve import Checker, make_server, serve_until_stopped
server = make_server("127.0.0.1", 0, Checker(Config(), limits=Limits(timeout=float(sys.argv[2]))))
sys.stderr.write(f"reportlint：请在浏览器打开 http://127.0.0.1:{server.server_address[1]}/\\n")
sys.stderr.flush()
serve_until_stopped(server)
"""


@dataclass
class ServerProcess:
    process: subprocess.Popen[bytes]
    port: int
    temp: Path  # the server's TMPDIR: its upload copies go here
    log: Path

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        return self.process.returncode

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"


def start_server(folder: Path, marker: str | None = None, timeout: float = 8.0) -> ServerProcess:
    """``reportlint serve --port 0`` (with a marker: the script above, whose checks time out after
    ``timeout`` seconds) with its own TMPDIR and cwd in ``folder``."""
    temp = folder / "server-temp"
    temp.mkdir(parents=True, exist_ok=True)
    log = folder / "server.log"
    env = {**os.environ, "TMPDIR": str(temp), "NO_COLOR": "1"}
    if marker is None:
        cmd = [sys.executable, "-m", "reportlint", "serve", "--port", "0"]
    else:
        cmd = [sys.executable, "-c", _SCRIPT, marker, str(timeout)]
    with open(log, "wb") as out:
        process = subprocess.Popen(cmd, cwd=folder, env=env, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", log.read_text("utf-8", "replace"))
        if found:
            return ServerProcess(process, int(found.group(1)), temp, log)
        if process.poll() is not None:
            raise RuntimeError("server exited: " + log.read_text("utf-8", "replace"))
        time.sleep(0.05)
    process.kill()
    raise RuntimeError("server did not start: " + log.read_text("utf-8", "replace"))


def multipart(name: str | bytes, data: bytes, fields: dict[str, str] | None = None) -> bytes:
    raw_name = name if isinstance(name, bytes) else name.encode("utf-8")
    out = b""
    for key, value in (fields or {}).items():
        out += (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{key}\"\r\n\r\n{value}\r\n").encode()
    return (out + f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"".encode() + raw_name
            + b"\"\r\nContent-Type: application/octet-stream\r\n\r\n" + data + f"\r\n--{BOUNDARY}--\r\n".encode())


def request(port: int, method: str, path: str, body: bytes | None = None,
            headers: dict[str, str] | None = None, timeout: float = 120) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def upload(port: int, name: str | bytes, data: bytes, timeout: float = 120) -> tuple[int, str]:
    status, _, body = request(port, "POST", "/check", multipart(name, data),
                              {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"}, timeout)
    return status, body.decode("utf-8")


_FINDING = re.compile(r'<li class="finding".*?<code>([^<]+)</code>.*?第 (\d+) 行第 (\d+) 字', re.S)


def findings_in_page(page: str) -> list[tuple[str, int, int]]:
    """(rule, line, column) of every finding listed on a report page, sorted."""
    return sorted((m.group(1), int(m.group(2)), int(m.group(3))) for m in _FINDING.finditer(page))


def cli_findings(path: Path) -> list[tuple[str, int, int]]:
    """The same triples from ``reportlint check --format json`` on the file."""
    run = subprocess.run([sys.executable, "-m", "reportlint", "check", "--no-cache", "--format", "json", str(path)],
                         capture_output=True, cwd=path.parent, timeout=300)
    files = json.loads(run.stdout)["files"]
    return sorted((f["rule"], f["line"], f["column"]) for f in files[0]["findings"])


def tree_memory(pid: int) -> tuple[int, int, int]:
    """Resident memory (bytes) of ``pid`` and every process descended from it, now: the sum of
    their RSS (pages shared after fork counted once per process) and of their PSS (shared pages
    divided among their sharers: the memory the tree really holds), and how many processes it has."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    rss = pss = count = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        count += 1
        todo.extend(children.get(p, []))
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1]) * 1024
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1]) * 1024
        except OSError:
            continue
    return rss, pss, count


def examples() -> list[Path]:
    """The bundled example reports (.docx, .pdf, .txt)."""
    return sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".docx", ".pdf", ".txt"))
