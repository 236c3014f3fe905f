"""Charts for reports: Altair, one theme, Vietnamese text, fed aggregated frames only.

Every function takes a small polars frame whose columns are documented on the
function, and returns an Altair chart carrying the project's theme in its own
config, so that it looks the same in JupyterLab, in the exported HTML and as a
static image. A chart never sees dossier rows: more than MAX_CHART_ROWS rows is
refused (Altair itself stops at 5,000 and the spec would bloat the report).

Colours are the Okabe–Ito palette, readable with every common colour-vision
deficiency. Numbers follow Vietnamese usage (95,1% and 1.234) through the
Vega-Lite `locale` config for axes and pre-formatted text for tooltips.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import altair as alt
import polars as pl

from hoaan_analytics.errors import HoaanError
from hoaan_analytics.labels_vi import CHART_TEXT_VI, COLUMN_LABELS_VI, MEDIAN_LABEL, REPORT08_COLUMN_LABELS_VI
from hoaan_analytics.tables import KPI_LABELS, format_number_vi, format_percent_vi, met_texts

MAX_CHART_ROWS = 5000

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = (
    "#0072B2",  # blue: the measured value
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion: targets and limits
    "#F0E442",  # yellow
    "#000000",
)
VALUE_COLOUR = OKABE_ITO[0]
TARGET_COLOUR = OKABE_ITO[5]
REFERENCE_COLOUR = "#555555"

ValueFormat = Literal["percent", "count", "days"]

FONT = "'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif"
# The plot area's width in pixels, axis labels not included, where the page is wide (a desktop). Every
# chart takes the width of its container (`fitted`): at 1280 px the report page caps the container
# (report/templates, `.hoaan-chart`) so that the plot is at least this wide, as it always was; on a phone
# (390 px) the whole chart fits the screen at its own font sizes instead of being scaled down.
CHART_WIDTH = 520
# Below this container width (pixels) a chart takes its narrow layout: titles on several lines,
# shorter axis labels, slanted period names. A phone is 390 px wide; a desktop report 1100 px.
NARROW_BELOW = 600
# A static render (vl-convert) has no container; it is drawn as on a wide page.
_CONTAINER_WIDTH = "(isFinite(containerSize()[0]) && containerSize()[0] > 0 ? containerSize()[0] : 10000)"
_NARROW = f"({_CONTAINER_WIDTH} < {NARROW_BELOW})"
# Axis labels (category names) take at most this many pixels, and at most this share of a narrow chart.
LABEL_LIMIT = 260
NARROW_LABEL_SHARE = 0.4
# Characters per title line in the narrow layout, for the title (15 px) and the subtitle (12 px) to fit
# a phone's 340 px: Vietnamese text in a sans font averages about 0.55 em a character.
NARROW_TITLE_CHARS = 38
NARROW_SUBTITLE_CHARS = 50
# Period names under a line chart: side by side up to this many ("Quý III/2026" fits CHART_WIDTH / 6),
# slanted beyond, where twelve months ("T10/2026") would run into each other; on a narrow chart also
# when fewer do not fit side by side.
LEVEL_LABELS_AT_MOST = 6
SLANTED_LABEL_ANGLE = -45
# The width of one character of a 12 px label, for the narrow layout's estimate of what fits.
LABEL_CHAR_PX = 7


class ChartDataError(HoaanError):
    """A frame that a chart function cannot draw (missing columns, too many rows)."""


def theme_config() -> dict[str, Any]:
    """The Vega-Lite config of every chart: fonts, palette, Vietnamese number locale."""
    return {
        "font": FONT,
        "locale": {
            "number": {"decimal": ",", "thousands": ".", "grouping": [3],
                       "currency": ["", " ₫"], "percent": "%"},
        },
        "title": {"fontSize": 15, "anchor": "start", "subtitleFontSize": 12},
        "axis": {"labelFontSize": 12, "titleFontSize": 12, "gridColor": "#e6e6e6",
                 "labelLimit": {"expr": f"{_NARROW} ? {NARROW_LABEL_SHARE} * {_CONTAINER_WIDTH} : {LABEL_LIMIT}"}},
        # a narrow chart's legend in one column, so that it is never wider than the chart
        "legend": {"labelFontSize": 12, "titleFontSize": 12, "orient": "bottom",
                   "columns": {"expr": f"{_NARROW} ? 1 : 0"}},
        # a narrow chart's axis title no wider than its plot (the chart less at most 40% of labels)
        "axisX": {"titleLimit": {"expr": f"{_NARROW} ? 0.55 * {_CONTAINER_WIDTH} : 1000"}},
        "range": {"category": list(OKABE_ITO)},
        "bar": {"color": VALUE_COLOUR},
        "line": {"color": VALUE_COLOUR, "strokeWidth": 2},
        "point": {"color": VALUE_COLOUR, "filled": True, "size": 50},
        "view": {"stroke": None, "continuousWidth": CHART_WIDTH, "continuousHeight": 260},
    }


def register_theme() -> None:
    """Make the project theme Altair's active theme, for ad-hoc charts in a notebook.

    The chart functions here do not need it: they carry the config themselves.
    """
    alt.theme.register("hoaan", enable=True)(lambda: alt.theme.ThemeConfig(config=theme_config()))


def _wrapped(text: str, chars: int) -> str:
    """`text` with a line break before each word that would pass `chars` characters on its line."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= chars:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def _narrow_title_patch(title: Any) -> list[dict[str, Any]]:
    """JSON-patch operations on the compiled Vega spec: below NARROW_BELOW, title and subtitle in lines.

    Vega-Lite takes an expression for a title's text but not for its subtitle; Vega takes one for
    both, so vega-embed patches them in (the spec's `usermeta.embedOptions`, honoured by the report
    page and by JupyterLab alike). The Vega-Lite title itself stays plain text, as drawn when wide.
    """
    if isinstance(title, str):
        title = alt.Title(title)
    if not isinstance(title, alt.Title):
        return []
    params = title.to_dict()
    operations = []
    for key, chars in (("text", NARROW_TITLE_CHARS), ("subtitle", NARROW_SUBTITLE_CHARS)):
        text = params.get(key)
        if not isinstance(text, str) or len(text) <= chars:
            continue
        lines = _wrapped(text, chars).split("\n")
        operations.append({"op": "add", "path": f"/title/{key}",
                           "value": {"signal": f"{_NARROW} ? {_js_list(lines)} : {_js_list([text])[1:-1]}"}})
    return operations


