"""Notebook 7, Chỉ số 766: the points the national portal will give, estimated from the unit's own dossiers.

Every number comes from the stored scorecard macros (sql/scorecard/, METRICS.md §9)
through hoaan_analytics.index766: the points per indicator, per group and in total,
the units' rank, the months of the year, the dossiers that cost points and their
count per reason. Each is asked once per report (`ctx.memo`); the sections only
format. A dossier is named by its id and procedure, never by a personal value.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import polars as pl
from great_tables import GT
from IPython.display import Markdown

from hoaan_analytics import charts, index766, portal766, tables
from hoaan_analytics.labels_vi import (
    ALL_UNITS_LABEL,
    COLUMN_LABELS_VI,
    INDEX766_COLUMN_LABELS_VI,
    INDEX766_COUNTED_UNIT_LABELS_VI,
    INDEX766_POINTS_UNIT,
    INDEX766_REASON_LABELS_VI,
    PORTAL766_PAGE_NAMES_VI,
)
from hoaan_analytics.labels_vi import INDEX766_TEXT_VI as TEXT
from hoaan_analytics.labels_vi import INDEX766_WHOLE_REPORT_VI as WHOLE
from hoaan_analytics.periods import Period, months_of, parse_period
from hoaan_analytics.sections.context import ReportContext, empty_sentence
from hoaan_analytics.sections.text import count_text, nothing
from hoaan_analytics.tables import format_number_vi

# The notebook of this report: the overview links its page (filenames.page_name).
NOTEBOOK_STEM = "07_chi_so_766"
# At most this many dossiers listed per indicator: a quarter of a big commune loses points on thousands.
LISTED_PER_INDICATOR = 200


# --- what the sections read, each asked once per report ---------------------------------------

def scorecard_rows(ctx: ReportContext) -> pl.DataFrame:
    """The period's scorecard in the report's scope: one row per indicator (index766.scorecard)."""
    return ctx.memo(("index766", "scorecard", ctx.period),
                    lambda: index766.scorecard(ctx.con, ctx.period, unit=ctx.unit))


def group_rows(ctx: ReportContext) -> pl.DataFrame:
    """Points per group and the scope's total row (index766.groups)."""
    return ctx.memo(("index766", "groups", ctx.period),
                    lambda: index766.groups(ctx.con, ctx.period, unit=ctx.unit))


def total(ctx: ReportContext) -> dict[str, Any]:
    """The scope's total row: points, max_points, computable_max_points, not_computable_max_points."""
    frame = group_rows(ctx)
    return frame.filter(pl.col("is_total")).row(0, named=True)


def unit_totals(ctx: ReportContext) -> pl.DataFrame:
    """Every unit's total of the period, ranked by points (index766.groups by unit, total rows)."""
    def compute() -> pl.DataFrame:
        frame = index766.groups(ctx.con, ctx.period, by_unit=True)
        return frame.filter(pl.col("is_total")).sort("scope_rank", "scope_unit_name")
    return ctx.memo(("index766", "unit_totals", ctx.period), compute)


def year_months(ctx: ReportContext) -> list[Period]:
    """The months (in the report's mode) of the year the period ends in, up to the period's end."""
    if ctx.period.kind == "range":
        year = months_of(parse_period(str(ctx.period.end.year), ctx.period.mode))
    else:
        year = months_of(parse_period(ctx.period.name[:4], ctx.period.mode))
    return [month for month in year if month.end <= ctx.period.end]


def monthly_totals(ctx: ReportContext) -> pl.DataFrame:
    """The scope's total of each month of `year_months`, in one query (index766.groups_by_period)."""
    def compute() -> pl.DataFrame:
        months = year_months(ctx)
        if not months:
            return pl.DataFrame()
        frame = index766.groups_by_period(ctx.con, months, unit=ctx.unit)
        return frame.filter(pl.col("is_total"))
    return ctx.memo(("index766", "months", ctx.period), compute)


