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
from great_tables import GT, loc, style
from IPython.display import Markdown

from hoaan_analytics import charts, index766, tables
from hoaan_analytics.labels_vi import (
    ALL_UNITS_LABEL,
    COLUMN_LABELS_VI,
    INDEX766_COLUMN_LABELS_VI,
    INDEX766_POINTS_UNIT,
    INDEX766_REASON_LABELS_VI,
)
from hoaan_analytics.periods import Period, months_of, parse_period
from hoaan_analytics.sections.context import ReportContext, empty_sentence
from hoaan_analytics.sections.text import count_text, nothing
from hoaan_analytics.tables import format_number_vi

# The notebook of this report: the overview links its page (filenames.page_name).
NOTEBOOK_STEM = "07_chi_so_766"
# At most this many dossiers listed per indicator: a quarter of a big commune loses points on thousands.
LISTED_PER_INDICATOR = 200
SOURCE_NOTE = ("Ước tính theo công thức của Cổng Dịch vụ công quốc gia (Quyết định 766/QĐ-TTg; Mô tả công thức "
               "tính chỉ số 766) từ hồ sơ của đơn vị; cách tính: docs/index766.md.")


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
    lines = [
        "**Đây là điểm ước tính, không phải điểm chính thức.** Điểm được tính theo các công thức Cổng Dịch vụ "
        "công quốc gia đã công bố (Quyết định 766/QĐ-TTg; Mô tả công thức tính chỉ số 766), từ chính hồ sơ của "
        "đơn vị trong cơ sở dữ liệu này. Cổng chấm điểm trên bản dữ liệu được đồng bộ về Cổng: hồ sơ chưa đồng bộ, "
        "hoặc đồng bộ với thông tin khác, sẽ làm điểm chính thức khác điểm ước tính.",
        "",
        f"Trong 100 điểm của Chỉ số 766, **{points_number(total(ctx)['not_computable_max_points'])} điểm không "
        f"tính được** từ dữ liệu hồ sơ xuất ra; báo cáo không đoán các điểm này:",
    ]
    for row in missing.iter_rows(named=True):
        number = index766.portal_number(row["indicator_id"])
        lines.append(f"- **{row['indicator_name']}** ({number + ', ' if number else ''}"
                     f"{points_number(row['max_points'])} điểm): {row['why_not_computable']}.")
    return Markdown("\n".join(lines))


def summary(ctx: ReportContext) -> Markdown:
    """The estimate in one sentence, the unit's rank among the units when the report is for one unit."""
    if ctx.is_empty:
        return nothing(empty_sentence(ctx))
    row = total(ctx)
    lines = [f"Điểm ước tính {ctx.period.label} của {ctx.scope_label.lower() if ctx.unit is None else ctx.unit}: "
             f"**{points_of(row['points'], row['max_points'])}** (tối đa {points_number(row['computable_max_points'])} "
             f"điểm khi mọi chỉ tiêu tính được đều có dữ liệu)."]
    unknown = _unknown(ctx)
    if unknown.height:
        lines.append(f"\nChưa tính được điểm của {unknown.height} chỉ tiêu vì tệp xuất thiếu thông tin của một số hồ "
                     f"sơ: {', '.join(unknown['indicator_id'].to_list())} (xem mục 5).")
    if ctx.unit is not None and len(ctx.unit_names) > 1:
        ranked = unit_totals(ctx)
        mine = ranked.filter(pl.col("scope_unit_name") == ctx.unit)
        if mine.height:
            lines.append(f"\n{ctx.unit} xếp thứ **{mine['scope_rank'][0]}/{ranked.height}** trong các đơn vị có hồ sơ "
                         f"theo điểm ước tính.")
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
        frame, title="Điểm ước tính theo nhóm chỉ tiêu",
        subtitle=f"{ctx.scope_label} — {ctx.period.label}: {points_of(row['points'], row['max_points'])}. "
                 "Nền xám: điểm tối đa của nhóm; vạch đỏ: tối đa tính được",
        category_title=INDEX766_COLUMN_LABELS_VI["group_name"])


