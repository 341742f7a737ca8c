"""Rendering quotes as HTML: structure, exact text, colours, escaping, and what a browser shows.

The browser tests open standalone pages in headless Chromium (Debian's ``chromium`` package, or ``$CHROMIUM``) and read
the DOM after the page loaded. Without a browser they are skipped, and the test summary says how to run them;
``.ci/run`` installs Chromium and sets ``QUOTEBANK_REQUIRE_BROWSER=1``, so that in CI a missing browser fails instead.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType

import attrs
import pytest
import spacy
from conftest import ROOT, SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

import quotebank
from quotebank import Channel, Quote, QuoteKind, Rendering, Speaker, render
from quotebank.display import PALETTE, UNATTRIBUTED, bank_html, quotes_table_html

# -- helpers -------------------------------------------------------------------------------------------------------


@attrs.define
class Mark:
    quote_id: str
    kind: str
    speaker: str
    style: str
    text: str = ""
    label: str = ""
    depth: int = 0
    parent_ids: tuple[str, ...] = ()


class RenderParser(HTMLParser):
    """Reads a rendering back: the article's text, and each mark's own text, label and nesting."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.marks: list[Mark] = []
        self.open: list[Mark] = []
        self.stack: list[str] = []
        self.in_label = 0
        self.in_legend = 0
        self.legend: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        a = dict(attrs_)
        self.tags.append(tag)
        cls = a.get("class") or ""
        self.stack.append(cls)
        if cls == "qb-label":
            self.in_label += 1
        if cls == "qb-legend":
            self.in_legend += 1
        if tag == "mark":
            mark = Mark(
                quote_id=a["data-quote-id"] or "",
                kind=a["data-kind"] or "",
                speaker=a["data-speaker"] or "",
                style=a.get("style") or "",
                depth=len(self.open),
                parent_ids=tuple(m.quote_id for m in self.open),
            )
            self.marks.append(mark)
            self.open.append(mark)

    def handle_endtag(self, tag: str) -> None:
        cls = self.stack.pop()
        if cls == "qb-label":
            self.in_label -= 1
        if cls == "qb-legend":
            self.in_legend -= 1
        if tag == "mark":
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if self.in_legend:
            self.legend.append(data)
        elif self.in_label:
            self.open[-1].label += data
        else:
            self.text.append(data)
            for mark in self.open:
                mark.text += data


def parse(markup: str) -> RenderParser:
    parser = RenderParser()
    parser.feed(markup)
    parser.close()
    assert parser.stack == [], "unbalanced tags"
    return parser


def quote(text: str, fragment: str, qid: str = "q0", occurrence: int = 0, **fields: object) -> Quote:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(fragment, start + 1)
    return Quote(id=qid, text=fragment, start=start, end=start + len(fragment), **fields)  # type: ignore[arg-type]


def background(style: str) -> str:
    match = re.search(r"background: (#[0-9a-f]{6})", style)
    assert match, style
    return match.group(1)


HOFFMAN = Speaker(name="Jonathan Hoffman", role="Pentagon spokesman", aliases=["Hoffman"])
GRISHAM = Speaker(name="Stephanie Grisham", role="White House press secretary")
ARTICLE = (
    "Pentagon spokesman Jonathan Hoffman said: “We are working on initial battle damage assessments.”\n\n"
    "“We are aware of the reports,” Grisham said. Hoffman added: “We will take all necessary measures.”\n"
    "Someone wrote: “no one knows.”"
)


def article_quotes() -> list[Quote]:
    return [
        quote(
            ARTICLE, "We are working on initial battle damage assessments.", "q0", speaker=HOFFMAN, channel="statement"
        ),
        quote(ARTICLE, "We are aware of the reports,", "q1", speaker=GRISHAM),
        quote(ARTICLE, "We will take all necessary measures.", "q2", speaker=HOFFMAN, channel="statement"),
        quote(ARTICLE, "no one knows.", "q3"),
    ]


# -- structure ------------------------------------------------------------------------------------------------------


def test_every_quote_is_one_mark_with_its_exact_text_and_label() -> None:
    quotes = article_quotes()
    rendering = render(ARTICLE, quotes, title="briefing")
    parsed = parse(rendering.html)
    assert "".join(parsed.text) == ARTICLE  # the article, character for character, line breaks included
    assert [m.quote_id for m in parsed.marks] == ["q0", "q1", "q2", "q3"]
    for mark, q in zip(parsed.marks, quotes, strict=True):
        assert mark.text == q.text
        assert mark.kind == q.kind.value
    labels = [m.label for m in parsed.marks]
    assert labels == [
        "Jonathan Hoffman · Pentagon spokesman · statement",
        "Stephanie Grisham · White House press secretary",  # unknown channel: not written
        "Jonathan Hoffman · Pentagon spokesman · statement",
        UNATTRIBUTED,
    ]
    assert "white-space: pre-wrap" in rendering.html


