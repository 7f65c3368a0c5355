"""JUnit XML, for CI systems that show test reports: one test suite per file, one failing
test case per finding (an unreadable file is an error), a passing case for a clean file."""

from __future__ import annotations

import re
from typing import Any, TextIO
from xml.etree import ElementTree as ET

from .escape import shown_suggestion

# characters XML 1.0 cannot hold, and the bidi controls that could disguise text
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def _clean(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def report_junit(results: list[Any], out: TextIO, options: dict[str, Any]) -> None:
    s = options["summary"]
    root = ET.Element("testsuites", name="reportlint", tests="0", failures=str(s["findings"]),
                      errors=str(s["not_checked"]))
    for res in results:
        path = _clean(res.path)
        suite = ET.SubElement(root, "testsuite", name=path, tests=str(max(1, len(res.findings) + bool(res.error))),
                              failures=str(len(res.findings)), errors="1" if res.error else "0",
                              skipped="1" if res.skipped else "0")
        if res.skipped:
            case = ET.SubElement(suite, "testcase", classname=path, name="skipped")
            ET.SubElement(case, "skipped", message=_clean(res.skipped))
            continue
        if res.error:
            case = ET.SubElement(suite, "testcase", classname=path, name=res.error["rule"])
            ET.SubElement(case, "error", message=_clean(res.error["message"]), type=res.error["rule"])
        for f in res.findings:
            line, column, _, _ = f.where()
            case = ET.SubElement(suite, "testcase", classname=path, name=f"{f.rule} {f.name} {line}:{column}",
                                 file=path, line=str(line))
            failure = ET.SubElement(case, "failure", message=_clean(f.message), type=f.rule)
            failure.text = _clean(f"{res.path}:{line}:{column}: {f.rule} {f.message}\n{f.excerpt}"
                                  + (f"\n建议：{shown_suggestion(f.suggestion)}" if f.suggestion else ""))
        if not res.error and not res.findings:
            ET.SubElement(suite, "testcase", classname=path, name="reportlint")
    root.set("tests", str(len(root.findall(".//testcase"))))
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n")
