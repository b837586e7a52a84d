"""A page's size leaves out what is drawn or run rather than read, and the plain scan of a
page too deep to parse reads on past stray brackets and skips every script."""

from __future__ import annotations

from argmap.io.html_page import element_count, flat_blocks, parse


def test_drawings_formulas_scripts_and_styles_do_not_count_towards_a_pages_size() -> None:
    root = parse(
        "<html><head><style>p {}</style><script>x()</script></head><body>"
        "<svg><g><path/><path/></g></svg><math><mi>x</mi><mo>+</mo></math>"
        "<p>Talks resumed.</p></body></html>"
    )
    assert element_count(root) == 4  # html, head, body, p


def test_the_text_after_empty_angle_brackets_is_kept() -> None:
    first, *rest = [b.text for b in flat_blocks("<p>a <> b</p><p>c</p>")]
    assert first.startswith("a ")
    assert first.endswith(" b")
    assert rest == ["c"]


def test_a_script_with_several_attributes_is_skipped() -> None:
    raw = '<p>Kept</p><script type="text/javascript" async defer>var x = 1;</script><p>After</p>'
    assert [b.text for b in flat_blocks(raw)] == ["Kept", "After"]


def test_each_of_several_scripts_is_skipped_and_the_text_between_them_read() -> None:
    raw = "<p>Kept</p><script>a()</script><p>Between</p><script>b()</script><p>After</p>"
    assert [b.text for b in flat_blocks(raw)] == ["Kept", "Between", "After"]