def groups_table(ctx: ReportContext) -> GT | Markdown:
    """The same per group, with the total "x / y điểm tính được" as the last row."""
    if ctx.is_empty:
        return nothing(empty_sentence(ctx))
    rows = group_rows(ctx).sort("is_total", "group_id")
    frame = rows.select(
        pl.when(pl.col("is_total")).then(pl.lit("Tổng"))
        .otherwise(pl.col("group_id").cast(pl.String) + ". " + pl.col("group_name")).alias("group_name"),
        "points", "max_points", "group_max_points",
    )
    gt = (
        GT(frame, rowname_col="group_name")
        .tab_header(title="Điểm ước tính theo nhóm chỉ tiêu", subtitle=f"{ctx.scope_label} — {ctx.period.label}")
        .fmt_number(["points", "max_points", "group_max_points"], decimals=2, drop_trailing_zeros=True,
                    sep_mark=".", dec_mark=",")
        .cols_label(points=INDEX766_COLUMN_LABELS_VI["points"], max_points=INDEX766_COLUMN_LABELS_VI["max_points"],
                    group_max_points=INDEX766_COLUMN_LABELS_VI["group_max_points"])
        .tab_style(style.text(weight="bold"), loc.body(rows=[frame.height - 1]))
        .tab_source_note(f"Tổng: {points_of(total(ctx)['points'], total(ctx)['max_points'])}. "
                         "Tối đa tính được: tổng điểm tối đa của các chỉ tiêu có điểm. " + SOURCE_NOTE)
        .sub_missing(missing_text=tables.MISSING_TEXT)
        .tab_options(table_font_size="14px")
    )
    return gt


def indicators_table(ctx: ReportContext) -> GT | Markdown:
    """Each computable indicator: met / counted, unknown, rate, points / max."""
    if ctx.is_empty:
        return nothing(empty_sentence(ctx))
    card = scorecard_rows(ctx).filter(pl.col("is_computable")).sort("sort_order")
    rows = []
    for row in card.iter_rows(named=True):
        counted = f"{count_text(row['numerator'])} / {count_text(row['denominator'])}"
        if row["indicator_id"] == "3.5":
            counted += " thủ tục"  # 3.5 counts procedures, the others dossiers
        if row["max_points"] == 0:  # 3.3: the online-service points go to the province's share
            scored = "không tính điểm cho cấp xã"
        else:
            scored = f"{points_number(row['points'])} / {points_number(row['max_points'])}"
        rows.append({"indicator_id": row["indicator_id"], "indicator_name": row["indicator_name"],
                     "counted": counted, "unknown": row["unknown"], "rate": row["rate"], "points_text": scored})
    frame = pl.DataFrame(rows, schema={"indicator_id": pl.String, "indicator_name": pl.String, "counted": pl.String,
                                       "unknown": pl.Int64, "rate": pl.Float64, "points_text": pl.String})
    gt = (
        GT(frame)
        .tab_header(title="Các chỉ tiêu thành phần tính được", subtitle=f"{ctx.scope_label} — {ctx.period.label}")
        .fmt_percent(["rate"], decimals=1, sep_mark=".", dec_mark=",")
        .fmt_integer(["unknown"], sep_mark=".")
        .cols_label(**{c: INDEX766_COLUMN_LABELS_VI[c] for c in frame.columns})
        .cols_align("right", columns=["counted", "unknown", "rate", "points_text"])
        .tab_source_note("Tỷ lệ để trống khi không có hồ sơ để tính, hoặc khi tệp xuất thiếu thông tin của ít nhất "
                         "một hồ sơ (cột Thiếu dữ liệu): khi đó chỉ tiêu không có điểm và không tính vào tối đa. "
                         + SOURCE_NOTE)
        .sub_missing(missing_text=tables.MISSING_TEXT)
        .tab_options(table_font_size="14px")
    )
    return gt