def fitted(chart: alt.TopLevelMixin, *, overhang_px: int = 0) -> alt.TopLevelMixin:
    """`chart` as every chart of the reports is finished: the project theme, and the width of its container.

    The one function every chart function ends with, so that a new chart fits a phone too. A single
    or layered view gets `width: "container"` (Vega-Lite fits the whole chart, labels included, into
    its container); below NARROW_BELOW pixels its title and subtitle break into lines and its axis
    labels are shortened (theme_config). A faceted chart keeps the fixed width it was drawn for.
    `overhang_px`: how far marks draw right of the plot (value labels right of the longest bar),
    kept free so that they are not cut off, since fitting sizes the plot, axes and legends only.
    """
    patch = _narrow_title_patch(chart.title) if chart.title is not alt.Undefined else []
    if patch:
        chart = chart.properties(usermeta={"embedOptions": {"patch": patch}})
    if not isinstance(chart, alt.FacetChart):
        # "padding": the whole drawing, value labels right of the longest bar included, fits the container
        padding = {"left": 5, "top": 5, "bottom": 5, "right": 5 + overhang_px}
        chart = chart.properties(width="container", padding=padding,
                                 autosize=alt.AutoSizeParams(type="fit-x", contains="padding", resize=True))
    return chart.configure(**theme_config())


def _overhang(texts: pl.Series, dx: int) -> int:
    """The pixels that the longest of `texts` (12 px) draws right of where it starts, `dx` included."""
    return dx + LABEL_CHAR_PX * max((len(t) for t in texts.drop_nulls().to_list()), default=0)


def _check(frame: pl.DataFrame, required: Sequence[str], chart_name: str) -> None:
    if not isinstance(frame, pl.DataFrame):
        raise ChartDataError(f"{chart_name}: expected a polars DataFrame, got {type(frame).__name__}")
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise ChartDataError(
            f"{chart_name}: the frame lacks column(s) {', '.join(missing)} "
            f"(it has {', '.join(frame.columns) or 'none'})"
        )
    if frame.height > MAX_CHART_ROWS:
        raise ChartDataError(
            f"{chart_name}: {frame.height} rows; a chart takes aggregated data "
            f"(at most {MAX_CHART_ROWS} rows): aggregate first"
        )