def reason_counts(ctx: ReportContext) -> pl.DataFrame:
    """Dossiers that cost each indicator points, per reason (index766.lost_points_by_reason)."""
    return ctx.memo(("index766", "reasons", ctx.period),
                    lambda: index766.lost_points_by_reason(ctx.con, ctx.period, unit=ctx.unit))


def lost_dossiers(ctx: ReportContext) -> pl.DataFrame:
    """The dossiers that cost points, at most LISTED_PER_INDICATOR per indicator."""
    return ctx.memo(("index766", "lost", ctx.period), lambda: index766.dossiers_losing_points(
        ctx.con, ctx.period, unit=ctx.unit, per_indicator=LISTED_PER_INDICATOR))


def _is_portal_period(period: Period) -> bool:
    return period.mode == "calendar" and period.kind in ("month", "quarter", "year")


def whole_score(ctx: ReportContext) -> dict[str, Any]:
    """The unit's whole score of 100 for the period: the portal's when published, else the estimate (§10).

    Empty for an all-units report or a period the portal does not score. Keys: kind ('published' |
    'estimated'), total_points, total_max_points, rank, of, carried_from, missing_pages, pages
    (a frame: page, points, max_points).
    """
    if ctx.unit is None or not _is_portal_period(ctx.period):
        return {}

    def compute() -> dict[str, Any]:
        published = portal766.scores(ctx.con, ctx.period).filter(pl.col("unit_name") == ctx.unit)
        if published.height and published["total_points"][0] is not None:
            first = published.row(0, named=True)
            pages = published.filter(pl.col("department_id") == first["department_id"]).select(
                "page", pl.col("page_points").alias("points"), pl.col("page_max_points").alias("max_points"))
            return {"kind": "published", **{k: first[k] for k in ("total_points", "total_max_points", "rank", "of")},
                    "carried_from": None, "missing_pages": [], "pages": pages}
        whole = index766.whole_of(index766.whole_score(ctx.con, ctx.period, ctx.unit))
        pages = index766.whole_pages(ctx.con, ctx.period, ctx.unit).select("page", "points", "max_points")
        return {"kind": "estimated", **{k: whole[k] for k in ("total_points", "total_max_points", "rank", "of",
                                                            "carried_from", "missing_pages")}, "pages": pages}
    return ctx.memo(("index766", "whole", ctx.period), compute)


def published_months(ctx: ReportContext) -> pl.DataFrame:
    """The unit's published total and rank for each month of the year up to the period (portal766.history)."""
    def compute() -> pl.DataFrame:
        months = {month.name for month in year_months(ctx)}
        frame = portal766.history(ctx.con, ctx.unit)
        return frame.filter(pl.col("period_name").is_in(list(months)) & pl.col("total_points").is_not_null())
    return ctx.memo(("index766", "published_months", ctx.period), compute)


# --- formatting ------------------------------------------------------------------------------

def points_number(value: float | None) -> str:
    """14.29 -> '14,29'; 52.0 -> '52'; None -> '—'."""
    if value is None:
        return tables.MISSING_TEXT
    return format_number_vi(value, 0 if float(value).is_integer() else 2)


def points_of(points: float | None, max_points: float | None) -> str:
    """'31,41 / 52 điểm tính được'."""
    return f"{points_number(points)} / {points_number(max_points)} {INDEX766_POINTS_UNIT}"


def _indicator_label(row: dict[str, Any]) -> str:
    return f"{row['indicator_id']} {row['indicator_name']}"


def _below_maximum(ctx: ReportContext) -> pl.DataFrame:
    """The computable indicators with points below their maximum, in the index's order."""
    card = scorecard_rows(ctx)
    return card.filter(pl.col("is_computable") & pl.col("points").is_not_null()
                       & (pl.col("points") < pl.col("max_points"))).sort("sort_order")


