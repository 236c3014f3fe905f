"""Notebook 1, Tổng quan: the plan's KPIs against its targets, the trend, the glide path to 2030, Biểu 06."""

from __future__ import annotations

import base64
import tempfile
from pathlib import Path

import altair as alt
import polars as pl
from great_tables import GT, loc, style
from IPython.display import HTML, Markdown

from hoaan_analytics import analyses, charts, tables
from hoaan_analytics.filenames import page_name, slugify
from hoaan_analytics.form06 import FORM06_COLUMNS, form06_frame, write_form06
from hoaan_analytics.kpis import kpi_table
from hoaan_analytics.labels_vi import (
    FORM06_CODE,
    FORM06_COUNT_UNIT,
    FORM06_FIELD_HEADING,
    FORM06_HEADINGS,
    FORM06_LEGAL_BASIS,
    FORM06_STT_HEADING,
    FORM06_TITLE,
    GLIDE_STATUS_VI,
    INDEX766_LABEL,
    NO_FIELD_LABEL,
    SHORT_KPI_LABELS_VI,
)
from hoaan_analytics.sections import index766 as index766_sections
from hoaan_analytics.sections.context import ReportContext, empty_sentence, target_phrase
from hoaan_analytics.sections.text import count_text, nothing, percent_text, points_text
from hoaan_analytics.targets import compare, target_for