def monthly_chart(ctx: ReportContext) -> alt.LayerChart | Markdown:
    """The estimate of each month of the year up to the period's end, against its computable maximum."""
    months = monthly_totals(ctx)
    if months.is_empty() or months.filter(pl.col("max_points") > 0).is_empty():
        return nothing(f"Chưa có tháng nào của năm {ctx.period.end.year} có hồ sơ để ước tính điểm.")
    frame = months.select(
        pl.concat_str(pl.lit("T"), pl.col("period_name").str.slice(5, 2).cast(pl.Int32)).alias("category"),
        "points", "max_points")
    return charts.points_against_maximum(
        frame, title=f"Điểm ước tính từng tháng năm {ctx.period.end.year}",
        subtitle=f"{ctx.scope_label}: mỗi tháng tính như một kỳ riêng. Vạch đỏ: tối đa tính được của tháng",
        category_title="Tháng", horizontal=False)


def _ranking_unavailable(ctx: ReportContext) -> str | None:
    if ctx.unit is not None:
        return (f"Báo cáo này dành cho {ctx.unit}; bảng xếp hạng các đơn vị có trong báo cáo của "
                f"{ALL_UNITS_LABEL.lower()}.")
    if len(ctx.unit_names) < 2:
        return "Dữ liệu chỉ có một đơn vị, nên không có xếp hạng giữa các đơn vị."
    if unit_totals(ctx).is_empty():
        return f"Không đơn vị nào có hồ sơ trong kỳ ({ctx.period.label})."
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
        frame, title="Xếp hạng đơn vị theo điểm ước tính", subtitle=f"{ctx.period.label}. Vạch đỏ: tối đa tính "
        "được của đơn vị (khác nhau khi tệp xuất của một đơn vị thiếu thông tin)",
        category_title=COLUMN_LABELS_VI["unit_name"])


def units_table(ctx: ReportContext) -> GT | Markdown:
    """The units' rank, estimated points and computable maximum."""
    reason = _ranking_unavailable(ctx)
    if reason:
        return nothing(reason)
    frame = unit_totals(ctx).select(pl.col("scope_rank").cast(pl.Int64), "scope_unit_name", "points", "max_points")
    return (
        GT(frame)
        .tab_header(title="Xếp hạng đơn vị theo điểm ước tính", subtitle=ctx.period.label)
        .fmt_integer(["scope_rank"])
        .fmt_number(["points", "max_points"], decimals=2, drop_trailing_zeros=True, sep_mark=".", dec_mark=",")
        .cols_label(scope_rank=INDEX766_COLUMN_LABELS_VI["scope_rank"], scope_unit_name=COLUMN_LABELS_VI["unit_name"],
                    points=INDEX766_COLUMN_LABELS_VI["points"], max_points=INDEX766_COLUMN_LABELS_VI["max_points"])
        .tab_source_note("Cùng điểm thì cùng hạng. " + SOURCE_NOTE)
        .tab_options(table_font_size="14px")
    )


def lost_points_text(ctx: ReportContext) -> Markdown:
    """Which indicators lost points, how many dossiers each, and those left without points for missing data."""
    if ctx.is_empty:
        return nothing(empty_sentence(ctx))
    below = _below_maximum(ctx)
    unknown = _unknown(ctx)
    lines = []
    if below.is_empty():
        lines.append("Không chỉ tiêu tính được nào bị mất điểm trong kỳ.")
    else:
        lines.append(f"{below.height} chỉ tiêu chưa đạt điểm tối đa; dưới đây là số hồ sơ làm mất điểm theo từng lý "
                     f"do, rồi danh sách hồ sơ (theo mã hồ sơ và thủ tục, không có thông tin cá nhân).")
    for row in unknown.iter_rows(named=True):
        lines.append(f"- {_indicator_label(row)}: chưa tính được điểm vì {count_text(row['unknown'])} trong "
                     f"{count_text(row['denominator'])} hồ sơ thiếu thông tin trong tệp xuất (tệp không có cột "
                     f"tương ứng, hoặc cột để trống).")
    return Markdown("\n".join(lines))


