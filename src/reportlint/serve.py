"""``reportlint serve``: a small local web page to upload one document and see the HTML report.

Built on the standard library's ``http.server`` (``ThreadingHTTPServer``): one office's
reviewers on one machine need no framework, and nothing is added to install. Each request is
read and answered in a thread of its own, so a slow client or a long check never holds the
others up; the document itself is never parsed in the server process. Every upload, small or
large, is written to a private temporary folder and handed to a checker process forked when
the server started (``checkpool``), which checks it with the same Runner as ``reportlint
check`` with ``isolate_all``: a fresh forked worker per upload, with the CLI's time and memory
limits. So a document that crashes or hangs the parsers costs only its own worker, and no
worker holds another upload. At most ``max(2, cpu_count())`` checks run at once and at most
``MAX_BODIES`` request bodies are held in memory; the others wait their turn.

The server listens on the loopback address unless told otherwise, refuses uploads over
``MAX_UPLOAD_BYTES`` before reading them, looks at the first bytes to decide the type (never
the name or the content type), uses no name from the client on disk, and removes the
temporary copy as soon as the page is built (and, for requests under way, before it exits)."""

from __future__ import annotations

import email.parser
import email.policy
import html
import ipaddress
import secrets
import socket
import sys
import tempfile
import threading
import time
import traceback
from collections import OrderedDict
from dataclasses import dataclass, replace
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from .checkpool import CheckPool
from .config import Config
from .engine import FileResult, Session, Settings, summary
from .errors import LoadError
from .runner import Limits, cpu_count
from .sniff import SUPPORTED_SUFFIXES, sniff
from .stdin import sniffed_suffix

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
_FORM_OVERHEAD = 64 * 1024  # multipart boundaries and part headers around the file
SOCKET_TIMEOUT = 30.0  # seconds a client may stall while sending or reading
MAX_BODIES = 8  # request bodies read into memory at once (8 × 20 MB at worst)
BODY_SECONDS = 300.0  # to send the whole upload (20 MB in 5 minutes: a slow office network)
QUEUE_SECONDS = 120.0  # how long a request waits for its turn before "busy"
DOWNLOADS_KEPT = 32  # annotated copies kept in memory for download, the oldest dropped first
DOWNLOAD_BYTES = 128 * 1024 * 1024  # and never more than this in all
DOWNLOAD_SECONDS = 3600.0  # nor longer than this
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FAMILIES = {"N": "编号", "S": "结构", "M": "措施", "B": "套话与拼凑", "T": "校对"}  # X (extraction) always on


