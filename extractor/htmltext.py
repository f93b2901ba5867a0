"""Render HTML/XHTML (inline XBRL included) and XML documents to plain text with lxml, never fetching anything."""
from __future__ import annotations

import html as _html_entities
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

# Cheap sniff: an HTML document opens with one of these tags within its first kilobytes
# (a page that starts with kilobytes of <script> or <style> is HTML too: they never become text).
_HTML_SNIFF = re.compile(r"<(?:html|body|head|div|p|table|font|br|center|script|style|meta|span"
                         r"|!doctype\s+html)\b", re.I)
# A DOCTYPE with an internal subset (<!DOCTYPE x [<!ENTITY ...>]>): never parsed, never printed.
_DOCTYPE = re.compile(r"\s*<!DOCTYPE[^<>\[]{0,2000}(?:\[[^\]]{0,100000}\][ \t\r\n]*)?>", re.I)  # .match: at the start
# Inline tags that nest without end in broken HTML (thousands of unclosed <font>): dropped
# before a second parse when the first hit libxml2's depth limit.
_INLINE_TAGS = re.compile(r"</?(?:font|span|b|i|u|a|em|strong|small|big|sup|sub|s|strike|tt|ins|del|abbr|cite"
                          r"|code|nobr|ix:[a-z]+)\b[^<>]{0,2000}>", re.I)
# The last resort when the markup defeats the tree parser: tags by regex, linear time.
# (an element left open runs to the end, as in a browser: each pattern stays linear)
_RX_DROP = re.compile(r"<(script|style|head|title|noscript|template)\b[^<>]{0,2000}>.*?(?:</\1\s*>|\Z)", re.I | re.S)
_RX_HIDDEN_OPEN = re.compile(r"<ix:header\b.*?(?:</ix:header\s*>|\Z)", re.I | re.S)
_RX_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<\?.*?(?:\?>|\Z)|<![^<>]{0,2000}>", re.S)
_RX_BLOCK = re.compile(r"(?:</?(?:p|div|h[1-6]|table|ul|ol|dl|blockquote|pre|address|section|article|header"
                       r"|footer|hr|center|form|document|page)\b[^<>]{0,2000}>\s*)+", re.I)
_RX_BLANK_RUN = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_RX_CELL_RUN = re.compile(r"(?:\s*\|\s*){2,}")
_RX_LINE = re.compile(r"<(?:br|/tr|li|dt|dd|option|caption)\b[^<>]{0,2000}>", re.I)
_RX_CELL = re.compile(r"<t[dh]\b[^<>]{0,2000}>", re.I)
_RX_TAG = re.compile(r"</?[A-Za-z][^<>]{0,2000}>")
# Character references libxml2 turns into bytes that are not UTF-8 (a lone surrogate
# &#xD800;, NUL, beyond U+10FFFF): a cheap prefilter, then each one checked.
_MAYBE_BAD_REF = re.compile(r"&#(?:[xX]0*(?:[dD][89a-fA-F]|[0-9a-fA-F]{7}|;)|0*(?:5[5-7]\d{3}|\d{7}|;))")
_CHARREF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,16})|(\d{1,20}));?")


def _fix_ref(m: re.Match) -> str:
    value = int(m.group(1), 16) if m.group(1) is not None else int(m.group(2))
    return "\ufffd" if value == 0 or 0xD800 <= value <= 0xDFFF or value > 0x10FFFF else m.group(0)


def _safe_refs(markup: str) -> str:
    return _CHARREF.sub(_fix_ref, markup) if _MAYBE_BAD_REF.search(markup) else markup


def looks_like_html(text: str) -> bool:
    """True when the text is HTML/XHTML rather than plain text with a few SGML tags (<PAGE>)."""
    return bool(_HTML_SNIFF.search(text[:5000]))


def html_to_text(markup: str) -> str:
    """Render HTML to text: blocks end lines, table cells joined with " | ", hidden content dropped."""
    markup = _XML_DECL.sub("", markup, count=1)
    doctype = _DOCTYPE.match(markup) if "<!" in markup[:5000] else None
    if doctype:
        markup = markup[doctype.end():]
    if not markup.strip():
        return ""
    markup = _safe_refs(markup)
    root, limited = _parse_html(markup)
    if limited:  # nested deeper than libxml2 allows, or a text node over 10 MB
        markup = _INLINE_TAGS.sub("", markup)
        root, limited = _parse_html(markup)
        if limited:
            return regex_html_to_text(markup)
    if root is None:
        return ""
    try:
        text = _render(root)
        if not text and len(markup) > 2000:
            # Everything sat in a hidden element: an unclosed <div style="display:none">
            # (the inline-XBRL header's) swallows the document. Read it with hiding off.
            text = _render(root, hide=False)
        return text
    except (UnicodeDecodeError, ValueError):  # a text node lxml cannot give back as str
        return regex_html_to_text(markup)


