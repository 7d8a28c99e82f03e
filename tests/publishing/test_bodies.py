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
]


def assert_safe(html):
    lowered = html.lower()
    for needle in ("<script", "onerror", "onclick", "javascript:", "data:", "<iframe", "<object",
                   "<embed", "<svg", "style="):  # fmt: skip
        assert needle not in lowered, (needle, html)


def test_mis_nested_markup_settles_in_one_sanitize():
    once = sanitize(MIS_NESTED)
    assert sanitize(once) == once


def test_known_attacks_are_removed():
    for html in MALICIOUS:
        assert_safe(sanitize(html))


@settings(max_examples=200, deadline=None)
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
