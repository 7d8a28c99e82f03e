import os
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from publishing.bodies import render, sanitize

MIS_NESTED = (
    '<h2><a href="https://x.org"><h2><a href="https://x.org">x</a></h2>'  # found by hypothesis
)
MALICIOUS = [
    "<script>alert(1)</script><p>ok</p>",
    '<p onclick="alert(1)">x</p>',
    '<a href="javascript:alert(1)">x</a>',
    '<img src="data:image/png;base64,AAAA" onerror="alert(1)">',
    '<iframe src="https://evil.example"></iframe>',
    "<object data='x'></object><embed src='x'>",
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    "<svg><script>alert(1)</script></svg>",
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    "<img src=x onerror=alert(1)//>",
    '<math><mtext><table><mglyph><style><img src=x onerror="alert(1)">',
    '<base href="https://evil.example/"><form action="https://evil.example"><input></form>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<a href="vbscript:msgbox(1)">x</a><a href=" data:text/html,<script>">y</a>',
]
# Images stay (with http(s) sources only); everything that runs or embeds another document goes.
EMBEDDING = {
    "script",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "style",
    "link",
    "meta",
    "base",
    "form",
    "input",
    "frame",
    "frameset",
    "video",
    "audio",
    "source",
    "noscript",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcset", "poster"}


class Inspector(HTMLParser):
    """Parses sanitized output the way a browser tokenizes it and records what is dangerous."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag in EMBEDDING:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.problems.append(f"{tag}[{name}]")
            scheme = "".join((value or "").split()).lower().split(":", 1)[0]
            if (
                name in URL_ATTRIBUTES
                and ":" in (value or "")
                and scheme not in ("http", "https", "mailto")
            ):
                self.problems.append(f"{tag}[{name}={value}]")


def assert_safe(html):
    inspector = Inspector()
    inspector.feed(html)
    inspector.close()
    assert inspector.problems == [], (inspector.problems, html)


def test_mis_nested_markup_settles_in_one_sanitize():
    once = sanitize(MIS_NESTED)
    assert sanitize(once) == once


def test_known_attacks_are_removed():
    for html in MALICIOUS:
        assert_safe(sanitize(html))


@settings(max_examples=int(os.environ.get("PROPERTY_EXAMPLES", 200)), deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *MALICIOUS,
                "<p>",
                "</p>",
                "<h2>",
                "</h2>",
                "<ul><li>",
                "</li></ul>",
                "<em>",
                "</em>",
                "<a href='https://x.org'>",
                "</a>",
                "text & more",
                "<br>",
                "<blockquote>",
            ]
        )
        | st.text(max_size=20),
        max_size=20,
    ).map("".join)
)
def test_sanitizing_is_safe_and_idempotent(html):
    once = sanitize(html)
    assert_safe(once)
    assert sanitize(once) == once


def test_blocks_describe_headings_paragraphs_lists_and_inline_marks():
    body = render(
        '<h2>Title</h2><p>Some <strong>bold</strong> and <a href="https://x.org">a link</a>.</p>'
        "<ol><li>first</li><li>second</li></ol>"
    )
    assert body.blocks == [
        {"type": "heading", "level": 2, "children": [{"type": "text", "text": "Title"}]},
        {
            "type": "paragraph",
            "children": [
                {"type": "text", "text": "Some "},
                {"type": "strong", "children": [{"type": "text", "text": "bold"}]},
                {"type": "text", "text": " and "},
                {
                    "type": "link",
                    "href": "https://x.org",
                    "children": [{"type": "text", "text": "a link"}],
                },
                {"type": "text", "text": "."},
            ],
        },
        {
            "type": "list",
            "ordered": True,
            "items": [
                {
                    "type": "list_item",
                    "children": [
                        {"type": "paragraph", "children": [{"type": "text", "text": "first"}]}
                    ],
                },
                {
                    "type": "list_item",
                    "children": [
                        {"type": "paragraph", "children": [{"type": "text", "text": "second"}]}
                    ],
                },
            ],
        },
    ]
    assert body.text == "Title\n\nSome bold and a link.\n\n1. first\n2. second"


def test_an_editor_s_empty_paragraph_is_an_empty_body():
    assert render("<p></p>").html == ""
