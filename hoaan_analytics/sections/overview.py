"""Notebook 1, Tổng quan: the plan's KPIs against its targets, the trend, the glide path to 2030, Biểu 06."""

from __future__ import annotations

import base64
import tempfile
from pathlib import Path

import altair as alt
import polars as pl
from great_tables import GT, loc, style
from IPython.display import HTML, Markdown

from hoaan_analytics import analyses, charts, labels_vi, tables
from hoaan_analytics.filenames import page_name, slugify
from hoaan_analytics.form06 import FORM06_COLUMNS, form06_frame, write_form06
from hoaan_analytics.kpis import RATIO_KEYS, kpi_table
from hoaan_analytics.labels_vi import (
    COLUMN_LABELS_VI,
    GLIDE_STATUS_VI,
    INDEX766_LABEL,
    KPI_LABELS_VI,
    NO_FIELD_LABEL,
    NO_PLAN_LABEL,
    PLAN_DATE_PART,
    PLAN_ISSUER_PART,
    PLAN_LABEL,
    PLAN_NUMBER_PART,
    SHORT_KPI_LABELS_VI,
    TABLE_HEADINGS_VI,
    TARGETS_SOURCE_NOTE,
    TARGETS_SOURCE_NOTE_NO_GOAL_YEAR,
)
from hoaan_analytics.labels_vi import OVERVIEW_TEXT_VI as TEXT
from hoaan_analytics.sections import index766 as index766_sections
from hoaan_analytics.sections import worklist as worklist_sections
from hoaan_analytics.sections.context import ReportContext, empty_sentence, target_phrase
from hoaan_analytics.sections.text import count_text, nothing, percent_text, points_text
from hoaan_analytics.targets import Plan, compare, load_plan, target_for

# The ratios whose trend the overview follows, in the plan's order.
TREND_KPIS = ("on_time_rate", "online_share", "online_payment_share", "time_reduction")
TREND_PERIODS = 4
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def kpi_summary(ctx: ReportContext) -> Markdown:
    """The period's main numbers in a few sentences, each ratio with its target."""
    if ctx.is_empty:
        return nothing(empty_sentence(ctx))
    k = ctx.kpis
    # every count and ratio of the period, formatted once; a sentence picks what it names
    shown = {key: percent_text(value) if key in RATIO_KEYS else count_text(value) for key, value in k.items()
             if key in KPI_LABELS_VI}
    lines = [
        TEXT["handled"].format(**shown),
        TEXT["resolved"].format(**shown, target=target_phrase(ctx, "on_time_rate", k["on_time_rate"])),
        TEXT["pending"].format(**shown),
        TEXT["online"].format(**shown, target=target_phrase(ctx, "online_share", k["online_share"])),
        TEXT["payment"].format(**shown, target=target_phrase(ctx, "online_payment_share", k["online_payment_share"])),
        TEXT["time_reduction"].format(**shown, target=target_phrase(ctx, "time_reduction", k["time_reduction"])),
        TEXT["satisfaction"].format(**shown, target=target_phrase(ctx, "satisfaction_rate", k["satisfaction_rate"])),
    ]
    return Markdown("\n".join(lines))


def index766_line(ctx: ReportContext) -> Markdown:
    """One line with the 766 estimate (total points / computable maximum) and a link to report 07.

    The link is relative: report 07 of the same unit and period sits in the same folder of a
    `hoaan report` run (filenames.page_name).
    """
    if ctx.is_empty:
        return nothing(empty_sentence(ctx))
    row = index766_sections.total(ctx)
    link = page_name(index766_sections.NOTEBOOK_STEM)
    return Markdown(TEXT["index766"].format(
        index766=INDEX766_LABEL, points=index766_sections.points_of(row["points"], row["max_points"]),
        missing=index766_sections.points_number(row["not_computable_max_points"]), link=link))


def _by_field(ctx: ReportContext) -> pl.DataFrame:
    return ctx.memo(("kpi_table", "field", ctx.period),
                    lambda: kpi_table(ctx.con, ctx.period, unit=ctx.unit, by="field"))


