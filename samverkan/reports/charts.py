"""The report's charts as SVG drawn on the server: no JavaScript, the same markup on the web page,
in the HTML file and in the PDF (WeasyPrint draws inline SVG).

The site's Content Security Policy forbids inline styles, so the drawing uses presentation
attributes only (fill, stroke, font-size), never a `style` attribute or a <style> element. Each
chart is an image with a text alternative: `role="img"`, labelled by its <title> and described
by its <desc> (the chart's `alt`, every label with its value).
"""

import math

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from samverkan.core import formatting

# Contrast against white: text 16:1, axis 7:1, bars 7.4:1 (WCAG AA wants 4.5:1 for text and 3:1
# for graphics).
TEXT = "#1a1a1a"
MUTED = "#595959"
GRID = "#d0d0d0"
BAR = "#00558c"
FONT = "DejaVu Sans, Arial, sans-serif"
FONT_SIZE = 13
CHAR_WIDTH = 7.4  # the average width of a character at FONT_SIZE, for laying out labels
WIDTH = 640
LABEL_MAX_CHARS = 32
MAX_CATEGORIES = 15


def format_number(value) -> str:
    """The active language's convention (1 000 000 / 1,000,000), one decimal at most, and a
    real minus sign."""
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        return formatting.number(value, 1).replace("-", "−")
    return formatting.number(int(value)).replace("-", "−")


# Units that the label already says ("Möten: 4", not "4 st").
SILENT_UNITS = {"st", ""}


def format_value(value, unit: str = "") -> str:
    """A figure with its unit, as the report shows it: "1 000 000 kr", "71,5 %", "4"."""
    text = format_number(value)
    if value is None or unit in SILENT_UNITS:
        return text
    return f"{text}\u00a0{unit}"


def render_svg(chart: dict, *, id_prefix: str = "chart") -> SafeString:
    """The chart as an accessible <svg> element. `chart` follows snapshot.py's Chart: kind "bar"
    (horizontal bars), "column" or "line"; an unknown kind is drawn as bars. The ids of its
    title and description are `{id_prefix}-{key}-title/-desc`: pass another prefix to show the
    same chart twice on a page."""
    ident = f"{id_prefix}-{_slug(chart.get('key') or 'chart')}"
    series = [(str(item.get("label", "")), _number(item.get("value"))) for item in chart["series"]]
    unit = chart.get("unit") or ""
    if chart.get("kind") != "line":
        series = _largest(series)
    if not series:
        body, height = _empty(), 60
    elif chart.get("kind") == "column":
        body, height = _columns(series, unit)
    elif chart.get("kind") == "line":
        body, height = _line(series, unit)
    else:
        body, height = _bars(series, unit)
    title = escape(chart.get("title") or "")
    desc = escape(chart.get("alt") or chart.get("title") or "")
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="report-chart" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" font-family="{FONT}" font-size="{FONT_SIZE}" '
        f'fill="{TEXT}">'
        f'<title id="{ident}-title">{title}</title>'
        f'<desc id="{ident}-desc">{desc}</desc>'
        f"{body}</svg>"
    )
    return mark_safe(svg)  # nosec B703, B308  # noqa: S308 - every label and text above is escaped


