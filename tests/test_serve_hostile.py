"""Hostile uploads posted to a running ``reportlint serve``: every answer is a Chinese error page or
a report, never a traceback; the server stays up; no temporary file remains; no client path is used."""

from __future__ import annotations

import io
import socket
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from serve_client import BOUNDARY, ServerProcess, examples, multipart, request, start_server, upload

from reportlint.serve import MAX_UPLOAD_BYTES

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forked workers: Linux only")
FORM_TYPE = f"multipart/form-data; boundary={BOUNDARY}"
ESCAPE = "逃逸-9c2e"  # a name that must never appear on disk
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def example(suffix: str) -> bytes:
    return next(p for p in examples() if p.suffix == suffix).read_bytes()


def with_part(docx: bytes, name: str, write: Callable[[zipfile.ZipFile], None]) -> bytes:
    """``docx`` with part ``name`` replaced by what ``write`` puts in the archive."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename != name:
                zout.writestr(item, zin.read(item.filename))
        write(zout)
    return out.getvalue()


def zip_bomb() -> bytes:
    """A .docx whose document.xml inflates to 150 MB of spaces from about 150 KB."""
    def write(z: zipfile.ZipFile) -> None:
        info = zipfile.ZipInfo("word/document.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as fh:
            fh.write(f'<?xml version="1.0"?><w:document {W}><w:body><w:p><w:r><w:t>'.encode())
            block = b" " * (1 << 20)
            for _ in range(150):
                fh.write(block)
            fh.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return with_part(example(".docx"), "word/document.xml", write)


def entity_bomb() -> bytes:
    """A .docx whose document.xml declares nested entities (billion laughs)."""
    ents = '<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [{ents}]><w:document {W}><w:body><w:p><w:r>'
           f"<w:t>&i;</w:t></w:r></w:p></w:body></w:document>")
    return with_part(example(".docx"), "word/document.xml", lambda z: z.writestr("word/document.xml", xml))


def nested_zip() -> bytes:
    """A .docx made of a zip inside a zip (document.xml missing)."""
    inner = example(".docx")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/inner.docx", inner)
    return out.getvalue()


def form(name: str | bytes, data: bytes) -> tuple[bytes, dict[str, str]]:
    return multipart(name, data), {"Content-Type": FORM_TYPE}


def raw_form(body: bytes, content_type: str = FORM_TYPE) -> tuple[bytes, dict[str, str]]:
    return body, {"Content-Type": content_type}


def cases() -> list[tuple[str, Callable[[], tuple[bytes, dict[str, str]]]]]:
    docx, pdf = example(".docx"), example(".pdf")
    return [
        ("zip bomb", lambda: form("炸弹.docx", zip_bomb())),
        ("entity bomb", lambda: form("实体.docx", entity_bomb())),
        ("zip in a zip", lambda: form("套娃.docx", nested_zip())),
        ("truncated docx", lambda: form("半截.docx", docx[: len(docx) // 2])),
        ("truncated pdf", lambda: form("半截.pdf", pdf[: len(pdf) // 3])),
        ("pdf header only", lambda: form("空壳.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")),
        ("pdf named docx", lambda: form("报告.docx", pdf)),
        ("docx named txt", lambda: form("报告.txt", docx)),
        ("png named docx", lambda: form("图片.docx", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)),
        ("binary named txt", lambda: form("二进制.txt", bytes(range(256)) * 64)),
        ("ole named docx", lambda: form("旧版.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048)),
        ("empty file", lambda: form("空.docx", b"")),
        ("file over the limit", lambda: form("大.txt", b"a" * (MAX_UPLOAD_BYTES + 1))),
        ("traversal posix", lambda: form(f"../../../../../tmp/{ESCAPE}.txt", "一、总体情况\n".encode())),
        ("traversal windows", lambda: form(f"..\\..\\..\\{ESCAPE}.txt", "一、总体情况\n".encode())),
        ("absolute name", lambda: form(f"/etc/{ESCAPE}.txt", "一、总体情况\n".encode())),
        ("gbk name", lambda: form("工作报告.txt".encode("gbk"), "一、总体情况\n".encode())),
        ("nul in name", lambda: form(b"a\x00b\xff\xfe.txt", "一、总体情况\n".encode())),
        ("gbk text", lambda: form("报告.txt", "一、总体情况\n（一）加强学习。\n".encode("gbk"))),
        ("empty body", lambda: raw_form(b"")),
        ("text/plain", lambda: raw_form(b"hello", "text/plain")),
        ("urlencoded", lambda: raw_form(b"file=a.txt", "application/x-www-form-urlencoded")),
        ("json", lambda: raw_form(b'{"file": "x"}', "application/json")),
        ("no boundary", lambda: raw_form(multipart("a.txt", b"x"), "multipart/form-data")),
        ("wrong boundary", lambda: raw_form(multipart("a.txt", b"x"), "multipart/form-data; boundary=other")),
        ("garbage multipart", lambda: raw_form(bytes(range(256)) * 50)),
        ("unterminated part", lambda: raw_form(f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; "
                                              f"filename=\"a.txt\"\r\n\r\n一、总体".encode())),
        ("part without disposition", lambda: raw_form(f"--{BOUNDARY}\r\nX: y\r\n\r\nabc\r\n--{BOUNDARY}--\r\n".encode())),
        ("garbled part headers", lambda: raw_form(f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; "
                                                 f"filename*=x''%ZZ%\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                                                 f"!!!!\r\n--{BOUNDARY}--\r\n".encode())),
    ]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    srv = start_server(tmp_path_factory.mktemp("hostile"))
    try:
        yield srv
    finally:
        srv.stop()


def assert_clean_answer(status: int, body: bytes) -> None:
    page = body.decode("utf-8")
    assert "Traceback" not in page and 'File "' not in page and "Error response" not in page
    if status == 200:
        assert "reportlint 检查报告" in page
    else:
        assert 400 <= status < 500 or status == 501, status  # 501: a method the server does not know
        assert 'class="error" role="alert"' in page
    assert 'lang="zh-CN"' in page


@pytest.mark.parametrize("case", [c[0] for c in cases()])
def test_hostile_upload_gets_a_chinese_page(server: ServerProcess, case: str) -> None:
    body, headers = dict(cases())[case]()
    status, _, answer = request(server.port, "POST", "/check", body, headers)
    assert_clean_answer(status, answer)
    if case in ("zip bomb", "entity bomb", "truncated docx", "truncated pdf", "png named docx", "ole named docx",
                "empty file", "binary named txt", "zip in a zip"):
        assert status == 200 and "无法检查" in answer.decode()
    if case.startswith(("traversal", "absolute")):
        assert status == 200 and ESCAPE in answer.decode()  # the name is shown, never used on disk


def raw(server: ServerProcess, data: bytes) -> tuple[int, bytes]:
    with socket.create_connection(("127.0.0.1", server.port), timeout=60) as sock:
        sock.sendall(data)
        sock.shutdown(socket.SHUT_WR)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
    return int(head.split()[1]), body


@pytest.mark.parametrize("data", [
    b"GARBAGE\r\n\r\n",
    b"PUT /check HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    b"POST /check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data\r\n\r\n",
    b"POST /check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -5\r\n\r\n",
    b"POST /check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \xb2\r\n\r\n",  # read as latin-1: a digit to isdigit
    b"POST /check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 99999999999\r\n\r\n",
    b"POST /check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 500\r\n\r\nshort",
    b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\n\r\n",
    b"GET / HTTP/1.1\r\n" + b"X: y\r\n" * 200 + b"\r\n",
    b"GET /download/../../etc/passwd HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
], ids=["request line", "PUT", "no length", "negative length", "superscript length", "huge length", "short body", "long url",
        "many headers", "download traversal"])
def test_malformed_requests_get_a_chinese_page(server: ServerProcess, data: bytes) -> None:
    status, body = raw(server, data)
    assert_clean_answer(status, body)


def test_after_the_hostile_uploads_the_server_works_and_left_nothing(server: ServerProcess) -> None:
    for _case, build in cases():  # again, in one go: the order of the parametrized tests is not relied on
        body, headers = build()
        status, _, answer = request(server.port, "POST", "/check", body, headers)
        assert_clean_answer(status, answer)
    normal = examples()[-1]
    status, page = upload(server.port, normal.name, normal.read_bytes())
    assert status == 200 and 'class="finding"' in page
    assert server.process.poll() is None
    assert list(server.temp.iterdir()) == []
    assert not list(server.temp.parent.rglob(f"*{ESCAPE}*")) and not list(Path("/tmp").glob(f"*{ESCAPE}*"))
    log = server.log.read_text("utf-8", "replace")
    assert "Traceback" not in log and "internal error" not in log