def _value_text(column: pl.Expr, value_format: ValueFormat) -> pl.Expr:
    if value_format == "percent":
        return column.map_elements(format_percent_vi, return_dtype=pl.String, skip_nulls=False)
    decimals = 0 if value_format == "count" else 1
    return column.map_elements(lambda v: format_number_vi(v, decimals), return_dtype=pl.String,
                               skip_nulls=False)


def _axis_format(value_format: ValueFormat) -> str:
    return {"percent": ".0%", "count": ",d", "days": ",.1~f"}[value_format]


def _label_for(column: str, given: str | None) -> str:
    return given or KPI_LABELS.get(column, column)


def _target_rule(target: float, axis: Literal["x", "y"], label: str) -> alt.Chart:
    """A dashed vermillion rule at `target` with its own tooltip."""
    data = pl.DataFrame({"target": [float(target)], "target_text": [f"{label}: {format_percent_vi(target)}"]})
    encoding = {axis: alt.X("target:Q") if axis == "x" else alt.Y("target:Q")}
    return (
        alt.Chart(data)
        .mark_rule(color=TARGET_COLOUR, strokeDash=[6, 4], strokeWidth=2)
        .encode(**encoding, tooltip=[alt.Tooltip("target_text:N", title=COLUMN_LABELS_VI["target"])])
    )


def _period_axis(periods: Sequence[str]) -> alt.Axis:
    """The period names under a line chart: level when they fit side by side, else slanted.

    On a narrow chart, names that do not fit side by side ("Quý III/2026" × 5 on a phone) break
    at their spaces onto lines when their longest word fits, and are slanted only when not.
    """
    if len(periods) > LEVEL_LABELS_AT_MOST:
        # slanted names clear the value axis' lowest label ("0%") by their padding
        return alt.Axis(labelAngle=SLANTED_LABEL_ANGLE, labelPadding=6)
    room = f"({_CONTAINER_WIDTH} - 90) / {max(len(periods), 1)}"
    whole = max((len(p) for p in periods), default=0) * LABEL_CHAR_PX + 8
    word = max((len(w) for p in periods for w in p.split()), default=0) * LABEL_CHAR_PX + 8
    tight = f"{_NARROW} && {room} < {whole}"
    slanted = f"{tight} && {room} < {word}"
    return alt.Axis(labelExpr=f"{tight} && !({slanted}) ? split(datum.label, ' ') : datum.label",
                    labelAngle={"expr": f"{slanted} ? {SLANTED_LABEL_ANGLE} : 0"},
                    labelAlign={"expr": f"{slanted} ? 'right' : 'center'"},
                    labelBaseline={"expr": f"{slanted} ? 'middle' : 'top'"},
                    labelPadding={"expr": f"{slanted} ? 6 : 2"})