def field_satisfaction_table(ctx: ReportContext) -> GT | Markdown:
    """The satisfaction rate of each field against the plan's target for that field (field-specific where set)."""
    if ctx.is_empty:
        return nothing(empty_sentence(ctx))
    rows = []
    fields = _by_field(ctx).sort(["handled", "field_name"], descending=[True, False], nulls_last=True)
    for row in fields.iter_rows(named=True):
        target = target_for(ctx.targets, "satisfaction_rate", year=ctx.year, field=row["field_name"])
        goal = None if target is None else target.value
        rows.append({"field_name": row["field_name"] or NO_FIELD_LABEL, "handled": row["handled"],
                     "satisfaction_rate": row["satisfaction_rate"], "target": goal,
                     # "Đạt" / "Chưa đạt" as targets.is_met decides
                     "status": tables.met_texts([row["satisfaction_rate"]], [goal])[0],
                     "is_field_target": target is not None and bool(target.fields)})
    if not rows:
        return nothing(TEXT["no_field"])
    frame = pl.DataFrame(rows, schema={"field_name": pl.String, "handled": pl.Int64, "satisfaction_rate": pl.Float64,
                                       "target": pl.Float64, "status": pl.String, "is_field_target": pl.Boolean})
    field_rows = [i for i, special in enumerate(frame["is_field_target"]) if special]
    gt = tables.frame_table(
        frame.drop("is_field_target"), row_label="field_name",
        title=TEXT["field_title"], subtitle=f"{ctx.scope_label} — {ctx.period.label}",
        labels={"handled": TABLE_HEADINGS_VI["handled"]}, source_note=_field_target_note(ctx),
    )
    if field_rows:
        gt = gt.tab_style(style.text(weight="bold"), loc.body(rows=field_rows))
    return gt


def _field_target_note(ctx: ReportContext) -> str:
    """Which field-specific targets the plan sets, and for which years (shown even when not yet in force)."""
    notes = []
    for target in ctx.targets:
        if target.kpi != "satisfaction_rate" or not target.fields:
            continue
        years = (TEXT["field_years_range"] if target.from_year and target.to_year
                 else TEXT["field_years_from"] if target.from_year else TEXT["field_years_by"]
                 if target.by_year else TEXT["field_years_all"]).format(
            from_year=target.from_year, to_year=target.to_year, by_year=target.by_year)
        in_force = (TEXT["field_in_force"] if target.applies(ctx.year)
                    else TEXT["field_not_in_force"].format(year=ctx.year))
        notes.append(TEXT["field_target_note"].format(section=target.section, value=percent_text(target.value),
                                                      fields=", ".join(target.fields), years=years,
                                                      in_force=in_force))
    notes.append(TEXT["other_fields_note"])
    return " ".join(notes)


def _compared(ctx: ReportContext) -> pl.DataFrame:
    return ctx.memo("compared", lambda: compare(ctx.kpis, ctx.targets, year=ctx.year))


def targets_table(ctx: ReportContext) -> GT | Markdown:
    """The plan's KPIs, their values in the period, the targets and whether each is met."""
    if ctx.is_empty:
        return nothing(empty_sentence(ctx))
    goal_years = sorted({t.by_year for t in ctx.targets if t.by_year is not None})
    plan = plan_citation(ctx.memo("plan", lambda: load_plan(ctx.params_dir)))
    note = (TARGETS_SOURCE_NOTE.format(plan=plan, years=", ".join(map(str, goal_years))) if goal_years
            else TARGETS_SOURCE_NOTE_NO_GOAL_YEAR.format(plan=plan))
    return tables.kpi_table(
        _compared(ctx), title=TEXT["targets_title"],
        subtitle=f"{ctx.scope_label} — {ctx.period.label}", source_note=note,
    )


def plan_citation(plan: Plan | None) -> str:
    """'Kế hoạch số 15/KH-UBND ngày 03/02/2026 của UBND phường …' from the parts params/targets.yaml gives."""
    if plan is None:
        return NO_PLAN_LABEL
    if plan.citation:
        return plan.citation
    parts = [PLAN_LABEL]
    if plan.number:
        parts.append(PLAN_NUMBER_PART.format(number=plan.number))
    if plan.issued_on:
        parts.append(PLAN_DATE_PART.format(issued_on=plan.issued_on))
    if plan.issuer:
        parts.append(PLAN_ISSUER_PART.format(issuer=plan.issuer))
    return " ".join(parts)


def targets_chart(ctx: ReportContext) -> alt.LayerChart | Markdown:
    """Bars of the KPI values with the targets as ticks."""
    if ctx.is_empty:
        return nothing(empty_sentence(ctx))
    frame = _compared(ctx).select("kpi", "value", "target")
    return charts.kpi_bars(frame, title=TEXT["targets_chart_title"],
                           subtitle=TEXT["targets_chart_subtitle"].format(scope=ctx.scope_label,
                                                                          period=ctx.period.label))