def test_one_colour_per_speaker_and_grey_for_unattributed() -> None:
    marks = parse(render(ARTICLE, article_quotes()).html).marks
    colours = [background(m.style) for m in marks]
    assert colours[0] == colours[2] == PALETTE[0]  # Hoffman, twice
    assert colours[1] == PALETTE[1]  # Grisham
    assert colours[3] not in PALETTE  # unattributed
    assert marks[3].speaker == "" and marks[0].speaker == "Jonathan Hoffman"


def test_indirect_speech_is_lighter() -> None:
    text = "Hoffman said the strikes had ended. “It is over,” he added."
    reported = quote(text, "the strikes had ended", "q0", kind=QuoteKind.INDIRECT, speaker=HOFFMAN)
    direct = quote(text, "It is over,", "q1", speaker=HOFFMAN)
    marks = parse(render(text, [reported, direct]).html).marks
    assert f"background: {PALETTE[0]}80;" in marks[0].style
    assert f"background: {PALETTE[0]};" in marks[1].style


def test_legend_lists_speakers_with_counts() -> None:
    legend = " ".join("".join(parse(render(ARTICLE, article_quotes()).html).legend).split())
    assert legend.startswith("4 quotes")
    assert "Jonathan Hoffman (Pentagon spokesman) × 2" in legend
    assert f"{UNATTRIBUTED} × 1" in legend
    assert "qb-legend" not in render(ARTICLE, article_quotes(), legend=False).html


def test_nested_quotes_nest_and_crossing_quotes_keep_the_text() -> None:
    text = "He said: “They told us ‘leave now’ and we left.” Then nothing."
    outer = quote(text, "They told us ‘leave now’ and we left.", "q0", speaker=HOFFMAN)
    inner = quote(text, "leave now", "q1", parent="q0")
    parsed = parse(render(text, [inner, outer]).html)
    assert [(m.quote_id, m.depth, m.parent_ids) for m in parsed.marks] == [("q0", 0, ()), ("q1", 1, ("q0",))]
    assert parsed.marks[0].text == outer.text and parsed.marks[1].text == inner.text
    # Two quotes that cross (only possible by hand): the text survives, the later quote comes in pieces.
    a = Quote(id="a", text=text[9:30], start=9, end=30)
    b = Quote(id="b", text=text[20:45], start=20, end=45)
    parsed = parse(render(text, [a, b]).html)
    assert "".join(parsed.text) == text
    assert "".join(m.text for m in parsed.marks if m.quote_id == "b") == b.text
    assert [m.label for m in parsed.marks if m.label] == [UNATTRIBUTED, UNATTRIBUTED]


def test_empty_and_edge_quotes() -> None:
    text = "“x”"
    parsed = parse(
        render(text, [Quote(id="q0", text="x", start=1, end=2), Quote(id="e", text="", start=3, end=3)]).html
    )
    assert "".join(parsed.text) == text
    assert [m.quote_id for m in parsed.marks] == ["q0", "e"]
    assert parse(render("", []).html).text == []


_CHARS = st.sampled_from([*"ab <>&\"'“”\n", "é", "😀"])


@st.composite
def text_and_quotes(draw: st.DrawFn) -> tuple[str, list[Quote]]:
    text = "".join(draw(st.lists(_CHARS, max_size=40)))
    n = draw(st.integers(0, 5))
    quotes = []
    for i in range(n):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        speaker = draw(st.sampled_from([None, HOFFMAN, Speaker(name="<b>&amp;</b>", role="'\"")]))
        quotes.append(Quote(id=f"q{i}", text=text[start:end], start=start, end=end, speaker=speaker))
    return text, quotes


@settings(max_examples=150, deadline=None)
@given(text_and_quotes())
def test_rendering_keeps_the_text_and_each_quote_whatever_the_input(case: tuple[str, list[Quote]]) -> None:
    text, quotes = case
    parsed = parse(render(text, quotes).html)
    assert "".join(parsed.text) == text
    for q in quotes:
        assert "".join(m.text for m in parsed.marks if m.quote_id == q.id) == q.text
    assert set(parsed.tags) <= {"div", "span", "mark", "small"}