def kpi_bars(frame: pl.DataFrame, *, title: str = CHART_TEXT_VI["kpi_bars_title"],
             subtitle: str | None = None) -> alt.LayerChart:
    """Horizontal bars, one per KPI ratio, with its target as a vermillion tick.

    `frame` columns: `kpi` (str: a METRICS.md §6 key such as "on_time_rate", or
    any label), `value` (float 0..1, null when the ratio has no denominator),
    `target` (float 0..1 or null). Labels come from tables.KPI_LABELS.
    """
    _check(frame, ("kpi", "value", "target"), "kpi_bars")
    data = frame.select(
        pl.col("kpi").replace_strict(KPI_LABELS, default=pl.col("kpi"), return_dtype=pl.String).alias("kpi_label"),
        pl.col("value").cast(pl.Float64),
        pl.col("target").cast(pl.Float64),
    ).with_columns(
        _value_text(pl.col("value"), "percent").alias("value_text"),
        _value_text(pl.col("target"), "percent").alias("target_text"),
        # the value's label right of the bar or of the target tick, whichever ends later,
        # so that a value just short of its target (94,0% vs 95%) is not printed over the tick
        pl.max_horizontal("value", "target").alias("label_x"),
    )
    data = data.with_columns(pl.Series("status", met_texts(data["value"], data["target"]), dtype=pl.String))
    order = data["kpi_label"].to_list()
    y = alt.Y("kpi_label:N", sort=order, title=None)
    tooltip = [
        alt.Tooltip("kpi_label:N", title=COLUMN_LABELS_VI["kpi"]),
        alt.Tooltip("value_text:N", title=COLUMN_LABELS_VI["value"]),
        alt.Tooltip("target_text:N", title=COLUMN_LABELS_VI["target"]),
        alt.Tooltip("status:N", title=COLUMN_LABELS_VI["status"]),
    ]
    base = alt.Chart(data)
    bars = base.mark_bar(color=VALUE_COLOUR, height={"band": 0.6}).encode(
        x=alt.X("value:Q", title=COLUMN_LABELS_VI["share"], scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format=".0%")),
        y=y, tooltip=tooltip,
    )
    targets = base.transform_filter("isValid(datum.target)").mark_tick(
        color=TARGET_COLOUR, opacity=1, thickness=3, size=26
    ).encode(x="target:Q", y=y, tooltip=tooltip)
    labels = base.transform_filter("isValid(datum.value)").mark_text(
        align="left", dx=6, fontSize=12
    ).encode(x="label_x:Q", y=y, text="value_text:N", tooltip=tooltip)
    chart = alt.layer(bars, targets, labels).properties(
        title=alt.Title(title, subtitle=subtitle or CHART_TEXT_VI["kpi_bars_subtitle"]),
        height=alt.Step(30),
    )
    return fitted(chart, overhang_px=_overhang(data["value_text"], 6))


def trend_line(frame: pl.DataFrame, *, value_column: str = "value", value_title: str | None = None,
               value_format: ValueFormat = "percent", target: float | None = None,
               title: str | None = None, subtitle: str | None = None) -> alt.LayerChart:
    """A value over successive periods (line and points), with an optional target rule.

    `frame` columns: `period_label` (str, e.g. "T1/2026", in display order),
    `value_column` (float; a ratio 0..1 when `value_format` is "percent"), and
    optionally `series` (str) for one line per series (e.g. unit or channel).
    """
    _check(frame, ("period_label", value_column), "trend_line")
    label = _label_for(value_column, value_title)
    columns = [pl.col("period_label").cast(pl.String),
               pl.col(value_column).cast(pl.Float64).alias("value")]
    if "series" in frame.columns:
        columns.append(pl.col("series").cast(pl.String))
    data = frame.select(columns).with_columns(_value_text(pl.col("value"), value_format).alias("value_text"))
    order = list(dict.fromkeys(data["period_label"].to_list()))
    tooltip = [alt.Tooltip("period_label:N", title=COLUMN_LABELS_VI["period_label"]),
               alt.Tooltip("value_text:N", title=label)]
    encoding: dict[str, Any] = {
        "x": alt.X("period_label:N", sort=order, title=COLUMN_LABELS_VI["period_label"],
                   axis=_period_axis(order)),
        "y": alt.Y("value:Q", title=label, axis=alt.Axis(format=_axis_format(value_format)),
                   scale=alt.Scale(domain=[0, 1]) if value_format == "percent" else alt.Undefined),
    }
    if "series" in data.columns:
        # the legend in the order the series come (the plan's order), not alphabetical
        encoding["color"] = alt.Color("series:N", title=None, sort=list(dict.fromkeys(data["series"].to_list())))
        tooltip.insert(0, alt.Tooltip("series:N", title=CHART_TEXT_VI["series"]))
    line = alt.Chart(data).mark_line(point=True).encode(**encoding, tooltip=tooltip)
    layers: list[alt.Chart] = [line]
    if target is not None:
        layers.append(_target_rule(target, "y", COLUMN_LABELS_VI["target"]))
    chart = alt.layer(*layers).properties(
        title=alt.Title(title or CHART_TEXT_VI["trend_title"].format(label=label), subtitle=subtitle or alt.Undefined),
        height=260,
    )
    return fitted(chart)