def _unknown(ctx: ReportContext) -> pl.DataFrame:
    """The computable indicators left without points because the export lacks a flag for some dossiers."""
    card = scorecard_rows(ctx)
    return card.filter(pl.col("is_computable") & (pl.col("unknown") > 0)).sort("sort_order")


# --- the sections ----------------------------------------------------------------------------

def estimate_note(ctx: ReportContext) -> Markdown:
    """What these numbers are: estimates by the portal's formulas from the unit's dossiers; what no export shows."""
    missing = (scorecard_rows(ctx).filter(~pl.col("is_computable"))
               .unique("indicator_id", maintain_order=True).sort("sort_order"))
    row = total(ctx)
    lines = [
        TEXT["estimate_warning"],
        "",
        # the index's full weight and the part no export shows, both summed by index766_list_groups
        TEXT["not_computable_intro"].format(index_points=points_number(row["group_max_points"]),
                                            missing_points=points_number(row["not_computable_max_points"])),
    ]
    for item in missing.iter_rows(named=True):
        number = index766.portal_number(item["indicator_id"])
        lines.append(TEXT["not_computable_item"].format(
            name=item["indicator_name"], number=number + ", " if number else "",
            points=points_number(item["max_points"]), why=item["why_not_computable"]))
    return Markdown("\n".join(lines))


def summary(ctx: ReportContext) -> Markdown:
    """The estimate in one sentence, the unit's rank among the units when the report is for one unit."""
    if ctx.is_empty:
        return nothing(empty_sentence(ctx))
    row = total(ctx)
    lines = [TEXT["summary"].format(period=ctx.period.label,
                                    scope=ctx.scope_label.lower() if ctx.unit is None else ctx.unit,
                                    points=points_of(row["points"], row["max_points"]),
                                    computable_max=points_number(row["computable_max_points"]))]
    unknown = _unknown(ctx)
    if unknown.height:
        lines.append(TEXT["summary_unknown"].format(count=unknown.height,
                                                    ids=", ".join(unknown["indicator_id"].to_list())))
    if ctx.unit is not None and len(ctx.unit_names) > 1:
        ranked = unit_totals(ctx)
        mine = ranked.filter(pl.col("scope_unit_name") == ctx.unit)
        if mine.height:
            lines.append(TEXT["summary_rank"].format(unit=ctx.unit, rank=mine["scope_rank"][0], units=ranked.height))
    return Markdown("\n".join(lines))


def _groups(ctx: ReportContext) -> pl.DataFrame:
    return group_rows(ctx).filter(~pl.col("is_total")).sort("group_id")


def groups_chart(ctx: ReportContext) -> alt.LayerChart | Markdown:
    """Points against the maximum per group: the group's weight (pale), the computable maximum, the estimate."""
    if ctx.is_empty:
        return nothing(empty_sentence(ctx))
    frame = _groups(ctx).select(
        (pl.col("group_id").cast(pl.String) + ". " + pl.col("group_name")).alias("category"),
        "points", "max_points", "group_max_points")
    row = total(ctx)
    return charts.points_against_maximum(
        frame, title=TEXT["groups_title"],
        subtitle=TEXT["groups_chart_subtitle"].format(scope=ctx.scope_label, period=ctx.period.label,
                                                      points=points_of(row["points"], row["max_points"])),
        category_title=INDEX766_COLUMN_LABELS_VI["group_name"])


def groups_table(ctx: ReportContext) -> GT | Markdown:
    """The same per group, with the total "x / y điểm tính được" as the last row."""
    if ctx.is_empty:
        return nothing(empty_sentence(ctx))
    rows = group_rows(ctx).sort("is_total", "group_id")
    frame = rows.select(
        pl.when(pl.col("is_total")).then(pl.lit(TEXT["total_row"]))
        .otherwise(pl.col("group_id").cast(pl.String) + ". " + pl.col("group_name")).alias("group_name"),
        "points", "max_points", "group_max_points",
    )
    row = total(ctx)
    return tables.frame_table(
        frame, row_label="group_name", title=TEXT["groups_title"], subtitle=f"{ctx.scope_label} — {ctx.period.label}",
        labels=INDEX766_COLUMN_LABELS_VI, points_columns=["points", "max_points", "group_max_points"],
        bold_rows=[frame.height - 1],
        source_note=(TEXT["groups_note"].format(points=points_of(row["points"], row["max_points"]))
                     + TEXT["source_note"]),
    )