# The ratios whose trend the overview follows, in the plan's order.
TREND_KPIS = ("on_time_rate", "online_share", "online_payment_share", "time_reduction")
TREND_PERIODS = 4
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def kpi_summary(ctx: ReportContext) -> Markdown:
    """The period's main numbers in a few sentences, each ratio with its target."""
    if ctx.is_empty:
        return nothing(empty_sentence(ctx))
    k = ctx.kpis
    lines = [
        f"- Tổng số hồ sơ phải giải quyết: **{count_text(k['handled'])}** (mới tiếp nhận "
        f"{count_text(k['received'])}, kỳ trước chuyển qua {count_text(k['carried_over'])}).",
        f"- Đã giải quyết **{count_text(k['resolved'])}** hồ sơ, trong đó trước hạn "
        f"{count_text(k['resolved_early'])}, đúng hạn {count_text(k['resolved_on_time'])}, quá hạn "
        f"{count_text(k['resolved_late'])}. Tỷ lệ giải quyết đúng hạn **{percent_text(k['on_time_rate'])}**"
        f"{target_phrase(ctx, 'on_time_rate', k['on_time_rate'])}.",
        f"- Đang giải quyết {count_text(k['pending'])} hồ sơ, trong đó quá hạn "
        f"{count_text(k['pending_overdue'])}. Tỷ lệ tiến độ giải quyết {percent_text(k['progress_rate'])}.",
        f"- Tỷ lệ hồ sơ nộp trực tuyến **{percent_text(k['online_share'])}**"
        f"{target_phrase(ctx, 'online_share', k['online_share'])}.",
        f"- Tỷ lệ thanh toán trực tuyến **{percent_text(k['online_payment_share'])}**"
        f"{target_phrase(ctx, 'online_payment_share', k['online_payment_share'])}; thanh toán không dùng "
        f"tiền mặt {percent_text(k['cashless_share'])} của {count_text(k['fee_dossiers'])} hồ sơ có phí, lệ phí.",
        f"- Mức giảm thời gian giải quyết so với quy định **{percent_text(k['time_reduction'])}**"
        f"{target_phrase(ctx, 'time_reduction', k['time_reduction'])}.",
        f"- Tỷ lệ hài lòng {percent_text(k['satisfaction_rate'])}"
        f"{target_phrase(ctx, 'satisfaction_rate', k['satisfaction_rate'])}.",
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
    return Markdown(
        f"- {INDEX766_LABEL} (ước tính theo công thức của Cổng Dịch vụ công quốc gia): "
        f"**{index766_sections.points_of(row['points'], row['max_points'])}**; "
        f"{index766_sections.points_number(row['not_computable_max_points'])} điểm còn lại không tính được từ dữ "
        f"liệu hồ sơ. Chi tiết và các hồ sơ làm mất điểm: [báo cáo {INDEX766_LABEL}]({link}).")


def _by_field(ctx: ReportContext) -> pl.DataFrame:
    return ctx.memo(("kpi_table", "field", ctx.period),
                    lambda: kpi_table(ctx.con, ctx.period, unit=ctx.unit, by="field"))


def field_satisfaction_table(ctx: ReportContext) -> GT | Markdown:
    """The satisfaction rate of each field against the plan's target for that field (field-specific where set)."""
    if ctx.is_empty:
        return nothing(empty_sentence(ctx))
    rows = []
    by_field = _by_field(ctx).sort(["handled", "field_name"], descending=[True, False], nulls_last=True)
    for row in by_field.iter_rows(named=True):
        target = target_for(ctx.targets, "satisfaction_rate", year=ctx.year, field=row["field_name"])
        goal = None if target is None else target.value
        rows.append({"field_name": row["field_name"] or NO_FIELD_LABEL, "handled": row["handled"],
                     "satisfaction_rate": row["satisfaction_rate"], "target": goal,
                     # "Đạt" / "Chưa đạt" as targets.is_met decides
                     "status": tables.met_texts([row["satisfaction_rate"]], [goal])[0],
                     "is_field_target": target is not None and bool(target.fields)})
    if not rows:
        return nothing("Không có hồ sơ theo lĩnh vực trong kỳ.")
    frame = pl.DataFrame(rows, schema={"field_name": pl.String, "handled": pl.Int64, "satisfaction_rate": pl.Float64,
                                       "target": pl.Float64, "status": pl.String, "is_field_target": pl.Boolean})
    field_rows = [i for i, special in enumerate(frame["is_field_target"]) if special]
    gt = tables.frame_table(
        frame.drop("is_field_target"), row_label="field_name",
        title="Mức độ hài lòng theo lĩnh vực", subtitle=f"{ctx.scope_label} — {ctx.period.label}",
        labels={"handled": "Phải giải quyết"}, source_note=_field_target_note(ctx),
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
        years = (f"năm {target.from_year}–{target.to_year}" if target.from_year and target.to_year
                 else f"từ năm {target.from_year}" if target.from_year else f"đến năm {target.by_year}"
                 if target.by_year else "mọi năm")
        in_force = "áp dụng cho kỳ này" if target.applies(ctx.year) else f"chưa áp dụng cho năm {ctx.year}"
        notes.append(f"Kế hoạch ({target.section}) đặt mục tiêu hài lòng ≥ {percent_text(target.value)} riêng cho "
                     f"lĩnh vực {', '.join(target.fields)}, {years} ({in_force}; in đậm khi áp dụng).")
    notes.append("Các lĩnh vực khác so với mục tiêu chung của Kế hoạch.")
    return " ".join(notes)


def _compared(ctx: ReportContext) -> pl.DataFrame:
    return ctx.memo("compared", lambda: compare(ctx.kpis, ctx.targets, year=ctx.year))


def targets_table(ctx: ReportContext) -> GT | Markdown:
    """The plan's KPIs, their values in the period, the targets and whether each is met."""
    if ctx.is_empty:
        return nothing(empty_sentence(ctx))
    return tables.kpi_table(
        _compared(ctx), title="Kết quả thực hiện các chỉ tiêu của Kế hoạch",
        subtitle=f"{ctx.scope_label} — {ctx.period.label}",
        source_note="Mục tiêu: Kế hoạch số 02/KH-UBND ngày 16/01/2026 của UBND xã Hòa An; các mục tiêu "
                    "đến năm 2030 được so với kết quả hiện tại. Cách tính: docs/kpis.md.",
    )


def targets_chart(ctx: ReportContext) -> alt.LayerChart | Markdown:
    """Bars of the KPI values with the targets as ticks."""
    if ctx.is_empty:
        return nothing(empty_sentence(ctx))
    frame = _compared(ctx).select("kpi", "value", "target")
    return charts.kpi_bars(frame, title="Kết quả so với mục tiêu", subtitle=f"{ctx.scope_label} — "
                           f"{ctx.period.label}. Vạch đỏ: mục tiêu của Kế hoạch")


def _trend(ctx: ReportContext) -> pl.DataFrame:
    # the chart and the table show the same frame; the period itself was computed by open_report
    return ctx.memo(("trend", ctx.period, TREND_PERIODS), lambda: analyses.kpi_trend(
        ctx.con, ctx.period, unit=ctx.unit, periods=TREND_PERIODS, kpis_of=ctx.kpis_of))


def trend_chart(ctx: ReportContext) -> alt.LayerChart | Markdown:
    """The main ratios over the period and the three periods of the same kind before it."""
    trend = _trend(ctx)
    if trend["handled"].sum() == 0:
        return nothing("Không có hồ sơ trong các kỳ gần đây để vẽ xu hướng.")
    frame = pl.concat([
        trend.select("period_label", pl.col(kpi).alias("value"),
                     pl.lit(SHORT_KPI_LABELS_VI[kpi]).alias("series"))
        for kpi in TREND_KPIS
    ])
    return charts.trend_line(frame, value_title="Tỷ lệ", title="Xu hướng các chỉ tiêu chính",
                             subtitle=f"{ctx.scope_label}: {TREND_PERIODS} kỳ gần nhất đến {ctx.period.label}")


def trend_table(ctx: ReportContext) -> GT | Markdown:
    """The plan's ratios in each of the last periods, one row per KPI."""
    trend = _trend(ctx)
    if trend["handled"].sum() == 0:
        return nothing("Không có hồ sơ trong các kỳ gần đây.")
    keys = ("handled", *TREND_KPIS, "satisfaction_rate")
    rows = []
    for key in keys:
        row = {"Chỉ tiêu": tables.KPI_LABELS[key]}
        for period_label, value in zip(trend["period_label"], trend[key], strict=True):
            row[period_label] = count_text(value) if key == "handled" else percent_text(value)
        rows.append(row)
    frame = pl.DataFrame(rows)
    gt = GT(frame, rowname_col="Chỉ tiêu").tab_header(title="Các chỉ tiêu qua các kỳ",
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
        return nothing("Kế hoạch không có mục tiêu nào đặt cho một năm đích.")
    year_before = analyses.same_period_year_before(ctx.period)
    lines = []
    for row in glide.iter_rows(named=True):
        label = tables.KPI_LABELS[row["kpi"]]
        goal = f"mục tiêu {percent_text(row['target'])} vào năm {row['by_year']}"
        if row["status"] == "met":
            text = f"hiện đạt {percent_text(row['value'])}, đã đạt {goal}."
        elif row["status"] == "unknown":
            text = (f"hiện {percent_text(row['value'])}; chưa có số liệu cùng kỳ năm trước để ước tính tốc độ "
                    f"({goal}).")
        else:
            direction = "tăng" if row["pace_per_year"] >= 0 else "giảm"
            verdict = ("với tốc độ này sẽ đạt mục tiêu" if row["status"] == "on_track"
                       else "với tốc độ này sẽ **chưa đạt** mục tiêu")
            text = (f"hiện {percent_text(row['value'])}, {direction} {points_text(row['pace_per_year'])} so với "
                    f"cùng kỳ năm trước; {verdict} ({goal}; dự báo {percent_text(row['projected'])}). "
                    f"Tốc độ cần thiết: tăng {points_text(row['needed_pace_per_year'])} mỗi năm.")
        lines.append(f"- **{label}**: {text}")
    lines.append("")
    lines.append(f"*Cách ước tính: so sánh {ctx.period.label} với {year_before.label}. "
                 f"{analyses.GlidePathMethod().description}*")
    return Markdown("\n".join(lines))


def glide_path_table(ctx: ReportContext) -> GT | Markdown:
    """The glide path as a table: now, a year ago, pace, projection, pace needed, verdict."""
    glide = _glide(ctx)
    if glide.is_empty():
        return nothing("Kế hoạch không có mục tiêu nào đặt cho một năm đích.")
    frame = glide.select(
        pl.col("kpi").replace_strict(tables.KPI_LABELS, return_dtype=pl.String).alias("Chỉ tiêu"),
        pl.col("target"), pl.col("by_year").cast(pl.String).alias("Năm đích"),
        pl.col("value").alias("current_share"), pl.col("value_year_before").alias("year_before_share"),
        (pl.col("pace_per_year") * 100).alias("pace_points"),
        pl.col("projected").alias("projected_share"),
        (pl.col("needed_pace_per_year") * 100).alias("needed_points"),
        pl.col("status").replace_strict(GLIDE_STATUS_VI, return_dtype=pl.String).alias("Đánh giá"),
    )
    return tables.frame_table(
        frame, row_label="Chỉ tiêu", title="Lộ trình đến mục tiêu năm 2030",
        subtitle=f"{ctx.scope_label} — {ctx.period.label}",
        labels={"current_share": "Kỳ này", "year_before_share": "Cùng kỳ năm trước",
                "pace_points": "Tốc độ (điểm %/năm)", "projected_share": "Dự báo năm đích",
                "needed_points": "Tốc độ cần (điểm %/năm)"},
        source_note="Tốc độ = kỳ này − cùng kỳ năm trước; dự báo = kỳ này + tốc độ × số năm còn lại (tối đa 100%).",
    )


# Columns (3)-(13) headed as in the form, with their numbers.
FORM06_LABELS = {key: f"{FORM06_HEADINGS[key]} ({number})" for number, key in enumerate(FORM06_COLUMNS, start=3)}


def form06_table(ctx: ReportContext) -> GT | Markdown:
    """Biểu số 06/VPCP/KSTT of the period: one row per lĩnh vực and the total, columns (1)–(13)."""
    if ctx.is_empty:
        return nothing(empty_sentence(ctx))
    frame = _form06(ctx)
    shown = frame.select(pl.col("stt").alias(f"{FORM06_STT_HEADING} (1)"),
                         pl.col("field_name").alias(f"{FORM06_FIELD_HEADING} (2)"),
                         *FORM06_COLUMNS)
    total_rows = [i for i, is_total in enumerate(frame["is_total"]) if is_total]
    gt = (
        GT(shown)
        .tab_header(title=f"{FORM06_CODE}: {FORM06_TITLE.capitalize()}",
                    subtitle=f"{ctx.scope_label} — {ctx.period.label} ({ctx.period.range_label})")
        .tab_spanner("Số hồ sơ nhận giải quyết", list(FORM06_COLUMNS[0:4]))
        .tab_spanner("Số hồ sơ đã giải quyết", list(FORM06_COLUMNS[4:8]))
        .tab_spanner("Số hồ sơ đang giải quyết", list(FORM06_COLUMNS[8:11]))
        .cols_label(**FORM06_LABELS)
        .fmt_integer(list(FORM06_COLUMNS), sep_mark=".")
        .tab_style(style.text(weight="bold"), loc.body(rows=total_rows))
        .tab_source_note(f"{FORM06_LEGAL_BASIS}. {FORM06_COUNT_UNIT}.")
        .tab_options(table_font_size="13px")
    )
    return gt


def form06_download(ctx: ReportContext) -> HTML | Markdown:
    """A link that saves Biểu 06 as an Excel file; the file travels inside the page (no server needed)."""
    if ctx.is_empty:
        return nothing("Không lập Biểu 06 cho kỳ không có hồ sơ.")
    name = f"bieu-06_{slugify(ctx.period.name)}_{slugify(ctx.scope_label)}.xlsx"
    with tempfile.TemporaryDirectory() as folder:
        path = write_form06(ctx.con, ctx.period, Path(folder) / name, unit=ctx.unit,
                            reporting_unit=ctx.scope_label, frame=_form06(ctx))
        payload = base64.b64encode(path.read_bytes()).decode("ascii")
    return HTML(
        f'<p><a class="hoaan-download" download="{name}" href="data:{XLSX_MIME};base64,{payload}">'
        f"Tải Biểu 06 (tệp Excel {name})</a> — tệp đi kèm ngay trong báo cáo này, mở được khi không có mạng.</p>"
    )