def shares_by_group(frame: pl.DataFrame, *, title: str, group_title: str = CHART_TEXT_VI["group"],
                    category_title: str = CHART_TEXT_VI["category"], subtitle: str | None = None,
                    category_order: Sequence[str] | None = None) -> alt.Chart:
    """Each group's dossiers split into categories, as 100% stacked bars.

    `frame` columns: `group` (str, e.g. a field name), `category` (str, e.g.
    "Trực tuyến"), `dossiers` (int ≥ 0). Shares are computed per group here; a
    group with no dossiers has no bar. Tooltips give both the count and the share.
    """
    _check(frame, ("group", "category", "dossiers"), "shares_by_group")
    data = (
        frame.select(pl.col("group").cast(pl.String), pl.col("category").cast(pl.String),
                     pl.col("dossiers").cast(pl.Int64))
        .group_by("group", "category", maintain_order=True).agg(pl.col("dossiers").sum())
        .with_columns(group_dossiers=pl.col("dossiers").sum().over("group"))
        .with_columns(share=pl.when(pl.col("group_dossiers") > 0)
                      .then(pl.col("dossiers") / pl.col("group_dossiers")))
        .with_columns(
            _value_text(pl.col("dossiers"), "count").alias("dossiers_text"),
            _value_text(pl.col("share"), "percent").alias("share_text"),
        )
    )
    categories = list(category_order or dict.fromkeys(data["category"].to_list()))
    chart = alt.Chart(data).mark_bar().encode(
        x=alt.X("share:Q", stack="zero", title=COLUMN_LABELS_VI["share"], axis=alt.Axis(format=".0%"),
                scale=alt.Scale(domain=[0, 1])),
        # the group's name above its labels, level: rotated beside them, Chromium drew it over the
        # longest label ("Thành lập và hoạt động của hộ kinh doanh"), Vega measuring that label short
        y=alt.Y("group:N", title=group_title, sort=list(dict.fromkeys(data["group"].to_list())),
                axis=alt.Axis(titleAngle=0, titleAlign="right", titleBaseline="bottom", titleX=-7, titleY=-4)),
        color=alt.Color("category:N", title=category_title, sort=categories,
                        scale=alt.Scale(domain=categories, range=list(OKABE_ITO[: len(categories)])
                                        if len(categories) <= len(OKABE_ITO) else alt.Undefined)),
        order=alt.Order("category_rank:Q"),
        tooltip=[alt.Tooltip("group:N", title=group_title), alt.Tooltip("category:N", title=category_title),
                 alt.Tooltip("dossiers_text:N", title=COLUMN_LABELS_VI["dossiers"]),
                 alt.Tooltip("share_text:N", title=COLUMN_LABELS_VI["share"])],
    ).transform_calculate(
        category_rank=f"indexof({_js_list(categories)}, datum.category)"
    ).properties(title=alt.Title(title, subtitle=subtitle or alt.Undefined), height=alt.Step(26))
    return fitted(chart)


def _js_list(values: Sequence[str]) -> str:
    import json

    return json.dumps(list(values), ensure_ascii=False)


