"""Render HTML/XHTML (inline XBRL included) and XML documents to plain text with lxml, never fetching anything."""
from __future__ import annotations

import re

from lxml import etree, html

# Elements that end a line / a paragraph when rendered.
_LINE = {"br", "tr", "li", "dt", "dd", "option", "caption"}
_PARA = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "dl", "blockquote",
         "pre", "address", "section", "article", "header", "footer", "hr", "center", "form",
         "document", "page"}
_CELL = {"td", "th"}
# Never prose: scripts, styles, the head, and the inline-XBRL hidden header (ix:header).
_DROP = {"script", "style", "head", "title", "noscript", "template", "ix:header", "ix:hidden",
         "ix:references", "ix:resources", "xbrli:context", "xbrli:unit"}
# style="display:none" hides inline-XBRL facts and print-only duplicates.
_HIDDEN = re.compile(r"display\s*:\s*none", re.I)
_WS = re.compile(r"[\s\u200b\ufeff]+")  # \s covers NBSP, thin and other Unicode spaces
_BLANKS = re.compile(r"\n{3,}")
# A leading XML declaration; libxml2's HTML parser would print it as text.
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_CELL_MARK = "\x00"  # splits a table row into its cells while rendering
_ROW_MARK = "\x01"

_HTML_PARSER = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True,
                               recover=True, encoding="utf-8", default_doctype=False)
_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                              recover=True, remove_comments=True, remove_pis=True, huge_tree=False)

# Cheap sniff: an HTML document opens with one of these tags within its first kilobytes.
_HTML_SNIFF = re.compile(r"<(?:html|body|head|div|p|table|font|br|center|!doctype\s+html)\b", re.I)


def looks_like_html(text: str) -> bool:
    """True when the text is HTML/XHTML rather than plain text with a few SGML tags (<PAGE>)."""
    return bool(_HTML_SNIFF.search(text[:5000]))


def html_to_text(markup: str) -> str:
    """Render HTML to text: blocks end lines, table cells joined with " | ", hidden content dropped."""
    markup = _XML_DECL.sub("", markup, count=1)
    if not markup.strip():
        return ""
    try:
        root = html.document_fromstring(markup.encode("utf-8", "replace"), parser=_HTML_PARSER)
    except (etree.ParserError, ValueError):
        return ""
    if root is None:
        return ""
    return _render(root)


def xml_to_text(markup: str) -> str:
    """Render an XML document (e.g. a Form 4 ownershipDocument) as one line per leaf value."""
    markup = re.sub(r"</?XML>", "", markup, flags=re.I)
    markup = _XML_DECL.sub("", markup.strip(), count=1)
    try:
        root = etree.fromstring(markup.encode("utf-8", "replace"), parser=_XML_PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return ""
    if root is None:
        return ""
    lines = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        value = (el.text or "").strip()
        if value:
            tag = etree.QName(el).localname
            lines.append(f"{tag}: {_WS.sub(' ', value)}")
    return "\n".join(lines)


def _tag(el) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def _render(root) -> str:
    out: list[str] = []
    rows: list[int] = []  # out-index where each open <tr> began
    skipped = None
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = _tag(el)
        if event == "end" and el is skipped:  # a skipped subtree still reports its end
            skipped = None
            if el.tail:
                out.append(_WS.sub(" ", el.tail))
            continue
        if event == "start":
            if not tag:  # comment or PI that survived
                walker.skip_subtree()
                skipped = el
                continue
            style = el.get("style")
            if tag in _DROP or (style and _HIDDEN.search(style)) or el.get("hidden") is not None:
                walker.skip_subtree()
                skipped = el
                continue
            if tag in _PARA:
                out.append("\n\n")
            elif tag in _LINE and tag != "tr":
                out.append("\n")
            if tag == "tr":
                rows.append(len(out))
                out.append(_ROW_MARK)
            elif tag in _CELL:
                out.append(_CELL_MARK)
            if el.text:
                out.append(_WS.sub(" ", el.text))
        else:
            if tag == "tr" and rows:
                start = rows.pop()
                out[start:] = [_join_row("".join(out[start + 1:]))]
            elif tag in _PARA:
                out.append("\n\n")
            elif tag in ("li", "dt", "dd", "caption"):
                out.append("\n")
            if el.tail:
                out.append(_WS.sub(" ", el.tail))
    return _tidy("".join(out).replace(_CELL_MARK, " ").replace(_ROW_MARK, "\n"))


def _join_row(row: str) -> str:
    # Spacer cells are everywhere in EDGAR tables: keep only cells that say something.
    cells = [_WS.sub(" ", c).strip() for c in row.split(_CELL_MARK)]
    cells = [c for c in cells if c]
    return "\n" + " | ".join(cells) + "\n" if cells else "\n"


def _tidy(text: str) -> str:
    lines = [_WS.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip("\n")
