"""Every chart drawn by plotly.js in chromium, at the sizes students see, measured.

Each chart of the seed article is put alone on a plain HTML page (plotly.js from the
plotly package, loaded from a file: no network) in a box as wide as a JupyterLab
notebook's output at that screen size, and as wide as the whole window (a handout).
Then the boxes plotly drew are compared: the legend covers no title, subtitle, tick
label or plot; the title covers no plot; no tick label or text label is cut by the
figure's edges or runs into its neighbour; the timeline labels every row.
"""

from __future__ import annotations

import math

import plotly.io as pio
import plotly.offline
import pytest

import newsclaims as nc
from newsclaims import charts

from .conftest import SCREENSHOTS

pytestmark = pytest.mark.browser

CHARTS = {
    "mentions_vs_statements": lambda a: charts.mentions_vs_statements(a),
    "voice_share_actor": lambda a: charts.voice_share_chart(a, level="holder"),
    "voice_share_side": lambda a: charts.voice_share_chart(a, level="side"),
    "actor_kinds": lambda a: charts.actor_kinds_chart(a),
    "forms_by_actor": lambda a: charts.forms_by_actor(a),
    "cues": lambda a: charts.cues_chart(a),
    "timeline": lambda a: charts.timeline(a),
    "stance_heatmap": lambda a: charts.stance_heatmap(a),
    "alignment": lambda a: charts.alignment_chart(a),
    "alignment_without_hedged": lambda a: charts.alignment_chart(a, hedged=False),
    "affiliation": lambda a: charts.affiliation_chart(a),
    "congruence": lambda a: charts.congruence_chart(a),
    "conflict": lambda a: charts.conflict_chart(a),
}
# (window, width of the chart's box): JupyterLab's notebook output beside the file
# browser is about 1000 px wide on a 1366 px screen; a handout fills the window.
SIZES = {"1366x768 notebook": ((1366, 768), 1000), "1366x768 page": ((1366, 768), 1366),
         "1920x1080 notebook": ((1920, 1080), 1550), "1920x1080 page": ((1920, 1080), 1920)}

MEASURE = r"""root => {
    const angle = e => { const m = /rotate\(([-\d.]+)/.exec(e.getAttribute('transform') || '');
                         return m ? Number(m[1]) : 0; };
    const box = e => { const r = e.getBoundingClientRect();
                       return {left: r.left, top: r.top, right: r.right, bottom: r.bottom,
                               text: e.textContent, angle: angle(e)}; };
    const all = s => [...root.querySelectorAll(s)].map(box).filter(b => b.right > b.left && b.text !== null);
    const one = s => { const e = root.querySelector(s); return e ? box(e) : null; };
    return {figure: one('.main-svg'), title: one('.gtitle'), subtitle: one('.gtitle-subtitle'),
            legend: one('.legend'), plot: one('.nsewdrag'),
            xticks: all('.xtick text'), yticks: all('.ytick text'), ylabels: all('.ytick'),
            axis_titles: all('.g-xtitle text, .g-ytitle text'),
            labels: all('.bartext, .textpoint text').filter(b => b.text.trim())};
}"""


def overlap(a: dict, b: dict, slack: float = 0.5) -> bool:
    """Whether two boxes share more than a hairline."""
    return (min(a["right"], b["right"]) - max(a["left"], b["left"]) > slack
            and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > slack)


def inside(inner: dict, outer: dict, slack: float = 1.0) -> bool:
    return (inner["left"] >= outer["left"] - slack and inner["right"] <= outer["right"] + slack
            and inner["top"] >= outer["top"] - slack and inner["bottom"] <= outer["bottom"] + slack)


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """One page per chart and width, in a folder with plotly.js beside them."""
    folder = tmp_path_factory.mktemp("charts")
    (folder / "plotly.min.js").write_text(plotly.offline.get_plotlyjs(), encoding="utf-8")
    art = nc.load_article()
    figures = {name: make(art) for name, make in CHARTS.items()}
    made = {}
    for size, (_, width) in SIZES.items():
        for name, fig in figures.items():
            path = folder / f"{name}-{width}.html"
            path.write_text(
                '<!DOCTYPE html><html><head><meta charset="utf-8"><script src="plotly.min.js"></script></head>'
                f'<body style="margin:0"><div id="chart" style="width:{width}px"></div><script>'
                f'const figure = {pio.to_json(fig)};'
                'Plotly.newPlot("chart", figure.data, figure.layout);</script></body></html>', encoding="utf-8")
            made[(size, name)] = path
    return figures, made