def elapsed_vs_statutory(frame: pl.DataFrame, *, title: str = CHART_TEXT_VI["elapsed_title"],
                         subtitle: str | None = None, reduction_target: float | None = None) -> alt.LayerChart:
    """Mean elapsed working days per procedure, against the statutory limit and the plan's target.

    `frame` columns: `procedure_name` (str), `mean_elapsed_working_days` (float),
    `statutory_days` (number, working days), `dossiers` (int). The vermillion
    tick is the statutory limit; the green tick the target limit
    (1 − reduction_target) × statutory, drawn when the plan sets a `reduction_target`
    (its time_reduction target, params/targets.yaml). Procedures are sorted by dossiers.
    """
    _check(frame, ("procedure_name", "mean_elapsed_working_days", "statutory_days", "dossiers"),
           "elapsed_vs_statutory")
    data = frame.select(
        pl.col("procedure_name").cast(pl.String),
        pl.col("mean_elapsed_working_days").cast(pl.Float64),
        pl.col("statutory_days").cast(pl.Float64),
        pl.col("dossiers").cast(pl.Int64),
    ).sort("dossiers", descending=True, maintain_order=True).with_columns(
        target_days=pl.col("statutory_days") * (1 - reduction_target) if reduction_target is not None
        else pl.lit(None, dtype=pl.Float64),
    ).with_columns(
        _value_text(pl.col("mean_elapsed_working_days"), "days").alias("elapsed_text"),
        _value_text(pl.col("statutory_days"), "days").alias("statutory_text"),
        _value_text(pl.col("target_days"), "days").alias("target_text"),
        _value_text(pl.col("dossiers"), "count").alias("dossiers_text"),
    )
    y = alt.Y("procedure_name:N", title=None, sort=data["procedure_name"].to_list())
    tooltip = [
        alt.Tooltip("procedure_name:N", title=COLUMN_LABELS_VI["procedure_name"]),
        alt.Tooltip("dossiers_text:N", title=COLUMN_LABELS_VI["dossiers"]),
        alt.Tooltip("elapsed_text:N", title=COLUMN_LABELS_VI["mean_elapsed_working_days"]),
        alt.Tooltip("statutory_text:N", title=COLUMN_LABELS_VI["statutory_days"]),
    ]
    if reduction_target is not None:
        tooltip.append(alt.Tooltip("target_text:N", title=CHART_TEXT_VI["elapsed_target"].format(
            reduction=format_percent_vi(reduction_target, 0))))
    base = alt.Chart(data)
    x_title = CHART_TEXT_VI["working_days"]
    bars = base.mark_bar(color=VALUE_COLOUR, height={"band": 0.6}).encode(
        x=alt.X("mean_elapsed_working_days:Q", title=x_title, axis=alt.Axis(format=",.1~f")), y=y, tooltip=tooltip,
    )
    limit = base.mark_tick(color=TARGET_COLOUR, opacity=1, thickness=3, size=24).encode(
        x=alt.X("statutory_days:Q", title=x_title), y=y, tooltip=tooltip)
    layers: list[alt.Chart] = [bars]
    if reduction_target is not None:
        layers.append(base.mark_tick(color=OKABE_ITO[2], opacity=1, thickness=3, size=24).encode(
            x=alt.X("target_days:Q", title=x_title), y=y, tooltip=tooltip))
    layers.append(limit)
    default_subtitle = CHART_TEXT_VI["elapsed_subtitle_no_target" if reduction_target is None else "elapsed_subtitle"]
    chart = alt.layer(*layers).properties(
        title=alt.Title(title, subtitle=subtitle or default_subtitle),
        height=alt.Step(26),
    )
    return fitted(chart)


def unit_ranking(frame: pl.DataFrame, *, value_column: str = "value", value_title: str | None = None,
                 target: float | None = None, title: str | None = None,
                 subtitle: str | None = None, median: float | None = None) -> alt.LayerChart:
    """Units ranked by a ratio, best first, with the median of the units and the target.

    `frame` columns: `unit_name` (str), `value_column` (float 0..1 or null), and
    optionally `dossiers` (int, shown in the tooltip). The grey rule is `median`,
    the units' median as SQL computed it (analyses.unit_ranking's `median`), drawn
    only when given; the dashed vermillion rule is `target`.
    """
    _check(frame, ("unit_name", value_column), "unit_ranking")
    label = _label_for(value_column, value_title)
    columns = [pl.col("unit_name").cast(pl.String), pl.col(value_column).cast(pl.Float64).alias("value")]
    if "dossiers" in frame.columns:
        columns.append(pl.col("dossiers").cast(pl.Int64))
    data = frame.select(columns).sort("value", descending=True, nulls_last=True).with_columns(
        _value_text(pl.col("value"), "percent").alias("value_text"))
    tooltip = [alt.Tooltip("unit_name:N", title=COLUMN_LABELS_VI["unit_name"]),
               alt.Tooltip("value_text:N", title=label)]
    if "dossiers" in data.columns:
        data = data.with_columns(_value_text(pl.col("dossiers"), "count").alias("dossiers_text"))
        tooltip.append(alt.Tooltip("dossiers_text:N", title=COLUMN_LABELS_VI["dossiers"]))
    y = alt.Y("unit_name:N", title=None, sort=data["unit_name"].to_list())
    bars = alt.Chart(data).mark_bar(color=VALUE_COLOUR, height={"band": 0.6}).encode(
        x=alt.X("value:Q", title=label, axis=alt.Axis(format=".0%"), scale=alt.Scale(domain=[0, 1])),
        y=y, tooltip=tooltip,
    )
    layers: list[alt.Chart] = [bars]
    if median is not None:
        median_data = pl.DataFrame({"median": [float(median)],
                                    "median_text": [f"{MEDIAN_LABEL}: {format_percent_vi(median)}"]})
        layers.append(alt.Chart(median_data).mark_rule(color=REFERENCE_COLOUR, strokeWidth=2).encode(
            x="median:Q", tooltip=[alt.Tooltip("median_text:N", title=CHART_TEXT_VI["median"])]))
    if target is not None:
        layers.append(_target_rule(target, "x", COLUMN_LABELS_VI["target"]))
    chart = alt.layer(*layers).properties(
        title=alt.Title(title or CHART_TEXT_VI["ranking_title"].format(label=label),
                        subtitle=subtitle or CHART_TEXT_VI["ranking_subtitle"]),
        height=alt.Step(24),
    )
    return fitted(chart)


