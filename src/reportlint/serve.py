"""``reportlint serve``: a small local web page to upload one document and see the HTML report.

Built on the standard library's ``http.server``: one user on one machine needs no framework,
and nothing is added to install. The server answers one request at a time (checks fork
workers, which does not mix well with threads), listens on the loopback address unless told
otherwise, refuses uploads over ``MAX_UPLOAD_BYTES`` before reading them, looks at the first
bytes to decide the type, checks with the same Runner (time and memory limits, forked
workers) as ``reportlint check``, and removes the temporary copy as soon as the page is built."""

from __future__ import annotations

import email.parser
import email.policy
import html
import ipaddress
import socket
import sys
import tempfile
from dataclasses import replace
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from .config import Config
from .engine import FileResult, Session, Settings, summary
from .errors import LoadError
from .sniff import SUPPORTED_SUFFIXES, sniff
from .stdin import sniffed_suffix

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
_FORM_OVERHEAD = 64 * 1024  # multipart boundaries and part headers around the file
SOCKET_TIMEOUT = 30.0  # seconds a client may stall while sending or reading


class UploadError(Exception):
    """A request that cannot be checked; ``status`` is the HTTP answer, the message is Chinese."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


def upload_name(raw: str | None) -> str:
    """The base name of the uploaded file as the browser sent it (no folders, either slash)."""
    name = PureWindowsPath(PurePosixPath(raw or "").name).name.strip()
    return name[:200] or "上传的文件"


def parse_upload(content_type: str, body: bytes) -> tuple[str, bytes]:
    """The (name, bytes) of the ``file`` field of a multipart/form-data body."""
    if not content_type.lower().startswith("multipart/form-data"):
        raise UploadError(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "请用页面上的表单上传文件（multipart/form-data）")
    head = f"Content-Type: {content_type}\r\n\r\n".encode("latin-1", "replace")
    msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    if not msg.is_multipart():
        raise UploadError(HTTPStatus.BAD_REQUEST, "上传的数据不完整，请重新选择文件上传")
    for part in msg.iter_parts():
        if part.get_param("name", header="content-disposition") == "file":
            data = part.get_payload(decode=True)
            if not isinstance(data, bytes):
                break
            return upload_name(part.get_filename()), data
    raise UploadError(HTTPStatus.BAD_REQUEST, "没有收到文件，请先选择要检查的文件")


class Checker:
    """Checks uploaded bytes as ``reportlint check`` checks a file; one Session for the server's life."""

    def __init__(self, config: Config, timeout: float = 8.0) -> None:
        self.session = Session()
        self.config = config
        self.timeout = timeout
        self.registry, self.rulebook = self.session.books(config)

    def check(self, name: str, data: bytes) -> FileResult:
        from .runner import Job, Limits, Runner

        suffix = Path(name).suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES:  # the name says nothing usable: the first bytes decide
            suffix = sniffed_suffix(data)
        with tempfile.TemporaryDirectory(prefix="reportlint-upload-") as tmp:
            path = Path(tmp) / f"upload{suffix}"
            try:
                sniff(path, data)  # a .doc, an RTF file or a binary is refused before any parser sees it
            except LoadError as exc:
                return FileResult(name, error=exc.as_error())
            path.write_bytes(data)
            runner = Runner(self.session, Settings(full_text=True), jobs=1, limits=Limits(timeout=self.timeout),
                            cache=None)
            result = runner.run([Job(0, path, self.config)])[0]
        result.path = name
        result.findings = [replace(f, path=name) for f in result.findings]
        return result

    def page(self, result: FileResult) -> str:
        from .reporters.html import render

        return render([result], {"summary": summary([result]), "rules": self.rulebook.rules, "upload_again": True})