class UploadError(Exception):
    """A request that cannot be checked; ``status`` is the HTTP answer, the message is Chinese."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes
    profile: str | None = None  # a profile id from the form; None: recognised from the text
    families: tuple[str, ...] | None = None  # the rule families ticked; None: all


def upload_name(raw: str | None) -> str:
    """The base name of the uploaded file as the browser sent it (no folders, either slash)."""
    name = PureWindowsPath(PurePosixPath(raw or "").name).name.strip()
    return name[:200] or "上传的文件"


def parse_upload(content_type: str, body: bytes) -> Upload:
    """The ``file`` field (name, bytes) and the chosen profile and families of a multipart/form-data body."""
    if not content_type.lower().startswith("multipart/form-data"):
        raise UploadError(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "请用页面上的表单上传文件（multipart/form-data）")
    head = f"Content-Type: {content_type}\r\n\r\n".encode("latin-1", "replace")
    try:
        msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
        parts = list(msg.iter_parts()) if msg.is_multipart() else []
    except Exception:  # the email parser is lenient, but its header policy raises on some garbage
        parts = []
    if not parts:
        raise UploadError(HTTPStatus.BAD_REQUEST, "上传的数据不完整，请重新选择文件上传")
    found: tuple[str, bytes] | None = None
    profile: str | None = None
    families: list[str] = []
    form = False  # the page's form always sends the "form" field: only then do the boxes count
    for part in parts:
        try:
            field = part.get_param("name", header="content-disposition")
            data = part.get_payload(decode=True)
            filename = part.get_filename() if field == "file" else None
        except Exception:  # a malformed part header: the part is ignored
            continue
        if not isinstance(data, bytes):
            continue
        if field == "file" and found is None:
            found = upload_name(filename), data
        elif field == "profile":
            profile = data.decode("utf-8", "replace").strip()[:64] or None
        elif field == "family":
            families.append(data.decode("ascii", "replace").strip()[:1].upper())
        elif field == "form":
            form = True
    if found is None:
        raise UploadError(HTTPStatus.BAD_REQUEST, "没有收到文件，请先选择要检查的文件")
    return Upload(found[0], found[1], profile,
                  tuple(sorted({f for f in families if f in FAMILIES})) if form else None)


class Downloads:
    """Annotated copies waiting to be downloaded, in memory only, under an unguessable token."""

    def __init__(self) -> None:
        self._items: OrderedDict[str, tuple[float, str, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, name: str, data: bytes) -> str:
        token = secrets.token_urlsafe(18)
        with self._lock:
            self._items[token] = (time.monotonic(), name, data)
            self._trim()
        return token

    def get(self, token: str) -> tuple[str, bytes] | None:
        with self._lock:
            self._trim()
            item = self._items.get(token)
        return (item[1], item[2]) if item else None

    def _trim(self) -> None:
        now = time.monotonic()
        while self._items and (len(self._items) > DOWNLOADS_KEPT
                               or sum(len(v[2]) for v in self._items.values()) > DOWNLOAD_BYTES
                               or now - next(iter(self._items.values()))[0] > DOWNLOAD_SECONDS):
            self._items.popitem(last=False)


class Checker:
    """Checks uploaded bytes as ``reportlint check`` checks a file; one Session for the server's life."""

    def __init__(self, config: Config, timeout: float | None = None, limits: Limits | None = None) -> None:
        self.session = Session()
        self.config = config
        self.limits = limits or (Limits(timeout=timeout) if timeout is not None else Limits())
        self.registry, self.rulebook = self.session.books(config)
        self.downloads = Downloads()
        self._warm()
        # forked now, before any upload exists in this process (checkpool.py says why)
        # at least two: one document that runs to its time limit never holds up everybody else
        self.pool = CheckPool(self.session, config, self.limits, max(2, cpu_count()))

    def close(self) -> None:
        self.pool.close()

    def _warm(self) -> None:
        """Load the segmenter and the parsers, and run every rule once over the rules' own
        examples, here, once: every forked worker inherits them instead of paying for them."""
        from .engine import active_rules, analyse, run_checks
        from .model import Block, Document
        from .segment import tagger

        try:
            tagger()
            import lxml.etree  # noqa: F401
            import pdfminer.converter
            import pdfminer.pdfinterp  # noqa: F401

            from .loaders import docx, pdf  # noqa: F401

            text = "\n".join(x for r in self.rulebook.rules.values() for x in r.bad)
            doc = Document("warm-up.txt", tuple(Block(i, t) for i, t in enumerate(text.split("\n"))))
            ctx, profile = analyse(doc, self.rulebook, None)
            settings = Settings(full_text=True)
            run_checks(ctx, active_rules(self.rulebook, self.config, settings, profile, Path("warm-up.txt")),
                       self.registry)
        except Exception:  # a rule or loader that fails here fails in the worker (X100), as in the CLI
            pass

    def profiles(self) -> list[tuple[str, str]]:
        return sorted(((p.id, p.name) for p in self.rulebook.profiles.values()), key=lambda p: p[0])

    def settings_for(self, upload: Upload) -> Settings:
        profile = upload.profile if upload.profile in self.rulebook.profiles else None
        ignore = tuple(f for f in FAMILIES if upload.families is not None and f not in upload.families)
        return Settings(full_text=True, profile=profile, ignore=ignore)

    def check(self, upload: Upload) -> tuple[FileResult, list[tuple[str, str]]]:
        """The result of one upload and its downloads (link, label): for a .docx with findings, the copy
        with a comment per finding and, when some can be corrected, the copy with tracked changes."""
        suffix = Path(upload.name).suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES:
            suffix = sniffed_suffix(upload.data)  # the name says nothing usable: the first bytes decide
        links: list[tuple[str, str]] = []
        with tempfile.TemporaryDirectory(prefix="reportlint-upload-") as tmp:
            path = Path(tmp) / f"upload{suffix}"
            try:
                sniff(path, upload.data)  # a .doc, an RTF file or a binary is refused before any parser sees it
            except LoadError as exc:
                return FileResult(upload.name, error=exc.as_error()), []
            path.write_bytes(upload.data)
            result, written = self.pool.check(path, self.settings_for(upload), Path(tmp) if suffix == ".docx" else None)
            stem = Path(upload.name).stem
            for name, (suffix_name, label) in DOWNLOADS.items():
                target = Path(tmp) / name
                if name in written and target.is_file():
                    token = self.downloads.add(f"{stem}-{suffix_name}.docx", target.read_bytes())
                    links.append((f"/download/{token}", label))
        result.path = upload.name
        result.findings = [replace(f, path=upload.name) for f in result.findings]
        return result, links

    def page(self, result: FileResult, links: list[tuple[str, str]] | None = None) -> str:
        from .reporters.html import render

        return render([result], {"summary": summary([result]), "rules": self.rulebook.rules, "upload_again": True,
                                 "downloads": links or []})