def lost_points_by_reason_table(ctx: ReportContext) -> GT | Markdown:
    """For each indicator below its maximum: how many dossiers cost it points, per reason (counted in SQL)."""
    if ctx.is_empty:
        return nothing(empty_sentence(ctx))
    below = _below_maximum(ctx)
    if below.is_empty():
        return nothing("Không có hồ sơ nào làm mất điểm.")
    labels = {r["indicator_id"]: _indicator_label(r) for r in below.iter_rows(named=True)}
    counts = reason_counts(ctx).filter(pl.col("indicator_id").is_in(list(labels)))
    frame = counts.select(
        pl.col("indicator_id").replace_strict(labels, return_dtype=pl.String).alias("indicator"),
        pl.col("reason").replace_strict(INDEX766_REASON_LABELS_VI, default=pl.col("reason"),
                                        return_dtype=pl.String),
        "dossiers",
    )
    return (
        GT(frame, rowname_col="reason", groupname_col="indicator")
        .tab_header(title="Số hồ sơ làm mất điểm theo lý do", subtitle=f"{ctx.scope_label} — {ctx.period.label}")
        .fmt_integer(["dossiers"], sep_mark=".")
        .cols_label(dossiers=COLUMN_LABELS_VI["dossiers"])
        .tab_options(table_font_size="14px")
    )


def lost_points_list(ctx: ReportContext) -> GT | Markdown:
    """For each indicator below its maximum, the dossiers that cost points: id, procedure, reason (capped)."""
    if ctx.is_empty:
        return nothing(empty_sentence(ctx))
    below = _below_maximum(ctx)
    if below.is_empty():
        return nothing("Không có hồ sơ nào làm mất điểm.")
    in_all = dict(reason_counts(ctx).select("indicator_id", "indicator_dossiers").unique().iter_rows())
    # short group labels: great_tables repeats the label in every cell's `headers` attribute
    labels = {i: f"Chỉ tiêu {i}: {count_text(in_all.get(i, 0))} hồ sơ" for i in below["indicator_id"]}
    capped = [f"chỉ tiêu {i} ({count_text(in_all[i])} hồ sơ)" for i in below["indicator_id"]
              if in_all.get(i, 0) > LISTED_PER_INDICATOR]
    listed = lost_dossiers(ctx).filter(pl.col("indicator_id").is_in(list(labels)))
    columns = ["dossier_id", *([] if ctx.unit else ["unit_name"]), "procedure_code", "procedure_name"]
    frame = listed.select(
        pl.col("indicator_id").replace_strict(labels, return_dtype=pl.String).alias("indicator"),
        *columns,
        pl.col("reason").replace_strict(INDEX766_REASON_LABELS_VI, default=pl.col("reason"), return_dtype=pl.String),
    )
    note = "Tên đầy đủ của từng chỉ tiêu: bảng số hồ sơ theo lý do ở trên."
    if capped:
        note = (f"Danh sách dài chỉ liệt kê {count_text(LISTED_PER_INDICATOR)} hồ sơ đầu tiên (theo mã thủ tục, mã hồ "
                f"sơ) của mỗi chỉ tiêu: {'; '.join(capped)}. " + note)
    return (
        GT(frame, groupname_col="indicator")
        .tab_header(title="Hồ sơ làm mất điểm", subtitle=f"{ctx.scope_label} — {ctx.period.label}")
        .cols_label(**{c: INDEX766_COLUMN_LABELS_VI.get(c) or COLUMN_LABELS_VI[c] for c in [*columns, "reason"]})
        .tab_source_note(note)
        .sub_missing(missing_text=tables.MISSING_TEXT)
        .tab_options(table_font_size="13px")
    )
