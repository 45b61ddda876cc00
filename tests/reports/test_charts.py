"""The report's charts: SVG drawn on the server, readable by a screen reader, allowed by the
site's Content Security Policy (no inline styles), with every label escaped."""

import xml.etree.ElementTree as ET

import pytest
from django.utils.translation import gettext

from samverkan.reports.charts import format_number, format_value, render_svg
from tests.reports.sample_snapshot import all_charts, sample_snapshot

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(str(svg))


def texts(root: ET.Element) -> list[str]:
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


def chart(kind="bar", series=None, **extra):
    series = (
        series
        if series is not None
        else [
            {"label": "Idéburen sektor", "value": 60},
            {"label": "Malmö stad", "value": 40},
            {"label": "Näringslivet", "value": 20},
        ]
    )
    return {
        "key": "participants_by_sector",
        "title": "Deltagare per sektor",
        "kind": kind,
        "unit": "st",
        "series": series,
        "alt": "Deltagare per sektor: Idéburen sektor 60, Malmö stad 40, Näringslivet 20",
        **extra,
    }


@pytest.mark.parametrize("kind", ["bar", "column", "line"])
def test_chart_is_an_image_labelled_by_its_title_and_described_by_its_alt_text(kind):
    root = parse(render_svg(chart(kind)))
    assert root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby").split()
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert (title.get("id"), title.text) == (title_id, "Deltagare per sektor")
    assert desc.get("id") == desc_id
    assert desc.text == chart()["alt"]


@pytest.mark.parametrize("kind", ["bar", "column", "line"])
def test_chart_shows_every_label_and_value(kind):
    shown = " ".join(texts(parse(render_svg(chart(kind)))))
    for label, value in [("Idéburen sektor", "60"), ("Malmö stad", "40"), ("Näringslivet", "20")]:
        assert label.split()[0] in shown
        assert value in shown


@pytest.mark.parametrize("chart_data", all_charts(sample_snapshot()), ids=lambda c: c["key"])
def test_no_inline_style_that_the_content_security_policy_would_block(chart_data):
    svg = str(render_svg(chart_data))
    root = parse(svg)
    assert root.find(f".//{SVG}style") is None
    assert all("style" not in node.attrib for node in root.iter())


def test_labels_and_texts_are_escaped():
    hostile = chart(
        series=[{"label": '<script>alert("x")</script> & co', "value": 3}],
        title="Titel <b>fet</b>",
        alt='Alt "citat" <img src=x onerror=alert(1)>',
    )
    svg = str(render_svg(hostile))
    assert "<script>" not in svg and "<img" not in svg and "<b>" not in svg
    root = parse(svg)  # well-formed XML despite the markup in the data
    assert root.find(f"{SVG}title").text == "Titel <b>fet</b>"
    assert '<script>alert("x")</script> & co' in texts(root)


def test_horizontal_bars_are_as_long_as_their_values():
    root = parse(render_svg(chart("bar")))
    widths = [float(rect.get("width")) for rect in root.iter(f"{SVG}rect")]
    assert len(widths) == 3
    assert widths[0] == pytest.approx(widths[1] * 60 / 40, rel=0.01)
    assert widths[1] == pytest.approx(widths[2] * 2, rel=0.01)


def test_columns_are_as_high_as_their_values():
    root = parse(render_svg(chart("column")))
    heights = [float(rect.get("height")) for rect in root.iter(f"{SVG}rect")]
    assert heights[0] == pytest.approx(heights[2] * 3, rel=0.01)


def test_line_has_a_point_for_every_month():
    months = [{"label": f"m{n}", "value": n * 10} for n in range(1, 13)]
    root = parse(render_svg(chart("line", series=months)))
    assert len(list(root.iter(f"{SVG}circle"))) == 12
    assert len(root.find(f"{SVG}polyline").get("points").split()) == 12


def test_kronor_are_shown_with_their_unit_and_swedish_grouping():
    amounts = chart(series=[{"label": "Lokaler", "value": 1_000_000}], unit="kr")
    assert "1\u00a0000\u00a0000\u00a0kr" in texts(parse(render_svg(amounts)))


def test_a_chart_without_data_says_so():
    root = parse(render_svg(chart(series=[])))
    assert gettext("No data for this chart.") in texts(root)


def test_all_zero_values_draw_without_error():
    zeros = [{"label": "a", "value": 0}, {"label": "b", "value": 0}]
    for kind in ("bar", "column", "line"):
        assert parse(render_svg(chart(kind, series=zeros))).get("role") == "img"


def test_two_charts_of_a_page_have_distinct_ids():
    first = parse(render_svg(chart(), id_prefix="a")).get("aria-labelledby")
    second = parse(render_svg(chart(), id_prefix="b")).get("aria-labelledby")
    assert set(first.split()).isdisjoint(second.split())


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (1_000_000, "kr", "1\u00a0000\u00a0000\u00a0kr"),
        (71.5, "%", "71,5\u00a0%"),
        (545, "per vecka", "545\u00a0per vecka"),
        (8, "st", "8"),
        (-4200, "kr", "−4\u00a0200\u00a0kr"),
        (None, "kr", "–"),
    ],
)
def test_values_read_the_swedish_way(value, unit, shown):
    assert format_value(value, unit) == shown


def test_whole_floats_have_no_decimals():
    assert format_number(120.0) == "120"