def test_bad_input_is_refused() -> None:
    q = quote(ARTICLE, "no one knows.")
    with pytest.raises(ValueError, match="does not match"):
        render("something else entirely, and long enough", [q])
    with pytest.raises(ValueError, match="does not match"):
        render("short", [q])
    with pytest.raises(TypeError, match="int"):
        render(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Quote"):
        render(ARTICLE, [q.to_dict()])  # type: ignore[list-item]


def test_rendering_object_repr_page_and_save(tmp_path: Path) -> None:
    rendering = render(ARTICLE, article_quotes())
    assert isinstance(rendering, Rendering)
    assert rendering._repr_html_() == rendering.html == str(rendering)
    r = repr(rendering)
    assert "\n" not in r and len(r) < 120 and "4 quotes, 2 speakers" in r
    assert rendering.title.startswith("Pentagon spokesman Jonathan Hoffman")
    doc_title = render(ARTICLE, [attrs.evolve(q, doc_id="abc-1") for q in article_quotes()]).title
    assert doc_title == "abc-1"
    page = rendering.save(tmp_path / "page.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert rendering.html in page
    assert "Content-Security-Policy" not in rendering.page(csp=False)


def test_render_a_doc_and_a_seed_with_real_extraction(nlp, seed_texts) -> None:
    doc = nlp(ARTICLE)
    from_doc = render(doc)
    assert [q.text for q in from_doc.quotes] == [q.text for q in doc._.quotes]
    with pytest.raises(ValueError, match="not processed"):
        render(spacy.blank("en")("“Hi,” he said."))
    first = True
    for text in seed_texts.values():
        rendering = render(text)  # finds the quotes itself
        if first:
            assert rendering.quotes == tuple(quotebank.extract(text))
            first = False
        parsed = parse(rendering.html)
        assert "".join(parsed.text) == text
        assert len(parsed.marks) == len(rendering.quotes) > 0
        for mark, q in zip(parsed.marks, rendering.quotes, strict=True):
            assert mark.text == q.text
            # Attributed or not (attribution is still growing), the label says so.
            assert mark.label.startswith(q.speaker.name if q.speaker else UNATTRIBUTED)


def test_bank_display(nlp) -> None:
    bank = quotebank.QuoteBank(nlp=nlp)
    text = ARTICLE + f" Eve said: “{SCRIPT}”"
    evil = Speaker(name=f"Eve {IMG}", role=SCRIPT, handle=IMG, kind="person")
    quotes = [*article_quotes(), quote(text, SCRIPT, "q4", speaker=evil)]
    bank.add_quotes(text, quotes, doc_id="briefing")
    markup = bank_html(bank)
    rows = re.findall(r"<tr>(.*?)</tr>", markup)
    assert len(rows) == 1 + len({q.speaker.name for q in quotes if q.speaker})
    assert "Jonathan Hoffman" in rows[1] and "Pentagon spokesman" in rows[1]  # most quoted first
    assert "1 article" in markup
    assert "<script" not in markup.lower() and "<img" not in markup.lower()
    assert "and 2 more speakers" in bank_html(bank, limit=1)
    if hasattr(quotebank.QuoteBank, "_repr_html_"):
        assert bank._repr_html_() == markup


def test_rich_display_of_quotes_and_speakers() -> None:
    q = article_quotes()[0]
    card = q._repr_html_()
    assert "We are working on initial battle damage assessments." in card
    assert "Jonathan Hoffman" in card and "Pentagon spokesman" in card and "statement" in card
    assert UNATTRIBUTED in article_quotes()[3]._repr_html_()
    speaker = Speaker(name="Ali Khamenei", role="supreme leader", roles=["Ayatollah"], aliases=["Khamenei"], handle="k")
    line = speaker._repr_html_()
    assert all(part in line for part in ("Ali Khamenei", "supreme leader", "Ayatollah", "Khamenei", "@k"))
    assert "\n" not in repr(q) and "\n" not in repr(speaker)
    table = quotes_table_html(article_quotes(), limit=2)
    assert table.count("<tr>") == 3 and "and 2 more" in table


# -- escaping -------------------------------------------------------------------------------------------------------

SCRIPT = "<script>document.documentElement.setAttribute('data-xss', 'script')</script>"
IMG = "<img src=x onerror=\"document.documentElement.setAttribute('data-xss', 'img')\">"
EVIL_ARTICLE = f"Intro {IMG} text. He said “{SCRIPT} and {IMG}” and left. {SCRIPT}\n<b>bold</b> & more."


def evil_quotes() -> list[Quote]:
    evil_speaker = Speaker(name=f"Eve {IMG}", role=SCRIPT, roles=[IMG], aliases=[SCRIPT], handle=IMG)
    inside = f"{SCRIPT} and {IMG}"
    return [
        quote(EVIL_ARTICLE, inside, "q0", speaker=evil_speaker, channel=Channel.TWEET, doc_id=IMG),
        quote(EVIL_ARTICLE, "<b>bold</b>", "q1", kind=QuoteKind.PARTIAL),
    ]


def test_everything_rendered_is_escaped() -> None:
    quotes = evil_quotes()
    rendering = render(EVIL_ARTICLE, quotes, title=SCRIPT)
    outputs = {
        "render": rendering.html,
        "page": rendering.page(),
        "quote card": quotes[0]._repr_html_(),
        "speaker": quotes[0].speaker._repr_html_() if quotes[0].speaker else "",
        "table": quotes_table_html(quotes),
    }
    for where, markup in outputs.items():
        lowered = markup.lower()
        assert "<script" not in lowered, where
        assert "<img" not in lowered, where
        assert "<b>bold" not in lowered, where
        assert 'onerror="' not in lowered, where
    parsed = parse(rendering.html)
    assert "".join(parsed.text) == EVIL_ARTICLE  # shown as text, exactly
    assert parsed.marks[0].text == quotes[0].text
    assert parsed.marks[0].speaker == f"Eve {IMG}"  # the attribute holds the name, escaped on the way in
    assert set(parsed.tags) <= {"div", "span", "mark", "small"}


# -- in a browser ---------------------------------------------------------------------------------------------------


def load_screenshot_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("quotebank_screenshot", ROOT / "scripts" / "screenshot.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REQUIRE_BROWSER = "QUOTEBANK_REQUIRE_BROWSER"
HOW_TO_GET_A_BROWSER = (
    "to run these tests, `apt-get install chromium` (or set $CHROMIUM to a Chromium or Chrome binary)"
)


@pytest.fixture(scope="module")
def browser() -> ModuleType:
    module = load_screenshot_script()
    if module.find_chromium() is None:
        if os.environ.get(REQUIRE_BROWSER) == "1":
            pytest.fail(f"{REQUIRE_BROWSER}=1 but no Chromium was found: {HOW_TO_GET_A_BROWSER}")
        pytest.skip(f"no Chromium, so the rendering was not checked in a browser; {HOW_TO_GET_A_BROWSER}")
    return module


# Appended to a copy of the page (without its CSP, which would block it): reports, once everything has loaded, what
# a reader sees of each mark, and whether anything from the article ran.
PROBE = """<script>
window.addEventListener("load", function () {
  var marks = Array.prototype.map.call(document.querySelectorAll("mark.qb-quote"), function (m) {
    var box = m.getBoundingClientRect(), css = getComputedStyle(m), own = m.cloneNode(true);
    Array.prototype.forEach.call(own.querySelectorAll(".qb-label"), function (l) { l.remove(); });
    var line = m.getClientRects()[0];  // the first line of the mark
    var hit = document.elementFromPoint(line.left + Math.min(4, line.width / 2), line.top + line.height / 2);
    return {id: m.dataset.quoteId, width: box.width, height: box.height, top: box.top + scrollY,
            display: css.display, visibility: css.visibility, opacity: css.opacity,
            background: css.backgroundColor, text: own.textContent,
            label: (m.querySelector(":scope > .qb-label") || {}).textContent || "",
            inView: line.bottom <= innerHeight, onTop: !!hit && (hit === m || m.contains(hit))};
  });
  var render = document.querySelector(".quotebank-render");
  var report = {marks: marks, xss: document.documentElement.getAttribute("data-xss"),
                injected: render.querySelectorAll("script, img, b").length, text: render.innerText};
  var out = document.createElement("pre");
  out.id = "probe-report";
  out.textContent = JSON.stringify(report);
  document.body.appendChild(out);
});
</script>"""


def probe(browser: ModuleType, rendering: Rendering, tmp_path: Path, name: str) -> dict[str, object]:
    page = tmp_path / f"{name}.html"
    page.write_text(rendering.page(csp=False).replace("</body>", PROBE + "\n</body>"), encoding="utf-8")
    dom = browser.dump_dom(page, height=8000)  # tall enough that every mark is in view
    match = re.search(r'<pre id="probe-report">(.*?)</pre>', dom, re.DOTALL)
    assert match, f"the probe did not report; the DOM was:\n{dom[:2000]}"
    import html

    report: dict[str, object] = json.loads(html.unescape(match.group(1)))
    return report


def rgb(hex_colour: str, *, lighter: bool = False) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, 0.5" if lighter else f"rgb({r}, {g}, {b})"


def test_browser_shows_every_quote_highlighted(browser: ModuleType, tmp_path: Path, seed_texts) -> None:
    text = seed_texts[SEEDS[1].name]
    quotes = quotebank.extract(text, doc_id=SEEDS[1].name)
    # Give two speakers by hand so the colours are known whatever attribution finds.
    quotes = [attrs.evolve(q, speaker=(HOFFMAN, GRISHAM, None)[i % 3]) for i, q in enumerate(quotes)]
    rendering = render(text, quotes)
    report = probe(browser, rendering, tmp_path, "seed")
    marks = report["marks"]
    assert isinstance(marks, list) and len(marks) == len(quotes) > 0
    expected = {"Jonathan Hoffman": PALETTE[0], "Stephanie Grisham": PALETTE[1]}
    for mark, q in zip(marks, quotes, strict=True):
        assert mark["id"] == q.id
        assert mark["width"] > 0 and mark["height"] > 0, mark
        assert mark["display"] != "none" and mark["visibility"] == "visible" and float(mark["opacity"]) == 1, mark
        assert mark["inView"] and mark["onTop"], f"{q.id} is not in view, or is covered by something else"
        assert mark["text"] == q.text
        assert mark["label"].startswith(q.speaker.name if q.speaker else UNATTRIBUTED)
        if q.speaker is not None:
            assert mark["background"].startswith(rgb(expected[q.speaker.name], lighter=q.kind is QuoteKind.INDIRECT)), (
                mark
            )
    tops = [m["top"] for m in marks]
    assert all(b >= a - 5 for a, b in itertools.pairwise(tops)), "the quotes are shown in the article's order"


def test_browser_shows_the_saved_page_as_is(browser: ModuleType, tmp_path: Path, seed_texts) -> None:
    # The page exactly as render(...).save() writes it, Content-Security-Policy included.
    text = seed_texts[SEEDS[0].name]
    rendering = render(text)
    dom = browser.dump_dom(rendering.save(tmp_path / "saved.html"))
    parsed = parse(dom[dom.index('<div class="quotebank-render"') : dom.rindex("</body>")])
    assert [m.quote_id for m in parsed.marks] == [q.id for q in rendering.quotes]
    shown = "".join(parsed.text)  # the article, then the page's closing line breaks
    assert shown[: len(text)] == text and not shown[len(text) :].strip()


def test_browser_runs_nothing_from_the_article(browser: ModuleType, tmp_path: Path) -> None:
    # Without the CSP, so that escaping alone is what is tested.
    report = probe(browser, render(EVIL_ARTICLE, evil_quotes(), title=SCRIPT), tmp_path, "evil")
    assert report["xss"] is None, f"injected markup ran: {report['xss']}"
    assert report["injected"] == 0
    text = str(report["text"])
    assert SCRIPT in text and IMG in text and "<b>bold</b>" in text  # shown to the reader as text
    # The probe can see an attack: the same payloads written raw do run.
    raw = Rendering(html=f'<div class="quotebank-render">{IMG}{SCRIPT}</div>', title="control", quotes=())
    assert probe(browser, raw, tmp_path, "control")["xss"] in ("img", "script")


def test_screenshot_script(browser: ModuleType, tmp_path: Path) -> None:
    image = pytest.importorskip("PIL.Image")
    png, page = tmp_path / "shot.png", tmp_path / "shot.html"
    assert browser.main([str(SEEDS[2]), "-o", str(png), "--html", str(page)]) == 0
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    with image.open(png) as shot:
        assert shot.size == (1200, 1600)
        colours = shot.convert("RGB").getcolors(maxcolors=1_000_000) or []
    # Not a blank page: text and the highlight colours of the marks are on it.
    marks = parse(render(SEEDS[2].read_text(encoding="utf-8")).html).marks
    # The first quote in marks, shown in its speaker's full colour (reported speech is lighter).
    wanted = next(background(m.style) for m in marks if m.kind != QuoteKind.INDIRECT.value)
    r, g, b = (int(wanted[i : i + 2], 16) for i in (1, 3, 5))
    highlighted = sum(n for n, (cr, cg, cb) in colours if abs(cr - r) + abs(cg - g) + abs(cb - b) <= 6)
    assert highlighted > 2000, f"the highlight colour {wanted} covers only {highlighted} pixels"
    assert len(colours) > 20