def indicators_table(ctx: ReportContext) -> GT | Markdown:
    """Each computable indicator: met / counted (and what it counts, if not dossiers), unknown, rate, points / max."""
    if ctx.is_empty:
        return nothing(empty_sentence(ctx))
    card = scorecard_rows(ctx).filter(pl.col("is_computable")).sort("sort_order")
    rows = []
    for row in card.iter_rows(named=True):
        counted = f"{count_text(row['numerator'])} / {count_text(row['denominator'])}"
        unit_word = INDEX766_COUNTED_UNIT_LABELS_VI.get(row["counted_unit"] or "", "")
        if unit_word:
            counted += f" {unit_word}"
        if row["max_points"] == 0:  # 3.3: the online-service points go to the province's share
            scored = TEXT["no_points_for_communes"]
        else:
            scored = f"{points_number(row['points'])} / {points_number(row['max_points'])}"
        rows.append({"indicator_id": row["indicator_id"], "indicator_name": row["indicator_name"],
                     "counted": counted, "unknown": row["unknown"], "rate": row["rate"], "points_text": scored})
    frame = pl.DataFrame(rows, schema={"indicator_id": pl.String, "indicator_name": pl.String, "counted": pl.String,
                                       "unknown": pl.Int64, "rate": pl.Float64, "points_text": pl.String})
    return tables.frame_table(
        frame, title=TEXT["indicators_title"], subtitle=f"{ctx.scope_label} — {ctx.period.label}",
        labels=INDEX766_COLUMN_LABELS_VI, percent_columns=["rate"],
        right_aligned=["counted", "unknown", "rate", "points_text"],
        source_note=TEXT["indicators_note"] + TEXT["source_note"],
    )


def monthly_chart(ctx: ReportContext) -> alt.LayerChart | Markdown:
    """The estimate of each month of the year up to the period's end, against its computable maximum."""
    months = monthly_totals(ctx)
    if months.is_empty() or months.filter(pl.col("max_points") > 0).is_empty():
        return nothing(TEXT["no_month"].format(year=ctx.period.end.year))
    frame = months.select(
        pl.col("period_name").str.slice(5, 2).cast(pl.Int32).map_elements(
            lambda month: TEXT["month"].format(month=month), return_dtype=pl.String).alias("category"),
        "points", "max_points")
    return charts.points_against_maximum(
        frame, title=TEXT["months_title"].format(year=ctx.period.end.year),
        subtitle=TEXT["months_subtitle"].format(scope=ctx.scope_label), category_title=TEXT["month_heading"])


def _ranking_unavailable(ctx: ReportContext) -> str | None:
    if ctx.unit is not None:
        return TEXT["ranking_for_one_unit"].format(unit=ctx.unit, all_units=ALL_UNITS_LABEL.lower())
    if len(ctx.unit_names) < 2:
        return TEXT["one_unit_only"]
    if unit_totals(ctx).is_empty():
        return TEXT["no_unit_in_period"].format(period=ctx.period.label)
    return None


def units_chart(ctx: ReportContext) -> alt.LayerChart | Markdown:
    """The units ranked by estimated points (all-units report with several units)."""
    reason = _ranking_unavailable(ctx)
    if reason:
        return nothing(reason)
    frame = unit_totals(ctx).select(
        (pl.col("scope_rank").cast(pl.String) + ". " + pl.col("scope_unit_name")).alias("category"),
        "points", "max_points")
    return charts.points_against_maximum(
        frame, title=TEXT["units_title"], subtitle=TEXT["units_chart_subtitle"].format(period=ctx.period.label),
        category_title=COLUMN_LABELS_VI["unit_name"])