def _points_text(column: pl.Expr) -> pl.Expr:
    return column.map_elements(lambda v: format_number_vi(v, 2), return_dtype=pl.String, skip_nulls=False)


def points_against_maximum(frame: pl.DataFrame, *, title: str, subtitle: str | None = None,
                           category_title: str = CHART_TEXT_VI["group"],
                           points_title: str = CHART_TEXT_VI["points"]) -> alt.LayerChart:
    """Estimated points against the most they could be (the 766 scorecard), one bar per category.

    `frame` columns, in display order: `category` (str: a group, a unit or a month), `points`
    (float), `max_points` (float: the most the computable indicators with data could give) and
    optionally `group_max_points` (float: the category's full weight, drawn as a pale bar behind).
    Each bar is labelled "x / y" (at most two decimals, no trailing zeros); the vermillion tick is
    `max_points`.

    The bars always run horizontally, one category per row: each label then sits on its own
    row right of its bar, so that labels never overlap, however many categories (twelve months)
    and however narrow the screen; side by side, "14,29 / 52" is wider than a month's column.
    """
    _check(frame, ("category", "points", "max_points"), "points_against_maximum")
    columns = [pl.col("category").cast(pl.String), pl.col("points").cast(pl.Float64),
               pl.col("max_points").cast(pl.Float64)]
    has_weight = "group_max_points" in frame.columns
    if has_weight:
        columns.append(pl.col("group_max_points").cast(pl.Float64))
    # "18,65 / 20", not "18,65 / 20,00": on a phone every character of the label is plot width lost
    data = frame.select(columns).with_columns(
        (_short_points_text(pl.col("points")) + " / " + _short_points_text(pl.col("max_points"))).alias("points_text"),
        pl.max_horizontal("points", "max_points").alias("label_at"),
    )
    y = alt.Y("category:N", sort=data["category"].to_list(), title=None)
    tooltip = [alt.Tooltip("category:N", title=category_title),
               alt.Tooltip("points_text:N", title=CHART_TEXT_VI["points_of_maximum"].format(points_title=points_title))]
    if has_weight:
        data = data.with_columns(_points_text(pl.col("group_max_points")).alias("weight_text"))
        tooltip.append(alt.Tooltip("weight_text:N", title=CHART_TEXT_VI["group_weight"]))
    base = alt.Chart(data)

    def on(column: str) -> dict[str, Any]:
        return {"x": alt.X(f"{column}:Q", title=points_title), "y": y, "tooltip": tooltip}

    layers: list[alt.Chart] = []
    if has_weight:
        layers.append(base.mark_bar(color="#e6e6e6", height={"band": 0.6}).encode(**on("group_max_points")))
    layers.append(base.mark_bar(color=VALUE_COLOUR, height={"band": 0.6}).encode(**on("points")))
    layers.append(base.mark_tick(color=TARGET_COLOUR, opacity=1, thickness=3, size=24).encode(**on("max_points")))
    layers.append(base.mark_text(fontSize=12, align="left", dx=6).encode(**on("label_at"), text="points_text:N"))
    chart = alt.layer(*layers).properties(
        title=alt.Title(title, subtitle=subtitle or CHART_TEXT_VI["points_subtitle"]),
        height=alt.Step(30),
    )
    return fitted(chart, overhang_px=_overhang(data["points_text"], 6))


# Report 08 Việc cần làm: narrow enough for a phone (390 px wide, with the page's margins).
PHONE_PLOT_WIDTH = 230