# the copies offered for download: file written by the checker → (end of the downloaded name, link text)
DOWNLOADS = {
    "annotated.docx": ("批注", "下载带批注的 Word 文件（每个问题一条批注）"),
    "fixed.docx": ("修订", "下载带修订的 Word 文件（可改正的问题已作为修订写入，可在 Word 中逐条接受或拒绝）"),
}


FORM = """<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>reportlint 在线检查</title>
<style>
body{margin:2rem auto;max-width:44rem;padding:0 1rem;color:#1a1a1a;
font:16px/1.7 "Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif}
h1{font-size:1.4rem}label.main{display:block;font-weight:bold;margin:.5rem 0}
input,button,select{font:inherit}button{margin-top:1rem;padding:.4rem 1.5rem;background:#1a56db;color:#fff;
border:0;border-radius:4px;cursor:pointer}
button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #1a56db;outline-offset:2px}
fieldset{border:1px solid #ccc;margin:1rem 0 0;padding:.3rem .8rem}fieldset label{margin-right:1rem}
.note{color:#555}.error{border:1px solid #b3261e;background:#fde2e1;padding:.5rem .8rem}
</style></head>
<body>
<main>
<h1>reportlint：检查公文报告</h1>
{message}
<form method="post" action="/check" enctype="multipart/form-data">
<input type="hidden" name="form" value="1">
<label class="main" for="file">选择要检查的文件</label>
<input id="file" name="file" type="file" required accept=".docx,.pdf,.txt,.md"
 aria-describedby="file-note">
<p id="file-note" class="note">支持 Word（.docx）、PDF、纯文本（.txt、.md），不超过 20 MB。
文件只在本机检查，检查完即删除临时副本。</p>
<label class="main" for="profile">文种</label>
<select id="profile" name="profile">
<option value="">自动识别</option>
{profiles}
</select>
<fieldset><legend>检查哪些类别</legend>
{families}
<p class="note">文件无法读取或文字提取有问题（X 类）时总会提示。</p>
</fieldset>
<button type="submit">检查</button>
</form>
</main>
</body>
</html>
"""


def form_page(message: str = "", profiles: list[tuple[str, str]] | None = None) -> str:
    shown = f'<p class="error" role="alert">{html.escape(message)}</p>' if message else ""
    options = "\n".join(f'<option value="{html.escape(pid)}">{html.escape(name)}</option>'
                        for pid, name in profiles or [])
    boxes = "\n".join(f'<label><input type="checkbox" name="family" value="{code}" checked> {code} {label}</label>'
                      for code, label in FAMILIES.items())
    values = {"message": shown, "profiles": options, "families": boxes}
    out = FORM
    for key, value in values.items():  # the template's own text only: values are never scanned again
        out = out.replace("{" + key + "}", value, 1)
    return out