def measure(browser, path, window) -> dict:
    context = browser.new_context(viewport={"width": window[0], "height": window[1]})
    try:
        page = context.new_page()
        page.route("**/*", lambda route: route.abort() if route.request.url.startswith("http")
                   else route.continue_())
        page.goto(path.as_uri())
        page.wait_for_selector(".main-svg .gtitle", timeout=30_000)
        page.wait_for_timeout(200)
        boxes = page.locator("#chart").evaluate(MEASURE)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"chart_{path.stem}_{window[0]}.png"), full_page=True)
        return boxes
    finally:
        context.close()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", CHARTS)
def test_nothing_covers_or_cuts_a_label(browser, pages, name, size):
    figures, made = pages
    window, _ = SIZES[size]
    check(measure(browser, made[(size, name)], window))


def check(b: dict) -> None:
    """Every rule of this module, on the boxes of one chart."""
    figure, title = b["figure"], b["title"]
    headings = [x for x in (title, b["subtitle"]) if x]
    ticks = b["xticks"] + b["yticks"]
    assert inside(title, figure), f"the title is cut by the figure's edge: {title}"
    if b["plot"]:
        assert not any(overlap(h, b["plot"]) for h in headings), "the title runs into the plot"
    if b["legend"]:
        legend = b["legend"]
        assert inside(legend, figure), "the legend is cut by the figure's edge"
        for heading in headings:
            assert not overlap(legend, heading), f"the legend covers the title or subtitle: {heading['text'][:60]}"
        assert not overlap(legend, b["plot"]), "the legend covers the plot"
        covered = [t["text"] for t in ticks + b["axis_titles"] if overlap(legend, t)]
        assert not covered, f"the legend covers labels: {covered}"
    cut = [t["text"] for t in ticks + b["axis_titles"] + b["labels"] if not inside(t, figure)]
    assert not cut, f"labels cut by the figure's edge: {cut}"
    for axis in ("xticks", "yticks"):
        assert not crowded(b[axis]), f"tick labels run into each other: {crowded(b[axis])}"


def crowded(labels: list[dict]) -> list[tuple[str, str]]:
    """Neighbouring tick labels that run into each other.

    Level labels must not share any part of their boxes. Slanted labels are parallel
    lines: their boxes overlap by design, so they need to be one line apart instead.
    """
    level = [t for t in labels if not t["angle"]]
    clash = [(p["text"], q["text"]) for i, p in enumerate(level) for q in level[i + 1:] if overlap(p, q)]
    slanted = sorted((t for t in labels if t["angle"]), key=lambda t: t["right"])
    for p, q in zip(slanted, slanted[1:]):
        apart = (q["right"] - p["right"]) * abs(math.sin(math.radians(p["angle"])))
        if apart < 12:  # the labels' font is 13 px
            clash.append((p["text"], q["text"]))
    return clash


@pytest.mark.parametrize("size", SIZES)
def test_timeline_labels_every_row(browser, pages, size):
    figures, made = pages
    rows = {y for trace in figures["timeline"].data if "markers" in trace.mode for y in trace.y}
    assert len(rows) == 17  # 8 events, and 9 speakers with dated statements
    b = measure(browser, made[(size, "timeline")], SIZES[size][0])
    assert len(b["ylabels"]) == len(rows), "a row of the timeline has no label"
    assert {t["text"] for t in b["yticks"]} == {r.replace("&amp;", "&") for r in rows}


@pytest.fixture(scope="module")
def handout(tmp_path_factory):
    """Lesson 04 as a handout: the alignment chart's legend once covered its subtitle there."""
    from newsclaims.handouts import make_handout

    from .conftest import ROOT

    return make_handout(ROOT / "notebooks" / "04_positions.ipynb", tmp_path_factory.mktemp("handout"))


@pytest.mark.parametrize("window", [(1366, 768), (1920, 1080)], ids=lambda w: f"{w[0]}x{w[1]}")
def test_handout_charts_have_room(browser, handout, window):
    context = browser.new_context(viewport={"width": window[0], "height": window[1]})
    try:
        page = context.new_page()
        page.route("**/*", lambda route: route.abort() if route.request.url.startswith("http")
                   else route.continue_())
        page.goto(handout.as_uri())
        page.wait_for_selector(".js-plotly-plot .gtitle", timeout=30_000)
        page.wait_for_timeout(1000)
        plots = page.locator(".js-plotly-plot")
        assert plots.count() >= 4
        for i in range(plots.count()):
            check(plots.nth(i).evaluate(MEASURE))
    finally:
        context.close()
