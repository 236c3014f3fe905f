"""Notebook 6, Chất lượng dữ liệu: the load log, rows set aside by reason, anomalies worth a look."""

from __future__ import annotations

import polars as pl
from great_tables import GT
from IPython.display import Markdown

from hoaan_analytics import analyses, tables
from hoaan_analytics.sections.context import ReportContext
from hoaan_analytics.sections.text import count_text, date_text, nothing


def summary(ctx: ReportContext) -> Markdown:
    """What is stored and loaded, in a few sentences."""
    stored = analyses.stored_summary(ctx.con)
    lines = [
        f"- Cơ sở dữ liệu có **{count_text(stored['stored_dossiers'])}** hồ sơ của "
        f"{count_text(stored['units'])} đơn vị, tiếp nhận từ ngày {date_text(stored['first_received_on'])}; "
        f"số liệu mới nhất ngày {date_text(stored['newest_event_on'])}.",
        f"- Đã nạp {count_text(stored['loaded_files'])} tệp; {count_text(stored['set_aside_rows'])} dòng bị loại ra "
        f"vì không dùng được (xem bảng dưới).",
        f"- {count_text(stored['never_received_dossiers'])} hồ sơ ở trạng thái \"Mới đăng ký\" hoặc \"Không được "
        f"tiếp nhận\": không tính vào chỉ tiêu nào.",
    ]
    if ctx.unit is not None:
        lines.append(f"- Nhật ký nạp và các dòng bị loại là của toàn bộ tệp (mọi đơn vị); các điểm bất thường "
                     f"bên dưới chỉ tính hồ sơ của {ctx.unit}.")
    return Markdown("\n".join(lines))


def load_log_table(ctx: ReportContext) -> GT | Markdown:
    """One row per file loaded: when, rows read, stored, set aside, or skipped as already loaded."""
    history = analyses.load_history(ctx.con)
    if history.is_empty():
        return nothing("Chưa nạp tệp nào.")
    frame = history.select(
        pl.col("load_id").cast(pl.Int64), "file_name", pl.col("file_format").str.to_uppercase(),
        pl.col("loaded_at").dt.strftime("%H:%M %d/%m/%Y").alias("loaded_text"),
        pl.col("rows_read").cast(pl.Int64), pl.col("loaded").cast(pl.Int64), pl.col("set_aside").cast(pl.Int64),
        pl.when(pl.col("skipped")).then(pl.lit("Bỏ qua (đã nạp trước đó)")).otherwise(pl.lit("Đã nạp"))
        .alias("state"),
    )
    return tables.frame_table(frame, title="Nhật ký nạp dữ liệu",
                              labels={"load_id": "Lần nạp", "file_name": "Tệp", "file_format": "Định dạng",
                                      "loaded_text": "Thời điểm nạp", "rows_read": "Số dòng đọc",
                                      "loaded": "Số dòng lưu", "set_aside": "Số dòng bị loại", "state": "Kết quả"})


def set_aside_table(ctx: ReportContext) -> GT | Markdown:
    """Rows set aside at loading, by file and reason, with a few row numbers to find them in the file."""
    rows = analyses.set_aside_by_reason(ctx.con)
    if rows.is_empty():
        return nothing("Không có dòng nào bị loại khi nạp dữ liệu.")
    frame = rows.select("file_name", "field_label", "reason_label", "rows_set_aside", "example_source_rows")
    return tables.frame_table(
        frame, title="Các dòng bị loại khi nạp dữ liệu, theo lý do",
        labels={"file_name": "Tệp", "field_label": "Trường", "reason_label": "Lý do",
                "rows_set_aside": "Số dòng", "example_source_rows": "Dòng trong tệp (ví dụ)"},
        source_note="Số dòng như khi mở tệp bằng Excel. Sửa ở hệ thống một cửa rồi xuất và nạp lại tệp.",
    )


def anomalies_table(ctx: ReportContext) -> GT | Markdown:
    """Anomalies among the dossiers handled in the period: kind, how many, a few dossier ids."""
    anomalies = analyses.quality_anomalies(ctx.con, ctx.period, unit=ctx.unit)
    if anomalies.is_empty():
        return nothing(f"Không thấy điểm bất thường nào trong các hồ sơ của kỳ ({ctx.period.label}).")
    frame = anomalies.select("anomaly_label", "dossiers", "example_dossier_ids")
    return tables.frame_table(
        frame, title="Các điểm bất thường cần xem lại", subtitle=f"{ctx.scope_label} — {ctx.period.label}",
        labels={"anomaly_label": "Điểm bất thường", "example_dossier_ids": "Mã hồ sơ (ví dụ)"},
        source_note="Các điểm này không làm thay đổi cách tính chỉ tiêu; nên kiểm tra lại trên hệ thống một cửa.",
    )