def units_table(ctx: ReportContext) -> GT | Markdown:
    """The units' rank, estimated points and computable maximum."""
    reason = _ranking_unavailable(ctx)
    if reason:
        return nothing(reason)
    frame = unit_totals(ctx).select(pl.col("scope_rank").cast(pl.Int64), "scope_unit_name", "points", "max_points")
    return tables.frame_table(
        frame, title=TEXT["units_title"], subtitle=ctx.period.label,
        labels={**INDEX766_COLUMN_LABELS_VI, "scope_unit_name": COLUMN_LABELS_VI["unit_name"]},
        points_columns=["points", "max_points"], source_note=TEXT["units_note"] + TEXT["source_note"],
    )


def lost_points_text(ctx: ReportContext) -> Markdown:
    """Which indicators lost points, how many dossiers each, and those left without points for missing data."""
    if ctx.is_empty:
        return nothing(empty_sentence(ctx))
    below = _below_maximum(ctx)
    unknown = _unknown(ctx)
    lines = []
    if below.is_empty():
        lines.append(TEXT["nothing_lost"])
    else:
        lines.append(TEXT["lost_intro"].format(count=below.height))
    for row in unknown.iter_rows(named=True):
        lines.append(TEXT["lost_unknown"].format(indicator=_indicator_label(row), unknown=count_text(row["unknown"]),
                                                 denominator=count_text(row["denominator"])))
    return Markdown("\n".join(lines))


def _below_maximum_or_sentence(ctx: ReportContext) -> pl.DataFrame | Markdown:
    """The indicators below their maximum, or the sentence shown instead of their dossiers when there are none."""
    if ctx.is_empty:
        return nothing(empty_sentence(ctx))
    below = _below_maximum(ctx)
    if below.is_empty():
        return nothing(TEXT["no_dossier_lost"])
    return below


def lost_points_by_reason_table(ctx: ReportContext) -> GT | Markdown:
    """For each indicator below its maximum: how many dossiers cost it points, per reason (counted in SQL)."""
    below = _below_maximum_or_sentence(ctx)
    if isinstance(below, Markdown):
        return below
    labels = {r["indicator_id"]: _indicator_label(r) for r in below.iter_rows(named=True)}
    counts = reason_counts(ctx).filter(pl.col("indicator_id").is_in(list(labels)))
    frame = counts.select(
        pl.col("indicator_id").replace_strict(labels, return_dtype=pl.String).alias("indicator"),
        pl.col("reason").replace_strict(INDEX766_REASON_LABELS_VI, default=pl.col("reason"),
                                        return_dtype=pl.String),
        "dossiers",
    )
    return tables.frame_table(frame, row_label="reason", group_label="indicator", title=TEXT["by_reason_title"],
                              subtitle=f"{ctx.scope_label} — {ctx.period.label}")


def lost_points_list(ctx: ReportContext) -> GT | Markdown:
    """For each indicator below its maximum, the dossiers that cost points: id, procedure, reason (capped)."""
    below = _below_maximum_or_sentence(ctx)
    if isinstance(below, Markdown):
        return below
    in_all = dict(reason_counts(ctx).select("indicator_id", "indicator_dossiers").unique().iter_rows())
    # short group labels: great_tables repeats the label in every cell's `headers` attribute
    labels = {i: TEXT["list_group"].format(indicator=i, dossiers=count_text(in_all.get(i, 0)))
              for i in below["indicator_id"]}
    capped = [TEXT["list_capped_item"].format(indicator=i, dossiers=count_text(in_all[i]))
              for i in below["indicator_id"] if in_all.get(i, 0) > LISTED_PER_INDICATOR]
    listed = lost_dossiers(ctx).filter(pl.col("indicator_id").is_in(list(labels)))
    columns = ["dossier_id", *([] if ctx.unit else ["unit_name"]), "procedure_code", "procedure_name"]
    frame = listed.select(
        pl.col("indicator_id").replace_strict(labels, return_dtype=pl.String).alias("indicator"),
        *columns,
        pl.col("reason").replace_strict(INDEX766_REASON_LABELS_VI, default=pl.col("reason"), return_dtype=pl.String),
    )
    note = TEXT["list_note"]
    if capped:
        note = TEXT["list_capped"].format(listed=count_text(LISTED_PER_INDICATOR), capped="; ".join(capped)) + note
    return tables.frame_table(frame, group_label="indicator", title=TEXT["list_title"],
                              subtitle=f"{ctx.scope_label} — {ctx.period.label}",
                              labels=INDEX766_COLUMN_LABELS_VI, source_note=note, font_size="13px")