def _parse_html(markup: str):
    """(root, hit_limit): libxml2's tree, and whether it stopped at a resource limit (depth, size)."""
    data = markup.encode("utf-8", "replace")
    try:
        root = html.document_fromstring(data, parser=_HTML_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None, False
    limited = any(e.type_name == "ERR_RESOURCE_LIMIT" for e in _HTML_PARSER.error_log)
    return root, limited


def regex_html_to_text(markup: str) -> str:
    """Markup to text without a tree (blocks end lines, cells joined by " | ", script/style dropped)."""
    text = _RX_DROP.sub(" ", markup)
    text = _RX_HIDDEN_OPEN.sub(" ", text)
    text = _RX_COMMENT.sub(" ", text)
    text = _RX_BLOCK.sub("\n\n", text)
    text = _RX_LINE.sub("\n", text)
    text = _RX_CELL.sub(" | ", text)
    text = _RX_TAG.sub("", text)
    text = _RX_BLANK_RUN.sub("\n\n", _html_entities.unescape(text))
    lines = []
    for line in text.split("\n"):
        line = _WS.sub(" ", line).strip().strip("|").strip()
        lines.append(_RX_CELL_RUN.sub(" | ", line) if "|" in line else line)
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip("\n")


def xml_to_text(markup: str) -> str:
    """Render an XML document (e.g. a Form 4 ownershipDocument) as one line per leaf value."""
    markup = re.sub(r"</?XML>", "", markup, flags=re.I)
    markup = _safe_refs(_XML_DECL.sub("", markup.strip(), count=1))
    try:
        root = etree.fromstring(markup.encode("utf-8", "replace"), parser=_XML_PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return ""
    if root is None:
        return ""
    lines = []
    for el in root.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        try:
            value = (el.text or "").strip()
        except (UnicodeDecodeError, ValueError):
            continue
        if value:
            local = tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]  # recovered trees have odd names
            lines.append(f"{local}: {_WS.sub(' ', value)}")
    return "\n".join(lines)


def _tag(el) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def _render(root, hide: bool = True) -> str:
    out: list[str] = []
    rows: list[int] = []  # out-index where each open <tr> began
    skipped = None
    walker = etree.iterwalk(root, events=("start", "end"))
    ws = _WS.sub
    for event, el in walker:
        tag = el.tag
        tag = tag.lower() if tag.__class__ is str else ""  # comments and PIs have no str tag
        if event == "end" and el is skipped:  # a skipped subtree still reports its end
            skipped = None
            if el.tail:
                out.append(ws(" ", el.tail))
            continue
        if event == "start":
            if not tag:  # comment or PI that survived
                walker.skip_subtree()
                skipped = el
                continue
            style = el.get("style")
            if tag in _DROP or (hide and ((style and _HIDDEN.search(style)) or el.get("hidden") is not None)):
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
                out.append(ws(" ", el.text))
        else:
            if tag == "tr" and rows:
                start = rows.pop()
                out[start:] = [_join_row("".join(out[start + 1:]))]
            elif tag in _PARA:
                out.append("\n\n")
            elif tag in ("li", "dt", "dd", "caption"):
                out.append("\n")
            if el.tail:
                out.append(ws(" ", el.tail))
    return _tidy("".join(out).replace(_CELL_MARK, " ").replace(_ROW_MARK, "\n"))


_PARA_BREAK = re.compile(r"\S\s*\n\n\s*\S")


def _join_row(row: str) -> str:
    raw = row.split(_CELL_MARK)
    if len(row) > 1000 and any(len(c) > 1000 and _PARA_BREAK.search(c) for c in raw):
        # A layout table (a whole document, or its items, inside one cell): keep its paragraphs.
        return "\n\n" + "\n\n".join(c.strip("\n") for c in raw if c.strip()) + "\n\n"
    # Spacer cells are everywhere in EDGAR tables: keep only cells that say something.
    cells = [_WS.sub(" ", c).strip() for c in raw]
    cells = [c for c in cells if c]
    return "\n" + " | ".join(cells) + "\n" if cells else "\n"


def _tidy(text: str) -> str:
    lines = [_WS.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip("\n")
