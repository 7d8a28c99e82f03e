"""Rich bodies: sanitize the editor's HTML once, on save, and derive what clients read.

A body is stored three ways, all computed at save time and never per request:
- `html`: sanitized with nh3 against a small allow-list (what the editor can produce);
- `text`: plain text, for search, previews and push notifications;
- `blocks`: a JSON tree of headings, paragraphs, lists, quotes, images and inline
  marks (strong, emphasis, link, break) that a native app renders without a web view.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "b", "i",
    "a", "blockquote", "img", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt"}}
URL_SCHEMES = {"http", "https", "mailto"}

# The editor's configuration, kept in step with the sanitizer's allow-list.
EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "allowedProtocols": ["http", "https", "mailto"]},
}

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    link_rel="noopener noreferrer",
    strip_comments=True,
)

BLOCK_TAGS = {"p", "h2", "h3", "h4", "ul", "ol", "blockquote", "img", "hr"}
INLINE_MARKS = {"strong": "strong", "b": "strong", "em": "emphasis", "i": "emphasis"}
_whitespace = re.compile(r"\s+")


def sanitize(html):
    """Sanitized HTML; idempotent, and empty for an editor's lone empty paragraph."""
    cleaned = (html or "").strip()
    for _ in range(5):  # mis-nested input can take a second pass to settle (e.g. h2 in h2)
        previous, cleaned = cleaned, _cleaner.clean(cleaned).strip()
        if cleaned == previous:
            break
    return "" if re.fullmatch(r"(<p>\s*(<br>)?\s*</p>\s*)*", cleaned) else cleaned


@dataclass(frozen=True)
class RenderedBody:
    html: str
    text: str
    blocks: list


def render(html):
    """Sanitize `html` and derive its plain text and blocks."""
    clean = sanitize(html)
    blocks = to_blocks(clean)
    return RenderedBody(html=clean, text=blocks_to_text(blocks), blocks=blocks)


class _Element:
    __slots__ = ("attrs", "children", "tag")

    def __init__(self, tag, attrs=None):
        self.tag, self.attrs, self.children = tag, dict(attrs or {}), []


class _TreeBuilder(HTMLParser):
    VOID = {"br", "img", "hr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Element("root")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        element = _Element(tag, attrs)
        self.stack[-1].children.append(element)
        if tag not in self.VOID:
            self.stack.append(element)

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def to_blocks(clean_html):
    """The block tree of sanitized HTML."""
    builder = _TreeBuilder()
    builder.feed(clean_html)
    builder.close()
    return _blocks(builder.root.children)


def _blocks(nodes):
    blocks, loose = [], []

    def flush():
        inlines = _trim(_inlines(loose))
        if inlines:
            blocks.append({"type": "paragraph", "children": inlines})
        loose.clear()

    for node in nodes:
        if isinstance(node, _Element) and node.tag in BLOCK_TAGS:
            flush()
            block = _block(node)
            if block:
                blocks.append(block)
        else:
            loose.append(node)
    flush()
    return blocks


def _block(element):
    tag = element.tag
    if tag in {"h2", "h3", "h4"}:
        children = _trim(_inlines(element.children))
        return {"type": "heading", "level": int(tag[1]), "children": children} if children else None
    if tag == "p":
        children = _trim(_inlines(element.children))
        return {"type": "paragraph", "children": children} if children else None
    if tag in {"ul", "ol"}:
        items, stray = [], []
        for child in [*element.children, None]:
            if child is None or (isinstance(child, _Element) and child.tag == "li"):
                if stray_blocks := _blocks(stray):  # malformed lists keep their content
                    items.append({"type": "list_item", "children": stray_blocks})
                stray = []
                if child is not None:
                    items.append({"type": "list_item", "children": _blocks(child.children)})
            else:
                stray.append(child)
        return {"type": "list", "ordered": tag == "ol", "items": items} if items else None
    if tag == "blockquote":
        return {"type": "quote", "children": _blocks(element.children)}
    if tag == "img":
        src = element.attrs.get("src")
        return {"type": "image", "src": src, "alt": element.attrs.get("alt") or ""} if src else None
    return {"type": "rule"}  # hr


def _inlines(nodes):
    result = []
    for node in nodes:
        if isinstance(node, str):
            text = _whitespace.sub(" ", node)
            if text:
                result.append({"type": "text", "text": text})
        elif node.tag == "br":
            result.append({"type": "break"})
        elif node.tag in INLINE_MARKS:
            children = _inlines(node.children)
            if children:
                result.append({"type": INLINE_MARKS[node.tag], "children": children})
        elif node.tag == "a" and node.attrs.get("href"):
            result.append(
                {"type": "link", "href": node.attrs["href"], "children": _inlines(node.children)}
            )
        else:
            result.extend(_inlines(node.children))
    return result


def _trim(inlines):
    """Drop whitespace at the edges of a run of inline nodes."""
    while inlines and inlines[0]["type"] == "text" and not inlines[0]["text"].strip():
        inlines.pop(0)
    while inlines and inlines[-1]["type"] == "text" and not inlines[-1]["text"].strip():
        inlines.pop()
    if inlines and inlines[0]["type"] == "text":
        inlines[0] = {"type": "text", "text": inlines[0]["text"].lstrip()}
    if inlines and inlines[-1]["type"] == "text":
        inlines[-1] = {"type": "text", "text": inlines[-1]["text"].rstrip()}
    return inlines


def blocks_to_text(blocks):
    """Plain text of a block tree: one paragraph per block, lists as "- item"."""
    return "\n\n".join(filter(None, (_block_text(block) for block in blocks)))


def _block_text(block, depth=0):
    kind = block["type"]
    if kind in {"heading", "paragraph"}:
        return _inline_text(block["children"])
    if kind == "list":
        lines = []
        for number, item in enumerate(block["items"], start=1):
            marker = f"{number}." if block["ordered"] else "-"
            parts = [_block_text(child, depth + 1) for child in item["children"]]
            lines.append("  " * depth + f"{marker} " + "\n".join(filter(None, parts)))
        return "\n".join(lines)
    if kind == "quote":
        return blocks_to_text(block["children"])
    if kind == "image":
        return block["alt"]
    return ""


def _inline_text(inlines):
    out = []
    for node in inlines:
        if node["type"] == "text":
            out.append(node["text"])
        elif node["type"] == "break":
            out.append("\n")
        else:
            out.append(_inline_text(node["children"]))
    return "".join(out)