def _trend(ctx: ReportContext) -> pl.DataFrame:
    # the chart and the table show the same frame; the period itself was computed by open_report
    return ctx.memo(("trend", ctx.period, TREND_PERIODS), lambda: analyses.kpi_trend(
        ctx.con, ctx.period, unit=ctx.unit, periods=TREND_PERIODS, kpis_of=ctx.kpis_of))


def trend_chart(ctx: ReportContext) -> alt.LayerChart | Markdown:
    """The main ratios over the period and the three periods of the same kind before it."""
    trend = _trend(ctx)
    if trend["handled"].sum() == 0:
        return nothing(TEXT["no_trend"])
    frame = pl.concat([
        trend.select("period_label", pl.col(kpi).alias("value"),
                     pl.lit(SHORT_KPI_LABELS_VI[kpi]).alias("series"))
        for kpi in TREND_KPIS
    ])
    return charts.trend_line(frame, value_title=COLUMN_LABELS_VI["share"], title=TEXT["trend_title"],
                             subtitle=TEXT["trend_subtitle"].format(scope=ctx.scope_label, periods=TREND_PERIODS,
                                                                    period=ctx.period.label))


def trend_table(ctx: ReportContext) -> GT | Markdown:
    """The plan's ratios in each of the last periods, one row per KPI."""
    trend = _trend(ctx)
    if trend["handled"].sum() == 0:
        return nothing(TEXT["no_recent"])
    keys = ("handled", *TREND_KPIS, "satisfaction_rate")
    rows = []
    for key in keys:
        row = {COLUMN_LABELS_VI["kpi"]: tables.KPI_LABELS[key]}
        for period_label, value in zip(trend["period_label"], trend[key], strict=True):
            row[period_label] = count_text(value) if key == "handled" else percent_text(value)
        rows.append(row)
    frame = pl.DataFrame(rows)
    gt = GT(frame, rowname_col=COLUMN_LABELS_VI["kpi"]).tab_header(title=TEXT["trend_table_title"],
                                                                   subtitle=ctx.scope_label)
    return gt.cols_align("right", columns=list(trend["period_label"])).tab_options(table_font_size="14px")


def _glide(ctx: ReportContext) -> pl.DataFrame:
    return ctx.memo(("glide", ctx.period), lambda: analyses.glide_path(
        ctx.con, ctx.period, ctx.targets, unit=ctx.unit, kpis_of=ctx.kpis_of))


def _form06(ctx: ReportContext) -> pl.DataFrame:
    # the table and the Excel download are the same rows
    return ctx.memo(("form06", ctx.period), lambda: form06_frame(ctx.con, ctx.period, unit=ctx.unit))


def glide_path_text(ctx: ReportContext) -> Markdown:
    """For each 2030 target: on track at the current pace or not, and the pace needed; the method stated."""
    glide = _glide(ctx)
    if glide.is_empty():
        return nothing(TEXT["no_goal_year"])
    year_before = analyses.same_period_year_before(ctx.period)
    lines = []
    for row in glide.iter_rows(named=True):
        label = tables.KPI_LABELS[row["kpi"]]
        goal = TEXT["glide_goal"].format(target=percent_text(row["target"]), by_year=row["by_year"])
        if row["status"] == "met":
            text = TEXT["glide_met"].format(value=percent_text(row["value"]), goal=goal)
        elif row["status"] == "unknown":
            text = TEXT["glide_unknown"].format(value=percent_text(row["value"]), goal=goal)
        else:
            text = TEXT["glide_pace"].format(
                value=percent_text(row["value"]),
                direction=TEXT["glide_up"] if row["pace_per_year"] >= 0 else TEXT["glide_down"],
                pace=points_text(row["pace_per_year"]),
                verdict=TEXT["glide_on_track"] if row["status"] == "on_track" else TEXT["glide_off_track"],
                goal=goal, projected=percent_text(row["projected"]), needed=points_text(row["needed_pace_per_year"]))
        lines.append(TEXT["glide_line"].format(label=label, text=text))
    lines.append("")
    lines.append(TEXT["glide_method"].format(period=ctx.period.label, year_before=year_before.label,
                                             method=analyses.GlidePathMethod().description))
    return Markdown("\n".join(lines))