# --- the whole score of 100 (the portal's pages) ---------------------------------------------

def _whole_or_reason(ctx: ReportContext) -> dict[str, Any] | str:
    if ctx.unit is None:
        return WHOLE["for_one_unit"]
    whole = whole_score(ctx)
    return whole or WHOLE["not_calendar"]


def whole_summary(ctx: ReportContext) -> Markdown:
    """The whole score in one sentence: the portal's when published, else the estimate, labelled so, with the rank."""
    whole = _whole_or_reason(ctx)
    if isinstance(whole, str):
        return nothing(whole)
    if whole["total_points"] is None:
        pages = ", ".join(PORTAL766_PAGE_NAMES_VI.get(p, p) for p in whole["missing_pages"])
        return Markdown(WHOLE["no_total"].format(period=ctx.period.label, pages=pages))
    rank = WHOLE["no_rank"] if whole["rank"] is None else WHOLE["rank"].format(rank=whole["rank"], of=whole["of"])
    carried = WHOLE["carried"].format(period=whole["carried_from"]) if whole["carried_from"] else ""
    return Markdown(WHOLE[whole["kind"]].format(
        period=ctx.period.label, points=points_number(whole["total_points"]),
        max_points=points_number(whole["total_max_points"]), rank=rank, carried=carried))


def whole_pages_chart(ctx: ReportContext) -> alt.LayerChart | Markdown:
    """The points of each of the portal's six pages against the page's maximum (published, or estimated)."""
    whole = _whole_or_reason(ctx)
    if isinstance(whole, str):
        return nothing(whole)
    frame = whole["pages"].filter(pl.col("points").is_not_null()).select(
        pl.col("page").replace_strict(PORTAL766_PAGE_NAMES_VI, default=pl.col("page")).alias("category"),
        "points", "max_points")
    if frame.is_empty():
        return nothing(WHOLE["no_total"].format(period=ctx.period.label, pages="–"))
    return charts.points_against_maximum(
        frame, title=WHOLE["pages_title"],
        subtitle=WHOLE[f"pages_subtitle_{whole['kind']}"].format(unit=ctx.unit, period=ctx.period.label),
        category_title=WHOLE["page_heading"])


def whole_months_chart(ctx: ReportContext) -> alt.LayerChart | Markdown:
    """The published total of each month of the year against 100, its rank in the label (the trend by month)."""
    if ctx.unit is None:
        return nothing(WHOLE["for_one_unit"])
    months = published_months(ctx)
    if months.is_empty():
        return nothing(WHOLE["no_month"].format(year=ctx.period.end.year))
    frame = months.select(
        pl.struct("period_name", "rank", "of").map_elements(
            lambda r: WHOLE["month"].format(month=int(r["period_name"][5:7]), rank=f"{r['rank']}/{r['of']}"),
            return_dtype=pl.String).alias("category"),
        "total_points", "total_max_points").rename({"total_points": "points", "total_max_points": "max_points"})
    return charts.points_against_maximum(
        frame, title=WHOLE["months_title"].format(year=ctx.period.end.year),
        subtitle=WHOLE["months_subtitle"].format(unit=ctx.unit), category_title=TEXT["month_heading"])