def _short_points_text(column: pl.Expr) -> pl.Expr:
    """Points with at most two decimals and no trailing zeros: 18.5 -> '18,5', 2.0 -> '2'."""
    def text(value: float | None) -> str:
        if value is None:
            return format_number_vi(value)
        return format_number_vi(value, 2).rstrip("0").rstrip(",")
    return column.map_elements(text, return_dtype=pl.String, skip_nulls=False)


def scenario_points(frame: pl.DataFrame, *, title: str, subtitle: str | None = None,
                    scenario_order: Sequence[str], category_title: str, points_title: str) -> alt.FacetChart:
    """Points per category under each scenario, one panel per period, readable at a phone's width.

    `frame` columns: `panel` (str: the period, one panel each, in order), `category` (str: a short
    name such as an indicator id, in order), `category_name` (str, for the tooltip), `scenario`
    (str, one of `scenario_order`), `points` (float or null) and `max_points` (float). Within a
    panel each category has one bar per scenario, labelled with its points; the vermillion tick
    is `max_points`. The plot is PHONE_PLOT_WIDTH wide and the legend sits below in one column,
    so the whole chart fits 390 px.
    """
    _check(frame, ("panel", "category", "category_name", "scenario", "points", "max_points"), "scenario_points")
    data = frame.select(
        pl.col("panel").cast(pl.String), pl.col("category").cast(pl.String), pl.col("category_name").cast(pl.String),
        pl.col("scenario").cast(pl.String), pl.col("points").cast(pl.Float64), pl.col("max_points").cast(pl.Float64),
    ).with_columns(_short_points_text(pl.col("points")).alias("points_text"),
                   _short_points_text(pl.col("max_points")).alias("max_text"),
                   # the label right of the bar or of the maximum's tick, whichever ends later, never over the tick
                   pl.max_horizontal("points", "max_points").alias("label_at"))
    categories = list(dict.fromkeys(data["category"].to_list()))
    panels = list(dict.fromkeys(data["panel"].to_list()))
    top = max([v for v in [*data["points"].to_list(), *data["max_points"].to_list()] if v is not None] or [1.0])
    y = alt.Y("category:N", sort=categories, title=None, axis=alt.Axis(labelLimit=60))
    x_scale = alt.Scale(domain=[0, top * 1.25], nice=False)  # room right of the longest bar for its label
    tooltip = [alt.Tooltip("category:N", title=category_title),
               alt.Tooltip("category_name:N", title=REPORT08_COLUMN_LABELS_VI["indicator_name"]),
               alt.Tooltip("scenario:N", title=REPORT08_COLUMN_LABELS_VI["scenario"]),
               alt.Tooltip("points_text:N", title=points_title),
               alt.Tooltip("max_text:N", title=REPORT08_COLUMN_LABELS_VI["max_points"])]
    colour = alt.Color("scenario:N", sort=list(scenario_order), title=None,
                       scale=alt.Scale(domain=list(scenario_order), range=[REFERENCE_COLOUR, VALUE_COLOUR]),
                       legend=alt.Legend(orient="bottom", direction="vertical", columns=1, labelLimit=330))
    offset = alt.YOffset("scenario:N", sort=list(scenario_order))
    base = alt.Chart()
    bars = base.mark_bar(height={"band": 0.4}).encode(
        x=alt.X("points:Q", title=points_title, scale=x_scale), y=y, yOffset=offset, color=colour, tooltip=tooltip)
    labels = base.transform_filter("isValid(datum.points)").mark_text(align="left", dx=5, fontSize=11).encode(
        x=alt.X("label_at:Q", scale=x_scale), y=y, yOffset=offset, text="points_text:N", tooltip=tooltip)
    limit = base.mark_tick(color=TARGET_COLOUR, opacity=1, thickness=2, size=22).encode(
        x=alt.X("max_points:Q", scale=x_scale), y=y, tooltip=tooltip)
    chart = (alt.layer(bars, limit, labels, data=data)
             .properties(width=PHONE_PLOT_WIDTH, height=alt.Step(13))
             .facet(row=alt.Row("panel:N", sort=panels, title=None,
                                header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start",
                                                  labelOrient="top", labelFontSize=13, labelFontWeight="bold")))
             .properties(title=alt.Title(title, subtitle=subtitle or alt.Undefined))
             .resolve_scale(y="independent"))
    return fitted(chart)
