"""Every upload is checked in a forked worker with the CLI's limits: a document that hangs or
crashes the loader costs only its own worker, while other uploads are answered."""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

import pytest
from serve_client import cli_findings, examples, findings_in_page, request, start_server, upload

from reportlint import engine
from reportlint.config import Config
from reportlint.serve import Checker, Upload

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forked workers: Linux only")
MARKER = "MARKER-5d1c"


def test_a_small_upload_is_not_parsed_in_the_server_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = tmp_path / "pids"
    real = engine.load

    def load(path, registry):  # type: ignore[no-untyped-def]
        with open(seen, "a") as fh:
            fh.write(f"{os.getpid()}\n")
        return real(path, registry)

    monkeypatch.setattr(engine, "load", load)
    checker = Checker(Config())
    try:
        result, links = checker.check(Upload("小文件.txt", "关于作风建设的工作总结\n一、主要工作\n".encode()))
    finally:
        checker.close()
    assert result.error is None and links == []
    pids = seen.read_text().split()
    assert pids and str(os.getpid()) not in pids


def test_a_hanging_upload_times_out_while_another_is_answered(tmp_path: Path) -> None:
    server = start_server(tmp_path, marker=MARKER, timeout=3.0)
    try:
        finished: dict[str, tuple[float, int, str]] = {}

        def post(key: str, name: str, data: bytes) -> None:
            status, page = upload(server.port, name, data)
            finished[key] = (time.monotonic(), status, page)

        hang = threading.Thread(target=post, args=("hang", "卡住.txt", f"一、总体情况\nHANG-{MARKER}\n".encode()))
        hang.start()
        time.sleep(0.5)  # the hanging check has begun
        normal = examples()[-1]
        post("normal", normal.name, normal.read_bytes())
        assert "hang" not in finished  # answered while the other upload still hangs
        hang.join(timeout=120)
        assert finished["normal"][1] == 200 and findings_in_page(finished["normal"][2]) == cli_findings(normal)
        status, page = finished["hang"][1:]
        assert status == 200 and "X101" in page and "处理超时" in page and "Traceback" not in page
        assert request(server.port, "GET", "/")[0] == 200  # still up
    finally:
        assert server.stop() == 0
    assert list(server.temp.iterdir()) == []


def test_a_crashing_upload_gives_an_error_page_and_the_server_stays_up(tmp_path: Path) -> None:
    server = start_server(tmp_path, marker=MARKER)
    try:
        status, page = upload(server.port, "崩溃.txt", f"一、总体情况\nCRASH-{MARKER}\n".encode())
        assert status == 200 and "X101" in page and "无法检查" in page and "Traceback" not in page
        normal = examples()[0]
        status, page = upload(server.port, normal.name, normal.read_bytes())
        assert status == 200 and findings_in_page(page) == cli_findings(normal)
    finally:
        assert server.stop() == 0
    assert list(server.temp.iterdir()) == []


def test_no_worker_holds_another_upload(tmp_path: Path) -> None:
    """The workers are forked from checker processes started before any upload: the data of an
    upload under way in the server is not in the memory of the worker checking another."""
    server = start_server(tmp_path, marker=MARKER, timeout=3.0)
    try:
        waiting = threading.Thread(target=upload, args=(server.port, "秘密.txt",
                                                        f"HANG-{MARKER}\nSECRET-{MARKER}\n".encode()))
        waiting.start()
        time.sleep(0.5)  # the first upload is held by the server and checked (hanging) meanwhile
        status, page = upload(server.port, "窥探.txt", f"一、总体情况\nPEEK-{MARKER}\n".encode())
        waiting.join(timeout=120)
        assert status == 200 and "LEAK" not in page and "无法检查" not in page
    finally:
        assert server.stop() == 0