def glide_path_table(ctx: ReportContext) -> GT | Markdown:
    """The glide path as a table: now, a year ago, pace, projection, pace needed, verdict."""
    glide = _glide(ctx)
    if glide.is_empty():
        return nothing(TEXT["no_goal_year"])
    frame = glide.select(
        pl.col("kpi").replace_strict(tables.KPI_LABELS, return_dtype=pl.String),
        pl.col("target"), pl.col("by_year").cast(pl.String),
        pl.col("value").alias("current_share"), pl.col("value_year_before").alias("year_before_share"),
        (pl.col("pace_per_year") * 100).alias("pace_points"),
        pl.col("projected").alias("projected_share"),
        (pl.col("needed_pace_per_year") * 100).alias("needed_points"),
        pl.col("status").replace_strict(GLIDE_STATUS_VI, return_dtype=pl.String),
    )
    years = ", ".join(map(str, sorted(set(glide["by_year"]))))
    return tables.frame_table(
        frame, row_label="kpi", title=TEXT["glide_title"].format(years=years),
        subtitle=f"{ctx.scope_label} — {ctx.period.label}", source_note=TEXT["glide_note"],
    )


# Columns (3)-(13) headed as in the form, with their numbers.
FORM06_LABELS = {key: f"{labels_vi.FORM06_HEADINGS[key]} ({number})"
                 for number, key in enumerate(FORM06_COLUMNS, start=3)}


def form06_table(ctx: ReportContext) -> GT | Markdown:
    """Biểu số 06/VPCP/KSTT of the period: one row per lĩnh vực and the total, columns (1)–(13)."""
    if ctx.is_empty:
        return nothing(empty_sentence(ctx))
    frame = _form06(ctx)
    shown = frame.select(pl.col("stt").alias(f"{labels_vi.FORM06_STT_HEADING} (1)"),
                         pl.col("field_name").alias(f"{labels_vi.FORM06_FIELD_HEADING} (2)"),
                         *FORM06_COLUMNS)
    total_rows = [i for i, is_total in enumerate(frame["is_total"]) if is_total]
    gt = (
        GT(shown)
        .tab_header(title=f"{labels_vi.FORM06_CODE}: {labels_vi.FORM06_TITLE.capitalize()}",
                    subtitle=f"{ctx.scope_label} — {ctx.period.label} ({ctx.period.range_label})")
        .tab_spanner(labels_vi.FORM06_GROUP_HEADINGS[0], list(FORM06_COLUMNS[0:4]))
        .tab_spanner(labels_vi.FORM06_GROUP_HEADINGS[1], list(FORM06_COLUMNS[4:8]))
        .tab_spanner(labels_vi.FORM06_GROUP_HEADINGS[2], list(FORM06_COLUMNS[8:11]))
        .cols_label(**FORM06_LABELS)
        .fmt_integer(list(FORM06_COLUMNS), sep_mark=".")
        .tab_style(style.text(weight="bold"), loc.body(rows=total_rows))
        .tab_source_note(f"{labels_vi.FORM06_LEGAL_BASIS}. {labels_vi.FORM06_COUNT_UNIT}.")
        .tab_options(table_font_size="13px")
    )
    return gt


def form06_download(ctx: ReportContext) -> HTML | Markdown:
    """A link that saves Biểu 06 as an Excel file; the file travels inside the page (no server needed)."""
    if ctx.is_empty:
        return nothing(TEXT["no_form06"])
    name = f"bieu-06_{slugify(ctx.period.name)}_{slugify(ctx.scope_label)}.xlsx"
    with tempfile.TemporaryDirectory() as folder:
        path = write_form06(ctx.con, ctx.period, Path(folder) / name, unit=ctx.unit,
                            reporting_unit=ctx.scope_label, frame=_form06(ctx))
        payload = base64.b64encode(path.read_bytes()).decode("ascii")
    return HTML(
        f'<p><a class="hoaan-download" download="{name}" href="data:{XLSX_MIME};base64,{payload}">'
        f"{TEXT['form06_link'].format(name=name)}</a>{TEXT['form06_offline']}</p>"
    )


def worklist_line(ctx: ReportContext) -> Markdown:
    """One line linking report 08 (Việc cần làm), which sits next to this one in the unit's folder of a run."""
    return worklist_sections.link_line(ctx)