_REFUSALS = {
    HTTPStatus.BAD_REQUEST: "请求的格式不对，请用页面上的表单上传文件",
    HTTPStatus.NOT_IMPLEMENTED: "不支持这种请求方式，请用页面上的表单上传文件",
    HTTPStatus.REQUEST_URI_TOO_LONG: "网址太长，请从首页重新打开",
    HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE: "请求头太长，请用页面上的表单上传文件",
    HTTPStatus.HTTP_VERSION_NOT_SUPPORTED: "不支持这个 HTTP 版本，请换用常见的浏览器",
}
INTERNAL_ERROR = "服务器处理这个文件时出错，文件未检查；请重试，仍不行请把文件交给管理员"


class Handler(BaseHTTPRequestHandler):
    server_version = "reportlint"
    sys_version = ""
    timeout = SOCKET_TIMEOUT
    checker: Checker  # set on the subclass make_server builds
    allowed_hosts: frozenset[str] | None = None  # None: any Host (the server listens beyond loopback)
    bodies: threading.BoundedSemaphore  # request bodies held at once, shared by the server's handlers

    def log_message(self, format: str, *args: Any) -> None:
        from .reporters.escape import safe

        sys.stderr.write(f"reportlint serve: {safe(format % args)}\n")  # the request line is the client's text

    def _headers(self, status: HTTPStatus, content_type: str, length: int) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(length))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                         "script-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'")

    def _send(self, status: HTTPStatus, page: str) -> None:
        body = page.encode("utf-8")
        self._headers(status, "text/html; charset=utf-8", len(body))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _form(self, status: HTTPStatus, message: str = "") -> None:
        self._send(status, form_page(message, self.checker.profiles()))

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own refusals (a garbled request line, an unknown method, headers too
        long) as the Chinese form page rather than its English one."""
        self.close_connection = True
        if getattr(self, "request_version", "") in ("", "HTTP/0.9"):  # a garbled request line: answer with a status
            self.request_version = "HTTP/1.0"
        self._form(HTTPStatus(code), _REFUSALS.get(code, "无法处理这个请求，请用页面上的表单上传文件"))

    def _host_ok(self) -> bool:
        """Refuse a Host header naming another site: a page elsewhere must not reach this server
        through a name that resolves to 127.0.0.1 (DNS rebinding)."""
        if self.allowed_hosts is None:
            return True
        host = (self.headers.get("Host") or "").strip().lower()
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        return name.strip("[]") in self.allowed_hosts

    def handle_one_request(self) -> None:
        """Any failure of this server's own code is logged here and answered with a Chinese page,
        never with the traceback."""
        try:
            super().handle_one_request()
        except (ConnectionError, TimeoutError):
            self.close_connection = True
        except Exception:
            self.close_connection = True
            sys.stderr.write("reportlint serve: internal error\n" + traceback.format_exc())
            try:
                self._form(HTTPStatus.INTERNAL_SERVER_ERROR, INTERNAL_ERROR)
            except Exception:
                pass

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if not self._host_ok():
            self._form(HTTPStatus.FORBIDDEN, "请用启动时显示的地址访问本页面")
        elif path in ("/", "/index.html"):
            self._form(HTTPStatus.OK)
        elif path.startswith("/download/"):
            self._download(path.removeprefix("/download/"))
        else:
            self._form(HTTPStatus.NOT_FOUND, "没有这个页面")

    do_HEAD = do_GET

    def _download(self, token: str) -> None:
        item = self.checker.downloads.get(token)
        if item is None:
            self._form(HTTPStatus.NOT_FOUND, "下载链接已过期，请重新上传文件检查")
            return
        name, data = item
        ascii_name = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_.") else "_" for ch in name)
        self._headers(HTTPStatus.OK, DOCX_TYPE, len(data))
        self.send_header("Content-Disposition",
                         f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def do_POST(self) -> None:
        self.close_connection = True  # a refused body is never read: the connection cannot be reused
        if not self._host_ok():
            self._form(HTTPStatus.FORBIDDEN, "请用启动时显示的地址访问本页面")
            return
        if self.path.split("?", 1)[0] != "/check":
            self._form(HTTPStatus.NOT_FOUND, "没有这个页面")
            return
        if not self.bodies.acquire(timeout=QUEUE_SECONDS):
            self._form(HTTPStatus.SERVICE_UNAVAILABLE, "同时上传的文件太多，请稍等一会儿再上传")
            return
        try:
            try:
                upload = self._upload()
            except UploadError as exc:
                self._form(exc.status, str(exc))
                return
            result, links = self.checker.check(upload)
        finally:
            self.bodies.release()
        self._send(HTTPStatus.OK, self.checker.page(result, links))

    def _upload(self) -> Upload:
        length = self.headers.get("Content-Length")
        if length is None or not length.strip().isdecimal():
            raise UploadError(HTTPStatus.LENGTH_REQUIRED, "上传请求没有注明大小，请用页面上的表单上传")
        size = int(length)
        if size > MAX_UPLOAD_BYTES + _FORM_OVERHEAD:
            raise UploadError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                              f"文件太大（约 {size // (1024 * 1024)} MB），最多 20 MB；请拆分后再检查")
        body = self._read_body(size)
        upload = parse_upload(self.headers.get("Content-Type", ""), body)
        if len(upload.data) > MAX_UPLOAD_BYTES:
            raise UploadError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "文件超过 20 MB；请拆分后再检查")
        return upload


    def _read_body(self, size: int) -> bytes:
        """``size`` bytes of body within ``BODY_SECONDS`` in all: a client that trickles its upload
        must not hold one of the ``MAX_BODIES`` places for ever."""
        deadline = time.monotonic() + BODY_SECONDS
        parts, left = [], size
        while left:
            remaining = deadline - time.monotonic()
            try:
                if remaining <= 0:
                    raise TimeoutError
                self.connection.settimeout(min(SOCKET_TIMEOUT, remaining))
                chunk = self.rfile.read1(min(left, 1 << 16))
            except TimeoutError:
                raise UploadError(HTTPStatus.REQUEST_TIMEOUT, "上传太慢，已停止接收；请检查网络后重新上传") from None
            if not chunk:
                raise UploadError(HTTPStatus.BAD_REQUEST, "上传中断，请重新上传")
            parts.append(chunk)
            left -= len(chunk)
        self.connection.settimeout(SOCKET_TIMEOUT)  # the answer is written with the usual allowance
        return b"".join(parts)


class Server(ThreadingHTTPServer):
    """A thread per request; ``server_close`` waits for the requests under way (and so for
    their temporary folders to be removed)."""

    daemon_threads = False
    block_on_close = True
    request_queue_size = 64  # connections the kernel holds while every thread is busy


class _Server6(Server):
    address_family = socket.AF_INET6


def allowed_hosts(host: str) -> frozenset[str] | None:
    """The Host names a loopback server answers to; any name when it listens beyond loopback."""
    if not is_loopback(host):
        return None
    return frozenset({host.lower(), "localhost", "127.0.0.1", "::1"})


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def make_server(host: str, port: int, checker: Checker) -> Server:
    handler = type("BoundHandler", (Handler,), {"checker": checker, "allowed_hosts": allowed_hosts(host),
                                                "bodies": threading.BoundedSemaphore(MAX_BODIES)})
    server_class = _Server6 if ":" in host else Server
    return server_class((host, port), handler)


def serve_until_stopped(server: Server) -> None:
    """Serve until Ctrl+C or SIGTERM; then finish the requests under way and close."""
    import signal

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.server_close()
        server.RequestHandlerClass.checker.close()  # type: ignore[attr-defined]