def _largest(series: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """At most MAX_CATEGORIES bars: past that a chart is no longer read at a glance, so the
    largest ones are drawn and the rest summed as "Others (n)". The text alternative and the
    data table keep every category."""
    if len(series) <= MAX_CATEGORIES:
        return series
    ranked = sorted(series, key=lambda item: item[1], reverse=True)
    kept, rest = ranked[: MAX_CATEGORIES - 1], ranked[MAX_CATEGORIES - 1 :]
    others = _("Others (%(count)d)") % {"count": len(rest)}
    return [*kept, (others, sum(value for _label, value in rest))]


def _slug(text: str) -> str:
    return "".join(c if c.isascii() and c.isalnum() else "-" for c in str(text)).strip("-")


def _number(value) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0.0
    return number if math.isfinite(number) else 0.0


def _shown(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _fit(label: str, max_chars: int) -> str:
    return label if len(label) <= max_chars else label[: max_chars - 1].rstrip() + "…"


def _text(x, y, content, *, anchor="start", size=None, fill=None, extra="") -> str:
    attrs = f'x="{x:.1f}" y="{y:.1f}"'
    if anchor != "start":
        attrs += f' text-anchor="{anchor}"'
    if size:
        attrs += f' font-size="{size}"'
    if fill:
        attrs += f' fill="{fill}"'
    return f"<text {attrs}{extra}>{escape(content)}</text>"


def _nice_ticks(maximum: float, wanted: int = 5) -> list[float]:
    """Round tick values from 0 to at least `maximum` (1, 2, 2.5 or 5 times a power of ten)."""
    if maximum <= 0:
        return [0.0, 1.0]
    raw = maximum / wanted
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    top = math.ceil(maximum / step - 1e-9) * step
    return [i * step for i in range(round(top / step) + 1)]


def _empty() -> str:
    return _text(WIDTH / 2, 35, _("No data for this chart."), anchor="middle", fill=MUTED)


def _bars(series, unit):
    """Horizontal bars: the label left, the bar, its value at its end."""
    row, bar_height, top, bottom = 30, 20, 10, 30
    longest = max(len(_fit(label, LABEL_MAX_CHARS)) for label, _value in series)
    label_width = min(WIDTH * 0.4, longest * CHAR_WIDTH + 12)
    values_width = max(len(format_value(_shown(v), unit)) for _label, v in series) * CHAR_WIDTH
    plot_left = label_width + 8
    plot_width = WIDTH - plot_left - values_width - 16
    ticks = _nice_ticks(max(v for _label, v in series))
    scale = plot_width / ticks[-1]
    height = top + row * len(series) + bottom
    axis_bottom = top + row * len(series)
    parts = []
    for tick in ticks:
        x = plot_left + tick * scale
        parts.append(
            f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{axis_bottom}" stroke="{GRID}"/>'
        )
        parts.append(
            _text(
                x,
                axis_bottom + 18,
                format_number(_shown(tick)),
                anchor="middle",
                fill=MUTED,
                size=11,
            )
        )
    for index, (label, value) in enumerate(series):
        y = top + index * row + (row - bar_height) / 2
        width = max(value, 0) * scale
        parts.append(
            _text(plot_left - 8, y + bar_height - 5, _fit(label, LABEL_MAX_CHARS), anchor="end")
        )
        parts.append(
            f'<rect x="{plot_left:.1f}" y="{y:.1f}" width="{width:.1f}" height="{bar_height}" '
            f'fill="{BAR}"/>'
        )
        parts.append(
            _text(plot_left + width + 6, y + bar_height - 5, format_value(_shown(value), unit))
        )
    parts.append(
        f'<line x1="{plot_left:.1f}" y1="{top}" x2="{plot_left:.1f}" y2="{axis_bottom}" '
        f'stroke="{MUTED}"/>'
    )
    return "".join(parts), height


def _vertical_frame(series, unit, *, label_room):
    """The y axis with its grid for columns and lines: (parts, plot geometry)."""
    left, right, top = 70, 16, 24
    labels_height = label_room
    plot_height = 200
    height = top + plot_height + labels_height
    ticks = _nice_ticks(max(v for _label, v in series))
    scale = plot_height / ticks[-1]
    base = top + plot_height
    parts = []
    for tick in ticks:
        y = base - tick * scale
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{WIDTH - right}" y2="{y:.1f}" stroke="{GRID}"/>'
        )
        parts.append(
            _text(left - 6, y + 4, format_number(_shown(tick)), anchor="end", fill=MUTED, size=11)
        )
    parts.append(
        f'<line x1="{left}" y1="{base}" x2="{WIDTH - right}" y2="{base}" stroke="{MUTED}"/>'
    )
    if unit not in SILENT_UNITS:
        parts.append(_text(left - 6, top - 10, unit, anchor="end", fill=MUTED, size=11))
    return (
        parts,
        {"left": left, "width": WIDTH - left - right, "base": base, "scale": scale},
        height,
    )


LINE_HEIGHT = 15
MAX_LABEL_LINES = 3


def _wrap(label: str, max_chars: int) -> list[str] | None:
    """The label broken between words into lines of at most `max_chars`, or None when it
    needs more than MAX_LABEL_LINES lines or a word is longer than a line."""
    lines: list[str] = []
    for word in label.split():
        if len(word) > max_chars:
            return None
        if lines and len(lines[-1]) + 1 + len(word) <= max_chars:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines if len(lines) <= MAX_LABEL_LINES else None


def _label_layout(series, slot):
    """How the category labels go under the axis: ("lines", [[line, …], …]) when each fits
    in its slot on up to three lines, else ("slanted", None)."""
    max_chars = max(int((slot - 6) / CHAR_WIDTH), 1)
    wrapped = [_wrap(label, max_chars) or None for label, _value in series]
    if all(lines is not None for lines in wrapped):
        return "lines", wrapped
    return "slanted", None


def _label_room(series, slot) -> int:
    layout, wrapped = _label_layout(series, slot)
    if layout == "lines":
        return 14 + LINE_HEIGHT * max(len(lines) for lines in wrapped)
    return int(min(max(len(label) for label, _v in series), 22) * CHAR_WIDTH * 0.6) + 30


def _category_labels(series, geometry, slot):
    """Labels under the axis: on up to three lines when they fit, else slanted."""
    parts = []
    layout, wrapped = _label_layout(series, slot)
    for index, (label, _value) in enumerate(series):
        x = geometry["left"] + slot * (index + 0.5)
        y = geometry["base"] + 18
        if layout == "lines":
            for number, line in enumerate(wrapped[index]):
                parts.append(_text(x, y + number * LINE_HEIGHT, line, anchor="middle"))
        else:
            parts.append(
                _text(
                    x,
                    y,
                    _fit(label, 22),
                    anchor="end",
                    extra=f' transform="rotate(-35 {x:.1f} {y:.1f})"',
                )
            )
    return parts


def _columns(series, unit):
    slot = (WIDTH - 86) / len(series)
    parts, geometry, height = _vertical_frame(series, unit, label_room=_label_room(series, slot))
    column = min(slot * 0.6, 60)
    for index, (_label, value) in enumerate(series):
        x = geometry["left"] + slot * (index + 0.5)
        column_height = max(value, 0) * geometry["scale"]
        y = geometry["base"] - column_height
        parts.append(
            f'<rect x="{x - column / 2:.1f}" y="{y:.1f}" width="{column:.1f}" '
            f'height="{column_height:.1f}" fill="{BAR}"/>'
        )
        parts.append(_text(x, y - 5, format_number(_shown(value)), anchor="middle"))
    parts += _category_labels(series, geometry, slot)
    return "".join(parts), height


def _line(series, unit):
    slot = (WIDTH - 86) / len(series)
    parts, geometry, height = _vertical_frame(series, unit, label_room=_label_room(series, slot))
    points = [
        (geometry["left"] + slot * (index + 0.5), geometry["base"] - max(v, 0) * geometry["scale"])
        for index, (_label, v) in enumerate(series)
    ]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    parts.append(f'<polyline points="{path}" fill="none" stroke="{BAR}" stroke-width="2.5"/>')
    for index, ((x, y), (_label, value)) in enumerate(zip(points, series, strict=True)):
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{BAR}"/>')
        # In a valley the line runs above the point: its value goes below it.
        neighbours = [points[i][1] for i in (index - 1, index + 1) if 0 <= i < len(points)]
        valley = bool(neighbours) and all(y > other for other in neighbours)
        label_y = y + 18 if valley and y + 18 < geometry["base"] - 2 else y - 9
        parts.append(_text(x, label_y, format_number(_shown(value)), anchor="middle", size=11))
    parts += _category_labels(series, geometry, slot)
    return "".join(parts), height
