"""An article's text with its facts marked: escaped, properly nested, whatever the spans."""

from __future__ import annotations

from html.parser import HTMLParser

from schaatsradar.web.annotate import Evidence, SkaterLink, annotate, merge_evidence

TEXT = "De Nederlandse vloog naar 1.12,74.\n\nJutta Leerdam won <b>goud</b>."


class Nesting(HTMLParser):
    """Fails on a tag closed out of order; collects the text."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open}"
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def nested_text(html: str) -> str:
    parser = Nesting()
    parser.feed(html)
    assert parser.open == []
    return "".join(parser.text)


def test_evidence_is_marked_and_the_text_escaped():
    annotated = annotate(TEXT, [Evidence(0, 33, "result-0")], [])
    assert '<mark id="evidence-0" class="fact fact-result" data-facts="result-0">' in annotated.html
    assert "De Nederlandse vloog naar 1.12,74</mark>" in annotated.html
    assert "&lt;b&gt;goud&lt;/b&gt;" in annotated.html
    assert "<b>" not in annotated.html
    assert annotated.anchor_of_fact == {"result-0": "evidence-0"}


def test_overlapping_spans_nest_and_keep_every_word():
    evidence = [Evidence(0, 20, "record-0"), Evidence(15, 33, "result-0")]
    links = [SkaterLink(3, 14, "/schaatsers/jutta-leerdam"), SkaterLink(36, 49, "/x")]
    annotated = annotate(TEXT, evidence, links)
    assert nested_text(annotated.html).replace("\n", "") == TEXT.replace("\n", "")
    assert annotated.html.count("<mark") == 1  # the two spans overlap: one mark shows both
    assert 'data-facts="record-0 result-0"' in annotated.html
    assert annotated.html.count("<p>") == 2


def test_a_span_across_paragraphs_is_split_at_the_paragraph():
    annotated = annotate(TEXT, [Evidence(26, 50, "result-0")], [])
    assert annotated.html.count("<mark") == 2
    assert annotated.html.count('id="evidence-26"') == 1
    nested_text(annotated.html)


def test_spans_outside_the_text_are_ignored():
    assert merge_evidence([Evidence(5, 500, "result-0"), Evidence(7, 3, "result-1")], 60) == []
    annotated = annotate(TEXT, [], [SkaterLink(50, 900, "/x")])
    assert "<a" not in annotated.html


def test_links_cannot_carry_script_urls():
    annotated = annotate(TEXT, [], [SkaterLink(0, 2, "javascript:alert(1)")])
    assert "javascript:" not in annotated.html