FORM = """<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>reportlint 在线检查</title>
<style>
body{margin:2rem auto;max-width:40rem;padding:0 1rem;color:#1a1a1a;
font:16px/1.7 "Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif}
h1{font-size:1.4rem}label{display:block;font-weight:bold;margin:.5rem 0}
input,button{font:inherit}button{margin-top:1rem;padding:.4rem 1.5rem;background:#1a56db;color:#fff;
border:0;border-radius:4px;cursor:pointer}
button:focus-visible,input:focus-visible{outline:3px solid #1a56db;outline-offset:2px}
.note{color:#555}.error{border:1px solid #b3261e;background:#fde2e1;padding:.5rem .8rem}
</style></head>
<body>
<h1>reportlint：检查公文报告</h1>
{message}
<form method="post" action="/check" enctype="multipart/form-data">
<label for="file">选择要检查的文件</label>
<input id="file" name="file" type="file" required accept=".docx,.pdf,.txt,.md"
 aria-describedby="file-note">
<p id="file-note" class="note">支持 Word（.docx）、PDF、纯文本（.txt、.md），不超过 20 MB。
文件只在本机检查，检查完即删除临时副本。</p>
<button type="submit">检查</button>
</form>
</body>
</html>
"""


def form_page(message: str = "") -> str:
    shown = f'<p class="error" role="alert">{html.escape(message)}</p>' if message else ""
    return FORM.replace("{message}", shown)


class Handler(BaseHTTPRequestHandler):
    server_version = "reportlint"
    sys_version = ""
    timeout = SOCKET_TIMEOUT
    checker: Checker  # set on the subclass make_server builds
    allowed_hosts: frozenset[str] | None = None  # None: any Host (the server listens beyond loopback)

    def log_message(self, format: str, *args: Any) -> None:
        from .reporters.escape import safe

        sys.stderr.write(f"reportlint serve: {safe(format % args)}\n")  # the request line is the client's text

    def _send(self, status: HTTPStatus, page: str) -> None:
        body = page.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                         "script-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _host_ok(self) -> bool:
        """Refuse a Host header naming another site: a page elsewhere must not reach this server
        through a name that resolves to 127.0.0.1 (DNS rebinding)."""
        if self.allowed_hosts is None:
            return True
        host = (self.headers.get("Host") or "").strip().lower()
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        return name.strip("[]") in self.allowed_hosts

    def do_GET(self) -> None:
        if not self._host_ok():
            self._send(HTTPStatus.FORBIDDEN, form_page("请用启动时显示的地址访问本页面"))
        elif self.path.split("?", 1)[0] in ("/", "/index.html"):
            self._send(HTTPStatus.OK, form_page())
        else:
            self._send(HTTPStatus.NOT_FOUND, form_page("没有这个页面"))

    do_HEAD = do_GET

    def do_POST(self) -> None:
        self.close_connection = True  # a refused body is never read: the connection cannot be reused
        if not self._host_ok():
            self._send(HTTPStatus.FORBIDDEN, form_page("请用启动时显示的地址访问本页面"))
            return
        if self.path.split("?", 1)[0] != "/check":
            self._send(HTTPStatus.NOT_FOUND, form_page("没有这个页面"))
            return
        try:
            name, data = self._upload()
        except UploadError as exc:
            self._send(exc.status, form_page(str(exc)))
            return
        result = self.checker.check(name, data)
        self._send(HTTPStatus.OK, self.checker.page(result))

    def _upload(self) -> tuple[str, bytes]:
        length = self.headers.get("Content-Length")
        if length is None or not length.strip().isdigit():
            raise UploadError(HTTPStatus.LENGTH_REQUIRED, "上传请求没有注明大小，请用页面上的表单上传")
        size = int(length)
        if size > MAX_UPLOAD_BYTES + _FORM_OVERHEAD:
            raise UploadError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                              f"文件太大（约 {size // (1024 * 1024)} MB），最多 20 MB；请拆分后再检查")
        body = self.rfile.read(size)
        if len(body) < size:
            raise UploadError(HTTPStatus.BAD_REQUEST, "上传中断，请重新上传")
        name, data = parse_upload(self.headers.get("Content-Type", ""), body)
        if len(data) > MAX_UPLOAD_BYTES:
            raise UploadError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "文件超过 20 MB；请拆分后再检查")
        return name, data


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


def make_server(host: str, port: int, checker: Checker) -> HTTPServer:
    handler = type("BoundHandler", (Handler,), {"checker": checker, "allowed_hosts": allowed_hosts(host)})
    server_class = _HTTPServer6 if ":" in host else HTTPServer
    return server_class((host, port), handler)


class _HTTPServer6(HTTPServer):
    address_family = socket.AF_INET6
