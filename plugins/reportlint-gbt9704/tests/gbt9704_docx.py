"""A small writer of .docx packages for the layout tests: every part is XML the test controls, so
a fixture says exactly where each value sits (direct formatting, a style, its basedOn parent,
docDefaults, the theme)."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
A_NS = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# Sentences written for these tests (no corpus text).
BODY = [
    "为做好今年汛期安全防范，请各单位对照以下几项要求逐条抓好落实。",
    "各单位要提高思想认识，把防汛工作摆在突出位置，主要负责同志要亲自过问。",
    "要加强值班值守，严格执行领导带班和值班人员在岗制度，确保信息畅通。",
    "对排查发现的隐患要建立台账，逐项明确整改责任人和完成时限，限期整改到位。",
]


def rfonts(ea: str | None = None, ascii_: str | None = None, ea_theme: str | None = None) -> str:
    attrs = ""
    if ea:
        attrs += f' w:eastAsia="{ea}"'
    if ea_theme:
        attrs += f' w:eastAsiaTheme="{ea_theme}"'
    if ascii_:
        attrs += f' w:ascii="{ascii_}" w:hAnsi="{ascii_}"'
    return f"<w:rFonts{attrs}/>" if attrs else ""


def rpr(ea: str | None = None, size_pt: float | None = None, ascii_: str | None = None,
        ea_theme: str | None = None, color: str | None = None) -> str:
    inner = rfonts(ea, ascii_, ea_theme) + (f'<w:color w:val="{color}"/>' if color else "")
    inner += f'<w:sz w:val="{round(size_pt * 2)}"/>' if size_pt else ""
    return f"<w:rPr>{inner}</w:rPr>" if inner else ""


INDENT = '<w:ind w:firstLineChars="200" w:firstLine="640"/>'  # 首行缩进 2 字符, as Word writes it


def para(text: str, style: str | None = None, jc: str | None = None, line: str | None = None,
         indent: bool = True, **run: object) -> str:
    """A paragraph of one run; indented two characters unless aligned (``jc``) or ``indent`` is False."""
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if line:
        ppr += line
    if indent and not jc:
        ppr += INDENT
    if jc:
        ppr += f'<w:jc w:val="{jc}"/>'
    return (f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}<w:r>{rpr(**run)}"  # type: ignore[arg-type]
            f'<w:t xml:space="preserve">{text}</w:t></w:r></w:p>')


def style(sid: str, name: str, based: str | None = None, run: str = "", kind: str = "paragraph",
          default: bool = False, ppr: str = "") -> str:
    default_attr = ' w:default="1"' if default else ""
    based_el = f'<w:basedOn w:val="{based}"/>' if based else ""
    ppr_el = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return (f'<w:style w:type="{kind}" w:styleId="{sid}"{default_attr}><w:name w:val="{name}"/>'
            f"{based_el}{ppr_el}{run}</w:style>")


def styles_xml(defaults_rpr: str = "", styles: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {NS}>'
            f"<w:docDefaults><w:rPrDefault>{defaults_rpr}</w:rPrDefault></w:docDefaults>{styles}</w:styles>")


def theme_xml(minor_ea: str = "", hans: str = "宋体") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a:theme {A_NS} name="t"><a:themeElements>'
            '<a:fontScheme name="f"><a:majorFont><a:latin typeface="Cambria"/><a:ea typeface=""/>'
            f'<a:cs typeface=""/><a:font script="Hans" typeface="{hans}"/></a:majorFont>'
            f'<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface="{minor_ea}"/><a:cs typeface=""/>'
            f'<a:font script="Hans" typeface="{hans}"/></a:minorFont></a:fontScheme></a:themeElements></a:theme>')


PAGE_FIELD = ('<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r><w:r>{rpr}<w:instrText xml:space="preserve"> PAGE '
              '</w:instrText></w:r><w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r><w:r>{rpr}<w:t>1</w:t></w:r>'
              '<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>')


def footer_xml(jc: str | None = "right", before: str = "— ", after: str = " —", size_pt: float = 14,
               digits_font: str = "宋体") -> str:
    run = rpr(ea="宋体", size_pt=size_pt, ascii_=digits_font)
    text = lambda t: f'<w:r>{run}<w:t xml:space="preserve">{t}</w:t></w:r>' if t else ""  # noqa: E731
    ppr = f'<w:pPr><w:jc w:val="{jc}"/></w:pPr>' if jc else ""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr {NS}><w:p>{ppr}{text(before)}'
            f"{PAGE_FIELD.format(rpr=run)}{text(after)}</w:p></w:ftr>")


A4 = '<w:pgSz w:w="11906" w:h="16838"/>'
GB_MARGINS = '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="992" w:gutter="0"/>'
GB_GRID = '<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-849"/>'


@dataclass
class Doc:
    """A .docx to write: body paragraphs, section properties, styles, theme, settings, footers."""

    body: list[str]
    page_size: str = A4
    margins: str = GB_MARGINS
    grid: str = GB_GRID
    styles: str = field(default_factory=styles_xml)
    theme: str | None = None
    settings: str = '<w:evenAndOddHeaders/>'
    footers: dict[str, str] = field(default_factory=lambda: {"default": footer_xml("right"),
                                                              "even": footer_xml("left")})
    headers: dict[str, str] = field(default_factory=dict)
    extra_parts: dict[str, bytes] = field(default_factory=dict)

    def write(self, path: Path) -> Path:
        rels = [f'<Relationship Id="rIdStyles" Type="{REL}/styles" Target="styles.xml"/>',
                f'<Relationship Id="rIdSettings" Type="{REL}/settings" Target="settings.xml"/>']
        refs = ""
        parts: dict[str, bytes] = {}
        for n, (kind, xml) in enumerate(self.footers.items(), 1):
            rels.append(f'<Relationship Id="rIdF{n}" Type="{REL}/footer" Target="footer{n}.xml"/>')
            refs += f'<w:footerReference w:type="{kind}" r:id="rIdF{n}"/>'
            parts[f"word/footer{n}.xml"] = xml.encode()
        for n, (kind, xml) in enumerate(self.headers.items(), 1):
            rels.append(f'<Relationship Id="rIdH{n}" Type="{REL}/header" Target="header{n}.xml"/>')
            refs = f'<w:headerReference w:type="{kind}" r:id="rIdH{n}"/>' + refs
            parts[f"word/header{n}.xml"] = xml.replace("w:ftr", "w:hdr").encode()
        if self.theme is not None:
            rels.append(f'<Relationship Id="rIdTheme" Type="{REL}/theme" Target="theme/theme1.xml"/>')
            parts["word/theme/theme1.xml"] = self.theme.encode()
        sect = f"<w:sectPr>{refs}{self.page_size}{self.margins}{self.grid}</w:sectPr>"
        document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>'
                    f'{"".join(self.body)}{sect}</w:body></w:document>')
        parts.update({
            "[Content_Types].xml": (
                b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
                b'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                b'wordprocessingml.document.main+xml"/></Types>'),
            "_rels/.rels": (
                '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                f'package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" '
                'Target="word/document.xml"/></Relationships>').encode(),
            "word/_rels/document.xml.rels": (
                '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                f'package/2006/relationships">{"".join(rels)}</Relationships>').encode(),
            "word/document.xml": document.encode(),
            "word/styles.xml": self.styles.encode(),
            "word/settings.xml": (f'<?xml version="1.0" encoding="UTF-8"?><w:settings {NS}>{self.settings}'
                                  '</w:settings>').encode(),
        })
        parts.update(self.extra_parts)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in parts.items():
                zf.writestr(name, data)
        return path


def conforming_direct() -> Doc:
    """GB/T 9704 layout with every value set as direct formatting on the runs; docDefaults name no font."""
    body = [para("关于做好汛期安全工作的通知", jc="center", ea="方正小标宋简体", size_pt=22),
            para("各乡镇人民政府，县直各单位：", ea="仿宋_GB2312", size_pt=16),
            para(BODY[0], ea="仿宋_GB2312", size_pt=16),
            para("一、提高认识", ea="黑体", size_pt=16),
            para(BODY[1], ea="仿宋_GB2312", size_pt=16),
            para("（一）压实责任", ea="楷体_GB2312", size_pt=16),
            para(BODY[2], ea="仿宋_GB2312", size_pt=16),
            para("二、排查隐患", ea="黑体", size_pt=16),
            para(BODY[3], ea="仿宋_GB2312", size_pt=16)]
    defaults = rpr(size_pt=16)  # Normal's size sets the character grid: 16 pt
    return Doc(body, styles=styles_xml(defaults, style("Normal", "Normal", default=True)))


def conforming_styles() -> Doc:
    """The same layout with every value in styles: body font in docDefaults, title, headings in
    styles based on Normal, line spacing nowhere but the grid."""
    styles = (style("Normal", "Normal", default=True, ppr='<w:ind w:firstLineChars="200"/>')
              + style("GWTitle", "公文标题", based="Normal", run=rpr(ea="方正小标宋_GBK", size_pt=22),
                      ppr='<w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/>')
              + style("GWH1", "一级标题", based="Normal", run=rpr(ea="黑体"))
              + style("GWH2", "二级标题", based="Normal", run=rpr(ea="楷体_GB2312")))
    plain = {"indent": False}
    body = [para("关于做好汛期安全工作的通知", style="GWTitle", **plain),
            para("各乡镇人民政府，县直各单位：", **plain),
            para(BODY[0], **plain), para("一、提高认识", style="GWH1", **plain), para(BODY[1], **plain),
            para("（一）压实责任", style="GWH2", **plain), para(BODY[2], **plain),
            para("二、排查隐患", style="GWH1", **plain), para(BODY[3], **plain)]
    return Doc(body, styles=styles_xml(rpr(ea="仿宋_GB2312", size_pt=16, ascii_="Times New Roman"), styles))
