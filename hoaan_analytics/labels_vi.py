"""Every Vietnamese word the reports, the Excel file and the CLI print, once.

Identifiers stay English (METRICS.md keys); what an official reads is here, so
that the same quantity has the same name on every page, in Biểu 06 and in
`hoaan kpis`. Period names ("Quý III năm 2026") are built by periods.py from
their parts; the SQL holds no Vietnamese label.
"""

from __future__ import annotations

# --- the KPIs of METRICS.md §6 -----------------------------------------------------------
KPI_LABELS_VI: dict[str, str] = {
    "received": "Số hồ sơ mới tiếp nhận",
    "received_online": "Tiếp nhận trực tuyến",
    "received_offline": "Tiếp nhận trực tiếp và qua bưu chính công ích",
    "carried_over": "Số kỳ trước chuyển qua",
    "handled": "Tổng số hồ sơ nhận giải quyết",
    "resolved": "Số hồ sơ đã giải quyết",
    "resolved_early": "Trả trước hạn",
    "resolved_on_time": "Trả đúng thời hạn",
    "resolved_late": "Trả quá hạn",
    "pending": "Số hồ sơ đang giải quyết",
    "pending_in_time": "Đang giải quyết trong hạn",
    "pending_overdue": "Đang giải quyết quá hạn",
    "on_time_rate": "Tỷ lệ hồ sơ giải quyết đúng hạn",
    "progress_rate": "Tỷ lệ tiến độ giải quyết",
    "online_share": "Tỷ lệ hồ sơ nộp trực tuyến",
    "fee_dossiers": "Số hồ sơ có phí, lệ phí",
    "cashless_share": "Tỷ lệ thanh toán không dùng tiền mặt",
    "online_payment_share": "Tỷ lệ thanh toán trực tuyến",
    "time_reduction": "Mức giảm thời gian giải quyết so với quy định",
    "within_70pct_share": "Tỷ lệ hồ sơ giải quyết trong 70% thời hạn",
    "satisfaction_rate": "Tỷ lệ hài lòng",
}

# Column headings of report tables other than the KPIs.
COLUMN_LABELS_VI: dict[str, str] = {
    "unit_name": "Đơn vị",
    "field_name": "Lĩnh vực",
    "procedure_code": "Mã thủ tục",
    "procedure_name": "Thủ tục",
    "statutory_days": "Thời hạn (ngày làm việc)",
    "mean_elapsed_working_days": "Thời gian giải quyết bình quân (ngày làm việc)",
    "dossiers": "Số hồ sơ",
    "target": "Mục tiêu",
    "value": "Kết quả",
    "period_label": "Kỳ",
    "kpi": "Chỉ tiêu",
    "status": "Đánh giá",
    "share": "Tỷ lệ",
    "dossier_id": "Mã hồ sơ",
    "received_text": "Ngày tiếp nhận",
    "due_text": "Ngày hẹn trả",
    "working_days_overdue": "Số ngày làm việc quá hạn",
    "mean_working_days_late": "Số ngày làm việc quá hạn bình quân",
    "over_limit_dossiers": "Quá thời hạn",
    "paused_dossiers": "Hồ sơ chờ bổ sung",
    "mean_supplement_pause_working_days": "Chờ bổ sung (ngày LV, bình quân)",
    "late_dossiers": "Hồ sơ quá hạn",
    "mean_working_days_to_return": "Từ kết thúc đến trả kết quả (ngày LV, bình quân)",
    # the glide path to the plan's goal years (overview)
    "by_year": "Năm đích",
    "current_share": "Kỳ này",
    "year_before_share": "Cùng kỳ năm trước",
    "pace_points": "Tốc độ (điểm %/năm)",
    "projected_share": "Dự báo năm đích",
    "needed_points": "Tốc độ cần (điểm %/năm)",
    # the load log, the rows set aside and the anomalies (data quality)
    "load_id": "Lần nạp",
    "file_name": "Tệp",
    "file_format": "Định dạng",
    "loaded_text": "Thời điểm nạp",
    "rows_read": "Số dòng đọc",
    "loaded": "Số dòng lưu",
    "set_aside": "Số dòng bị loại",
    "state": "Kết quả",
    "field_label": "Trường",
    "reason_label": "Lý do",
    "rows_set_aside": "Số dòng",
    "example_source_rows": "Dòng trong tệp (ví dụ)",
    "anomaly_label": "Điểm bất thường",
    "example_dossier_ids": "Mã hồ sơ (ví dụ)",
}
# Short headings of the KPIs in the breakdown tables (by field, procedure, month, unit), where the
# full names of KPI_LABELS_VI are too long for a column; one short heading per quantity.
TABLE_HEADINGS_VI: dict[str, str] = {
    "handled": "Phải giải quyết",
    "received": "Tiếp nhận mới",
    "received_online": "Trực tuyến",
    "online_share": "Tỷ lệ trực tuyến",
    "fee_dossiers": "Có phí, lệ phí",
    "cashless_share": "Không dùng tiền mặt",
    "online_payment_share": "Thanh toán trực tuyến",
    "resolved": "Đã giải quyết",
    "resolved_early": "Trước hạn",
    "resolved_on_time": "Đúng hạn",
    "resolved_late": "Quá hạn",
    "on_time_rate": "Tỷ lệ đúng hạn",
    "pending": "Đang giải quyết",
    "pending_overdue": "Đang quá hạn",
    "progress_rate": "Tỷ lệ tiến độ",
    "time_reduction": "Mức giảm",
    "within_70pct_share": "Trong 70% thời hạn",
}
# The default title of a table of KPIs against their targets (tables.kpi_table).
KPI_TABLE_TITLE = "Kết quả các chỉ tiêu"
# A KPI against its target (the "Đánh giá" column and the bars' colours).
TARGET_MET_LABEL = "Đạt"
TARGET_NOT_MET_LABEL = "Chưa đạt"
# The plan the targets come from (params/targets.yaml `plan:`), cited from its parts; each part
# is left out when the file does not give it, and NO_PLAN_LABEL stands for a file without a plan.
PLAN_LABEL = "Kế hoạch"
PLAN_NUMBER_PART = "số {number}"
PLAN_DATE_PART = "ngày {issued_on:%d/%m/%Y}"
PLAN_ISSUER_PART = "của {issuer}"
NO_PLAN_LABEL = "kế hoạch của đơn vị"
# The overview's note under its targets table: the plan, and the years the long-term goals are set for.
TARGETS_SOURCE_NOTE = ("Mục tiêu: {plan}; các mục tiêu đến năm {years} được so với kết quả hiện tại. "
                       "Cách tính: docs/kpis.md.")
TARGETS_SOURCE_NOTE_NO_GOAL_YEAR = "Mục tiêu: {plan}. Cách tính: docs/kpis.md."

# --- scopes, modes, sources ----------------------------------------------------------------
ALL_UNITS_LABEL = "Toàn bộ đơn vị"
# Every report's header lines, its sentence for a period without dossiers, and a ratio's target
# clause (sections/context.py: header, empty_sentence, target_phrase, points_text).
CONTEXT_TEXT_VI: dict[str, str] = {
    "unit": "**Đơn vị:** {scope}  ",
    "period": "**Kỳ báo cáo:** {period} ({dates}; {mode})  ",
    "demo": "**Nguồn số liệu:** {demo} (hồ sơ tự sinh để minh họa, không phải số liệu của đơn vị).  ",
    "data_date": "**Số liệu đến ngày:** {newest:%d/%m/%Y}. Hồ sơ đang giải quyết được đánh giá trong hạn hay quá "
                 "hạn tại ngày {reference:%d/%m/%Y}.",
    "empty": "{scope}: không có hồ sơ nào phải giải quyết trong kỳ báo cáo ({period}, {dates}), nên kỳ này không có "
             "số liệu để trình bày.",
    "points": "{points} điểm phần trăm",
    "target_year": " vào năm {year}",
    "target": "mục tiêu ≥ {value}{year}",
    "target_unknown": " ({goal})",
    "target_met": " ({goal}: đạt)",
    "target_not_met": " ({goal}: chưa đạt, còn thiếu {gap})",
}
ALL_FIELDS_LABEL = "Tất cả lĩnh vực"
NO_FIELD_LABEL = "Chưa xác định lĩnh vực"
MEDIAN_LABEL = "Trung vị các đơn vị"
DEMO_DATA_LABEL = "dữ liệu mẫu"
# A chart in a report page: its plain-text stand-in (no title: CHART_WORD) and what the page says
# when the chart cannot be drawn (CHART_FAILED, then the error or CHART_NO_VEGA).
CHART_WORD = "biểu đồ"
CHART_PLAIN_TEXT = "<Biểu đồ: {title}>"
CHART_FAILED = "Không vẽ được biểu đồ: "
CHART_NO_VEGA = "thiếu thư viện Vega."
# `hoaan report`'s progress bar (what it counts) and the word before a report that failed.
REPORTS_PROGRESS_LABEL = "Báo cáo"
REPORT_COUNT_UNIT = "báo cáo"
REPORT_FAILED_LABEL = "lỗi"
MODE_LABELS_VI: dict[str, str] = {
    "calendar": "kỳ theo lịch",
    "cutoff": "kỳ chốt số liệu theo Nghị định 09/2019/NĐ-CP",
}
# A period's name (periods.parse_period) by its kind; "range" also words a period's dates.
PERIOD_LABELS_VI: dict[str, str] = {
    "month": "Tháng {month} năm {year}",
    "quarter": "Quý {roman} năm {year}",
    "half_1": "6 tháng đầu năm {year}",
    "half_2": "6 tháng cuối năm {year}",
    "nine_months": "9 tháng năm {year}",
    "year": "Năm {year}",
    "range": "Từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}",
    "dates": "từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}",
}
# The same, short, for chart axes (analyses.short_label).
SHORT_PERIOD_LABELS_VI: dict[str, str] = {
    "month": "T{month}/{year}",
    "quarter": "Quý {roman}/{year}",
    "half_1": "6T đầu/{year}",
    "half_2": "6T cuối/{year}",
    "nine_months": "9T/{year}",
    "year": "{year}",
    "range": "{start:%d/%m/%Y}–{end:%d/%m/%Y}",
}
# A day params/calendar.csv makes a day off without naming it.
CALENDAR_DAY_OFF_LABEL = "Ngày nghỉ (params/calendar.csv)"

# --- splits shown as chart categories ------------------------------------------------------
RESOLUTION_LABELS_VI: dict[str, str] = {
    "resolved_early": "Trước hạn", "resolved_on_time": "Đúng hạn", "resolved_late": "Quá hạn",
}
CHANNEL_LABELS_VI: dict[str, str] = {
    "received_online": "Trực tuyến", "received_offline": "Trực tiếp, bưu chính công ích",
}
LATE_REASON_LABELS_VI: dict[str, str] = {
    "after_due": "Trả kết quả sau ngày hẹn trả",
    "repeated_supplement": "Yêu cầu bổ sung hồ sơ quá một lần",
    "both": "Sau ngày hẹn trả và bổ sung quá một lần",
}
PAYMENT_CLASS_LABELS_VI: dict[str, str] = {
    "cash": "Tiền mặt",
    "cashless": "Không dùng tiền mặt (chưa trực tuyến)",
    "online": "Thanh toán trực tuyến",
}

# --- data quality (METRICS.md §8) ----------------------------------------------------------
ANOMALY_LABELS_VI: dict[str, str] = {
    "finished_after_due_not_late": "Kết thúc xử lý sau ngày hẹn trả nhưng không tính là quá hạn "
                                   "(do trừ thời gian chờ bổ sung)",
    "due_before_received": "Ngày hẹn trả trước ngày tiếp nhận",
    "due_from_catalogue": "Thiếu ngày hẹn trả: lấy theo thời hạn trong danh mục thủ tục",
    "returned_before_finished": "Ngày trả kết quả trước ngày kết thúc xử lý",
    "supplement_completed_without_request": "Có ngày công dân bổ sung nhưng không có ngày yêu cầu bổ sung",
    "supplement_completed_before_request": "Ngày công dân bổ sung trước ngày yêu cầu bổ sung",
    "supplement_without_count": "Có ngày yêu cầu bổ sung nhưng số lần bổ sung bằng 0 hoặc trống",
    "open_with_finished_date": "Chưa ở trạng thái kết thúc nhưng đã có ngày kết thúc xử lý",
    "paid_online_in_cash": "Ghi thanh toán trực tuyến nhưng hình thức thanh toán là tiền mặt hoặc trống",
    "not_in_catalogue": "Thủ tục chưa có trong danh mục (không tính được mức giảm thời gian)",
}
SET_ASIDE_REASON_LABELS_VI: dict[str, str] = {
    "no dossier id": "Không có mã hồ sơ",
    "cannot be read as a date": "Ngày tháng không đọc được",
    "cannot be read as a date (year outside 2000–2100)": "Ngày tháng ngoài khoảng năm 2000–2100",
    "no status": "Không có trạng thái",
    "status is neither a code 1-10 nor a status name": "Trạng thái không hợp lệ",
    "channel is neither a code 1-3 nor a channel name": "Hình thức nộp không hợp lệ",
    "no received date": "Không có ngày tiếp nhận",
    "finished before it was received": "Ngày kết thúc xử lý trước ngày tiếp nhận",
    "closing status without a finished date": "Đã kết thúc nhưng không có ngày kết thúc xử lý",
    "no due date and the procedure is not in the catalogue": "Không có ngày hẹn trả và thủ tục không có trong danh mục",
}
# The canonical fields a set-aside row names.
FIELD_LABELS_VI: dict[str, str] = {
    "dossier_id": "Mã hồ sơ",
    "procedure_code": "Mã thủ tục",
    "status": "Trạng thái",
    "channel": "Hình thức nộp",
    "received_at": "Ngày tiếp nhận",
    "due_at": "Ngày hẹn trả",
    "finished_at": "Ngày kết thúc xử lý",
    "returned_at": "Ngày trả kết quả",
    "supplement_requested_at": "Ngày yêu cầu bổ sung",
    "supplement_completed_at": "Ngày công dân bổ sung",
}

# --- Biểu số 06/VPCP/KSTT (Thông tư 01/2020/TT-VPCP), the Excel file and the report table --
FORM06_CODE = "Biểu số 06/VPCP/KSTT"
FORM06_TITLE = "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"
FORM06_LEGAL_BASIS = "Ban hành kèm theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020"
# The form's own words (Thông tư 01/2020/TT-VPCP), kept as printed there, not the reports' wording.
FORM06_COUNT_UNIT = "Đơn vị tính: Số hồ sơ TTHC"
FORM06_ALL_UNITS_LABEL = "Tổng hợp các đơn vị"
FORM06_TOTAL_LABEL = "Tổng cộng"
FORM06_STT_HEADING = "STT"
FORM06_FIELD_HEADING = "Lĩnh vực giải quyết"
# The three groups of columns (3)-(6), (7)-(10), (11)-(13) and their "of which" line.
FORM06_GROUP_HEADINGS: tuple[str, str, str] = (
    "Số hồ sơ nhận giải quyết", "Số hồ sơ đã giải quyết", "Số hồ sơ đang giải quyết",
)
FORM06_OF_WHICH = "Trong đó"
# Columns (3)-(13), keyed by the §6 count each shows, in the form's wording.
FORM06_HEADINGS: dict[str, str] = {
    "handled": "Tổng số",
    "received_online": "Số mới tiếp nhận trực tuyến",
    "received_offline": "Số mới tiếp nhận trực tiếp và qua dịch vụ bưu chính công ích",
    "carried_over": "Số kỳ trước chuyển qua",
    "resolved": "Tổng số",
    "resolved_early": "Trả trước hạn",
    "resolved_on_time": "Trả đúng thời hạn",
    "resolved_late": "Trả quá hạn",
    "pending": "Tổng số",
    "pending_in_time": "Trong hạn",
    "pending_overdue": "Quá hạn",
}
# The sheet's name, the heading lines around the table and the signature block under it.
FORM06_SHEET_NAME = "Biểu 06"
FORM06_REPORTING_UNIT = "Đơn vị báo cáo: "
FORM06_RECEIVING_UNIT = "Đơn vị nhận báo cáo: "
FORM06_PERIOD = "Kỳ báo cáo: {period} ({dates})"
FORM06_PLACE_AND_DATE = "…, ngày {day:%d} tháng {day:%m} năm {day:%Y}"
FORM06_SIGNERS: tuple[tuple[str, str], tuple[str, str]] = (
    ("NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)"),
    ("THỦ TRƯỞNG ĐƠN VỊ", "(Ký tên, đóng dấu)"),
)

# --- short names of ratios, for chart legends where the full KPI name is too long -------------
SHORT_KPI_LABELS_VI: dict[str, str] = {
    "on_time_rate": "Đúng hạn",
    "online_share": "Nộp trực tuyến",
    "cashless_share": "Không dùng tiền mặt",
    "online_payment_share": "Thanh toán trực tuyến",
    "time_reduction": "Giảm thời gian",
}
# The words of the chart functions (charts.py) themselves: default titles, axis titles, legends
# of the reference lines, tooltip headings. The sections give most titles; these are the fallbacks.
CHART_TEXT_VI: dict[str, str] = {
    "kpi_bars_title": "Kết quả so với mục tiêu",
    "kpi_bars_subtitle": "Vạch đỏ: mục tiêu của Kế hoạch",
    "trend_title": "{label} theo kỳ",
    "series": "Nhóm",
    "group": "Nhóm",
    "category": "Phân loại",
    "elapsed_title": "Thời gian giải quyết so với thời hạn",
    "elapsed_subtitle": "Vạch đỏ: thời hạn theo quy định; vạch xanh lá: mục tiêu",
    "elapsed_subtitle_no_target": "Vạch đỏ: thời hạn theo quy định",
    "elapsed_target": "Mục tiêu (giảm {reduction})",
    "working_days": "Ngày làm việc",
    "ranking_title": "Xếp hạng đơn vị: {label}",
    "ranking_subtitle": "Vạch xám: trung vị các đơn vị; vạch đỏ đứt: mục tiêu",
    "median": "Trung vị",
    "points": "Điểm",
    "points_of_maximum": "{points_title} / tối đa tính được",
    "group_weight": "Tối đa của nhóm (cả phần không tính được)",
    "points_subtitle": "Cột xanh: điểm ước tính; vạch đỏ: tối đa tính được",
}
# How the glide path is estimated (analyses.GlidePathMethod), said under it in the overview.
GLIDE_METHOD_VI = (
    "Tốc độ hiện tại = kết quả kỳ này trừ kết quả cùng kỳ năm trước (điểm phần trăm mỗi năm). "
    "Dự báo năm đích = kết quả kỳ này + tốc độ × số năm còn lại đến hết năm đích (tối đa 100%). "
    "Tốc độ cần thiết = (mục tiêu − kết quả kỳ này) ÷ số năm còn lại."
)
# Where a KPI stands on its glide path to the 2030 target (analyses.glide_path's status).
GLIDE_STATUS_VI: dict[str, str] = {
    "met": "Đã đạt",
    "on_track": "Đúng lộ trình",
    "off_track": "Chậm so với lộ trình",
    "unknown": "Chưa đủ số liệu",
}

# --- the reports' sentences, titles and notes (sections/), one dict per report ---------------
# Placeholders in braces are filled by the section with numbers already formatted the
# Vietnamese way (count_text, percent_text); "{target}" is context.target_phrase's clause.
OVERVIEW_TEXT_VI: dict[str, str] = {
    "handled": "- Tổng số hồ sơ phải giải quyết: **{handled}** (mới tiếp nhận {received}, kỳ trước chuyển qua "
               "{carried_over}).",
    "resolved": "- Đã giải quyết **{resolved}** hồ sơ, trong đó trước hạn {resolved_early}, đúng hạn "
                "{resolved_on_time}, quá hạn {resolved_late}. Tỷ lệ giải quyết đúng hạn **{on_time_rate}**{target}.",
    "pending": "- Đang giải quyết {pending} hồ sơ, trong đó quá hạn {pending_overdue}. Tỷ lệ tiến độ giải quyết "
               "{progress_rate}.",
    "online": "- Tỷ lệ hồ sơ nộp trực tuyến **{online_share}**{target}.",
    "payment": "- Tỷ lệ thanh toán trực tuyến **{online_payment_share}**{target}; thanh toán không dùng tiền mặt "
               "{cashless_share} của {fee_dossiers} hồ sơ có phí, lệ phí.",
    "time_reduction": "- Mức giảm thời gian giải quyết so với quy định **{time_reduction}**{target}.",
    "satisfaction": "- Tỷ lệ hài lòng {satisfaction_rate}{target}.",
    "index766": "- {index766} (ước tính theo công thức của Cổng Dịch vụ công quốc gia): **{points}**; {missing} "
                "điểm còn lại không tính được từ dữ liệu hồ sơ. Chi tiết và các hồ sơ làm mất điểm: "
                "[báo cáo {index766}]({link}).",
    "no_field": "Không có hồ sơ theo lĩnh vực trong kỳ.",
    "field_title": "Mức độ hài lòng theo lĩnh vực",
    "field_years_range": "năm {from_year}–{to_year}",
    "field_years_from": "từ năm {from_year}",
    "field_years_by": "đến năm {by_year}",
    "field_years_all": "mọi năm",
    "field_in_force": "áp dụng cho kỳ này",
    "field_not_in_force": "chưa áp dụng cho năm {year}",
    "field_target_note": "Kế hoạch ({section}) đặt mục tiêu hài lòng ≥ {value} riêng cho lĩnh vực {fields}, "
                         "{years} ({in_force}; in đậm khi áp dụng).",
    "other_fields_note": "Các lĩnh vực khác so với mục tiêu chung của Kế hoạch.",
    "targets_title": "Kết quả thực hiện các chỉ tiêu của Kế hoạch",
    "targets_chart_title": "Kết quả so với mục tiêu",
    "targets_chart_subtitle": "{scope} — {period}. Vạch đỏ: mục tiêu của Kế hoạch",
    "no_trend": "Không có hồ sơ trong các kỳ gần đây để vẽ xu hướng.",
    "trend_title": "Xu hướng các chỉ tiêu chính",
    "trend_subtitle": "{scope}: {periods} kỳ gần nhất đến {period}",
    "no_recent": "Không có hồ sơ trong các kỳ gần đây.",
    "trend_table_title": "Các chỉ tiêu qua các kỳ",
    "no_goal_year": "Kế hoạch không có mục tiêu nào đặt cho một năm đích.",
    "glide_goal": "mục tiêu {target} vào năm {by_year}",
    "glide_met": "hiện đạt {value}, đã đạt {goal}.",
    "glide_unknown": "hiện {value}; chưa có số liệu cùng kỳ năm trước để ước tính tốc độ ({goal}).",
    "glide_up": "tăng",
    "glide_down": "giảm",
    "glide_on_track": "với tốc độ này sẽ đạt mục tiêu",
    "glide_off_track": "với tốc độ này sẽ **chưa đạt** mục tiêu",
    "glide_pace": "hiện {value}, {direction} {pace} so với cùng kỳ năm trước; {verdict} ({goal}; dự báo "
                  "{projected}). Tốc độ cần thiết: tăng {needed} mỗi năm.",
    "glide_line": "- **{label}**: {text}",
    "glide_method": "*Cách ước tính: so sánh {period} với {year_before}. {method}*",
    "glide_title": "Lộ trình đến mục tiêu năm {years}",
    "glide_note": "Tốc độ = kỳ này − cùng kỳ năm trước; dự báo = kỳ này + tốc độ × số năm còn lại (tối đa 100%).",
    "no_form06": "Không lập Biểu 06 cho kỳ không có hồ sơ.",
    "form06_link": "Tải Biểu 06 (tệp Excel {name})",
    "form06_offline": " — tệp đi kèm ngay trong báo cáo này, mở được khi không có mạng.",
}
ONTIME_TEXT_VI: dict[str, str] = {
    "resolved": "- Đã giải quyết **{resolved}** hồ sơ: trước hạn {resolved_early}, đúng hạn {resolved_on_time}, "
                "quá hạn **{resolved_late}**.",
    "on_time": "- Tỷ lệ giải quyết đúng hạn **{on_time_rate}**{target}.",
    "pending": "- Cuối kỳ còn {pending} hồ sơ đang giải quyết: trong hạn {pending_in_time}, quá hạn "
               "**{pending_overdue}** (đánh giá tại ngày {reference_on}).",
    "progress": "- Tỷ lệ tiến độ giải quyết (trước hạn, đúng hạn và đang trong hạn trên tổng số phải giải quyết) "
                "**{progress_rate}**.",
    "nothing_resolved": "Trong kỳ chưa có hồ sơ nào được giải quyết.",
    "by_field_title": "Kết quả giải quyết theo lĩnh vực",
    "by_procedure_title": "Kết quả giải quyết theo thủ tục",
    "field": "Lĩnh vực",
    "result": "Kết quả",
    "no_late": "Trong kỳ không có hồ sơ nào giải quyết quá hạn.",
    "late_chart_title": "Hồ sơ quá hạn theo nguyên nhân",
    "reason": "Nguyên nhân",
    "late_table_title": "Hồ sơ giải quyết quá hạn theo nguyên nhân",
    "late_note": "Quá hạn: ngày kết thúc (trừ thời gian chờ bổ sung) sau ngày hẹn trả, hoặc yêu cầu bổ sung hồ sơ "
                 "quá một lần.",
    "no_overdue": "Không có hồ sơ nào đang giải quyết quá hạn tại ngày {reference_on}.",
    "overdue_title": "Danh sách hồ sơ đang giải quyết quá hạn",
    "overdue_subtitle": "{scope} — tại ngày {reference_on}",
}
ONLINE_TEXT_VI: dict[str, str] = {
    "nothing_received_in": "{scope}: không có hồ sơ mới tiếp nhận trong kỳ ({period}).",
    "received": "- Tiếp nhận mới **{received}** hồ sơ, trong đó trực tuyến {received_online}: tỷ lệ nộp trực "
                "tuyến **{online_share}**{target}.",
    "no_fee": "- Không có hồ sơ nào có phí, lệ phí trong kỳ.",
    "fee": "- {fee_dossiers} hồ sơ có phí, lệ phí: thanh toán không dùng tiền mặt **{cashless_share}**, thanh "
           "toán trực tuyến **{online_payment_share}**{target}.",
    "nothing_received": "Không có hồ sơ mới tiếp nhận trong kỳ.",
    "channel_title": "Hồ sơ tiếp nhận theo lĩnh vực và hình thức nộp",
    "field": "Lĩnh vực",
    "channel": "Hình thức nộp",
    "by_field_title": "Nộp hồ sơ và thanh toán trực tuyến theo lĩnh vực",
    "by_procedure_title": "Nộp hồ sơ và thanh toán trực tuyến theo thủ tục",
    "share": "Tỷ lệ",
    "by_month_title": "Nộp trực tuyến và thanh toán theo tháng",
    "month_axis": "T{month}/{year}",
    "month": "Tháng",
    "by_month_table_title": "Theo tháng",
    "no_fee_dossier": "Không có hồ sơ có phí, lệ phí trong kỳ.",
    "mix_title": "Hình thức thanh toán phí, lệ phí",
    "mix_category": "Hình thức",
    "mix_table_title": "Số hồ sơ có phí, lệ phí theo hình thức thanh toán",
    "mix_total": "Tổng số",
    "mix_note": "Mỗi hồ sơ tính một lần: thanh toán trực tuyến trước, rồi không dùng tiền mặt, còn lại là tiền mặt "
                "(kể cả không ghi hình thức).",
}
PROCESSING_TIME_TEXT_VI: dict[str, str] = {
    "no_time": "Trong kỳ không có hồ sơ đã giải quyết xong thuộc thủ tục có thời hạn từ 1 ngày làm việc trở lên "
               "trong danh mục, nên chưa tính được mức giảm thời gian.",
    "counted": "- Tính trên **{dossiers}** hồ sơ đã giải quyết xong của {procedures} thủ tục có thời hạn: tổng "
               "thời gian giải quyết {elapsed} ngày làm việc so với tổng thời hạn {statutory} ngày làm việc.",
    "reduction": "- Mức giảm thời gian giải quyết so với quy định **{time_reduction}**{target}.",
    "within_70pct": "- Tỷ lệ hồ sơ giải quyết trong 70% thời hạn (tức đã giảm ít nhất 30%) "
                    "**{within_70pct_share}**; {over_limit} hồ sơ dùng quá thời hạn quy định.",
    "no_comparison": "Không có hồ sơ để so sánh thời gian giải quyết với thời hạn.",
    "elapsed_title": "Thời gian giải quyết bình quân so với thời hạn",
    "most_frequent": " ({procedures} thủ tục nhiều hồ sơ nhất)",
    "elapsed_table_title": "Thời gian giải quyết theo thủ tục",
    "elapsed_note": "Ngày LV: ngày làm việc. Thời gian giải quyết = từ ngày tiếp nhận đến ngày kết thúc xử lý, "
                    "trừ thời gian chờ công dân bổ sung hồ sơ.",
    "no_analysis": "Không có hồ sơ để phân tích thời gian.",
    "paused": "- Chờ công dân bổ sung hồ sơ: {paused} hồ sơ, tổng cộng {pause_days} ngày làm việc (không tính vào "
              "thời gian giải quyết).",
    "late": "- Trả quá hạn: {late} hồ sơ, tổng cộng {late_days} ngày làm việc sau ngày hẹn trả.",
    "over_limit": "- Thủ tục dùng nhiều thời gian hơn thời hạn quy định (bình quân): {names}.",
    "nothing_lost": "Không có hồ sơ chờ bổ sung, trả quá hạn hay chờ trả kết quả.",
    "lost_title": "Thời gian mất ở đâu",
    "all_in_catalogue": "Mọi hồ sơ đã giải quyết trong kỳ đều thuộc thủ tục có trong danh mục thời hạn.",
    "no_name": "không có tên",
    "left_out_item": "{code} ({name}): {dossiers} hồ sơ",
    "left_out": "*Không tính vào mức giảm thời gian vì thủ tục chưa có trong danh mục thời hạn "
                "(params/procedures.csv): {items}.*",
}
UNITS_TEXT_VI: dict[str, str] = {
    "no_unit": "Cơ sở dữ liệu chưa có hồ sơ của đơn vị nào, nên chưa có gì để so sánh.",
    "one_unit": "Dữ liệu chỉ có một đơn vị ({unit}), nên không có so sánh giữa các đơn vị. Khi nạp thêm dữ liệu "
                "của các xã khác, phần này sẽ xếp hạng từng chỉ tiêu.",
    "nothing_resolved": "Không đơn vị nào có hồ sơ giải quyết trong kỳ ({period}).",
    "compared": "So sánh {units} đơn vị trong {period}. Trung vị tỷ lệ giải quyết đúng hạn của các đơn vị: "
                "**{median}**; cao nhất {best} ({best_value}), thấp nhất {worst} ({worst_value}).",
    "rank": "\n{unit} xếp thứ **{rank}/{units}** về tỷ lệ giải quyết đúng hạn ({value}).",
    "nothing_handled": "Không đơn vị nào có hồ sơ trong kỳ ({period}).",
    "table_title": "Các chỉ tiêu theo đơn vị",
    "median_note": "Hàng cuối: trung vị của các đơn vị (không phải tỷ lệ chung của toàn bộ).",
    "no_value": "Không đơn vị nào có số liệu về {kpi} trong kỳ.",
    "ranking_title": "Xếp hạng đơn vị: {kpi}",
    "ranking_subtitle": "{period}. Vạch xám: trung vị các đơn vị; vạch đỏ đứt: mục tiêu",
}
QUALITY_TEXT_VI: dict[str, str] = {
    "stored": "- Cơ sở dữ liệu có **{dossiers}** hồ sơ của {units} đơn vị, tiếp nhận từ ngày {first}; số liệu mới "
              "nhất ngày {newest}.",
    "loaded": "- Đã nạp {files} tệp; {set_aside} dòng bị loại ra vì không dùng được (xem bảng dưới).",
    "never_received": "- {dossiers} hồ sơ ở trạng thái \"Mới đăng ký\" hoặc \"Không được tiếp nhận\": không tính "
                      "vào chỉ tiêu nào.",
    "one_unit": "- Nhật ký nạp và các dòng bị loại là của toàn bộ tệp (mọi đơn vị); các điểm bất thường bên dưới "
                "chỉ tính hồ sơ của {unit}.",
    "no_file": "Chưa nạp tệp nào.",
    "skipped": "Bỏ qua (đã nạp trước đó)",
    "loaded_state": "Đã nạp",
    "log_title": "Nhật ký nạp dữ liệu",
    "no_set_aside": "Không có dòng nào bị loại khi nạp dữ liệu.",
    "set_aside_title": "Các dòng bị loại khi nạp dữ liệu, theo lý do",
    "set_aside_note": "Số dòng như khi mở tệp bằng Excel. Sửa ở hệ thống một cửa rồi xuất và nạp lại tệp.",
    "no_anomaly": "Không thấy điểm bất thường nào trong các hồ sơ của kỳ ({period}).",
    "anomalies_title": "Các điểm bất thường cần xem lại",
    "anomalies_note": "Các điểm này không làm thay đổi cách tính chỉ tiêu; nên kiểm tra lại trên hệ thống một cửa.",
}

# --- the 766 scorecard (METRICS.md §9, report 07) ------------------------------------------
INDEX766_LABEL = "Chỉ số 766"
# What an indicator's "met / counted" counts (index766_list_indicators.counted_unit); nothing is
# written after a count of dossiers, the unit every other number of the table has.
INDEX766_COUNTED_UNIT_LABELS_VI: dict[str, str] = {"procedures": "thủ tục", "dossiers": ""}
# `hoaan index766`'s text tables (index766._text_tables), aligned in columns.
INDEX766_CLI_TEXT_VI: dict[str, str] = {
    "title": "Chỉ số 766 — ước tính theo công thức của Cổng Dịch vụ công quốc gia",
    "unit": "Đơn vị: {unit}",
    "heading": f"  {'Chỉ tiêu':<8} {'Tỷ lệ':>8} {'Điểm':>7} {'Tối đa':>7}  Tên",
    "unknown": " ({unknown} hồ sơ thiếu dữ liệu)",
    "total": "  Tổng: {points:.2f} / {max_points:.0f} điểm tính được",
    "not_computable": "Không tính được từ dữ liệu hồ sơ ({points:.0f} điểm):",
    "not_computable_item": "  {number:<9} {points:>5.0f} điểm  {name}: {why}",
}
# `hoaan index766 --whole`: the whole score before the portal publishes (METRICS.md §10).
INDEX766_WHOLE_TEXT_VI: dict[str, str] = {
    "title": "Điểm toàn phần (ước tính trước khi Cổng công bố): dữ liệu xuất nếu tính được, còn lại điểm Cổng "
             "đã công bố",
    "heading": f"  {'Chỉ tiêu':<32} {'Điểm':>7}  Nguồn",
    "ours": "ước tính từ dữ liệu xuất",
    "published": "Cổng công bố",
    "missing": "chưa có số liệu của Cổng",
    "from_period": " (kỳ {period})",
    "total": "  Tổng (ước tính): {points:.2f} / {max_points:.0f} điểm",
    "no_total": "  Chưa có tổng: thiếu trang của Cổng {pages}",
    "carried": "  Có chỉ tiêu lấy từ kỳ trước, sớm nhất: {period}",
    "rank": "  Thứ hạng tạm tính: {rank}/{of} đơn vị cùng cấp của tỉnh",
    "no_rank": "  Chưa xếp hạng tạm tính được (chưa có kỳ nào đủ sáu trang của Cổng)",
}
# Report 07's section on the whole score of 100 (the portal's pages, METRICS.md §10; sections/index766.py).
INDEX766_WHOLE_REPORT_VI: dict[str, str] = {
    "for_one_unit": "Điểm toàn phần (100 điểm) chỉ có trong báo cáo của một đơn vị: chọn đơn vị (unit) để xem.",
    "not_calendar": "Điểm toàn phần chỉ có cho một tháng, quý hoặc năm dương lịch, như Cổng chấm điểm.",
    "published": "**Điểm Cổng công bố** kỳ {period}: **{points} / {max_points} điểm**, hạng {rank}.",
    "estimated": "**Điểm ước tính trước khi Cổng công bố** kỳ {period}: **{points} / {max_points} điểm**, hạng tạm "
                 "tính {rank}. Các chỉ tiêu tính được lấy từ dữ liệu xuất; các chỉ tiêu còn lại lấy điểm Cổng đã "
                 "công bố{carried}.",
    "carried": ", có chỉ tiêu lấy từ kỳ trước (sớm nhất {period})",
    "no_total": "Chưa ước tính được tổng điểm kỳ {period}: chưa có số liệu Cổng cho trang {pages}. Tải trang Chỉ "
                "số 766 của Cổng bằng `hoaan portal766` (params/README.md).",
    "rank": "{rank}/{of} đơn vị cùng cấp của tỉnh",
    "no_rank": "chưa xếp được",
    "pages_title": "Điểm theo trang của Cổng so với tối đa",
    "pages_subtitle_published": "{unit}, {period}: điểm Cổng công bố",
    "pages_subtitle_estimated": "{unit}, {period}: ước tính trước khi Cổng công bố",
    "page_heading": "Trang",
    "months_title": "Điểm Cổng công bố từng tháng năm {year}",
    "months_subtitle": "{unit}: tổng 100 điểm; trong ngoặc là thứ hạng",
    "month": "T{month} ({rank})",
    "no_month": "Chưa tải được tháng nào của năm {year} từ Cổng cho đơn vị này.",
}
# Report 07's sentences, titles and notes (sections/index766.py).
INDEX766_TEXT_VI: dict[str, str] = {
    "source_note": "Ước tính theo công thức của Cổng Dịch vụ công quốc gia (Quyết định 766/QĐ-TTg; Mô tả công "
                   "thức tính chỉ số 766) từ hồ sơ của đơn vị; cách tính: docs/index766.md.",
    "estimate_warning": "**Đây là điểm ước tính, không phải điểm chính thức.** Điểm được tính theo các công thức "
                        "Cổng Dịch vụ công quốc gia đã công bố (Quyết định 766/QĐ-TTg; Mô tả công thức tính chỉ "
                        "số 766), từ chính hồ sơ của đơn vị trong cơ sở dữ liệu này. Cổng chấm điểm trên bản dữ "
                        "liệu được đồng bộ về Cổng: hồ sơ chưa đồng bộ, hoặc đồng bộ với thông tin khác, sẽ làm "
                        "điểm chính thức khác điểm ước tính.",
    "not_computable_intro": "Trong {index_points} điểm của Chỉ số 766, **{missing_points} điểm không tính được** "
                            "từ dữ liệu hồ sơ xuất ra; báo cáo không đoán các điểm này:",
    "not_computable_item": "- **{name}** ({number}{points} điểm): {why}.",
    "summary": "Điểm ước tính {period} của {scope}: **{points}** (tối đa {computable_max} điểm khi mọi chỉ tiêu "
               "tính được đều có dữ liệu).",
    "summary_unknown": "\nChưa tính được điểm của {count} chỉ tiêu vì tệp xuất thiếu thông tin của một số hồ sơ: "
                       "{ids} (xem mục 5).",
    "summary_rank": "\n{unit} xếp thứ **{rank}/{units}** trong các đơn vị có hồ sơ theo điểm ước tính.",
    "groups_title": "Điểm ước tính theo nhóm chỉ tiêu",
    "groups_chart_subtitle": "{scope} — {period}: {points}. Nền xám: điểm tối đa của nhóm; vạch đỏ: tối đa tính được",
    "total_row": "Tổng",
    "groups_note": "Tổng: {points}. Tối đa tính được: tổng điểm tối đa của các chỉ tiêu có điểm. ",
    "indicators_title": "Các chỉ tiêu thành phần tính được",
    "no_points_for_communes": "không tính điểm cho cấp xã",
    "indicators_note": "Tỷ lệ để trống khi không có hồ sơ để tính, hoặc khi tệp xuất thiếu thông tin của ít nhất "
                       "một hồ sơ (cột Thiếu dữ liệu): khi đó chỉ tiêu không có điểm và không tính vào tối đa. ",
    "no_month": "Chưa có tháng nào của năm {year} có hồ sơ để ước tính điểm.",
    "month": "T{month}",
    "months_title": "Điểm ước tính từng tháng năm {year}",
    "months_subtitle": "{scope}: mỗi tháng tính như một kỳ riêng. Vạch đỏ: tối đa tính được của tháng",
    "month_heading": "Tháng",
    "ranking_for_one_unit": "Báo cáo này dành cho {unit}; bảng xếp hạng các đơn vị có trong báo cáo của {all_units}.",
    "one_unit_only": "Dữ liệu chỉ có một đơn vị, nên không có xếp hạng giữa các đơn vị.",
    "no_unit_in_period": "Không đơn vị nào có hồ sơ trong kỳ ({period}).",
    "units_title": "Xếp hạng đơn vị theo điểm ước tính",
    "units_chart_subtitle": "{period}. Vạch đỏ: tối đa tính được của đơn vị (khác nhau khi tệp xuất của một đơn vị "
                            "thiếu thông tin)",
    "units_note": "Cùng điểm thì cùng hạng. ",
    "nothing_lost": "Không chỉ tiêu tính được nào bị mất điểm trong kỳ.",
    "lost_intro": "{count} chỉ tiêu chưa đạt điểm tối đa; dưới đây là số hồ sơ làm mất điểm theo từng lý do, rồi "
                  "danh sách hồ sơ (theo mã hồ sơ và thủ tục, không có thông tin cá nhân).",
    "lost_unknown": "- {indicator}: chưa tính được điểm vì {unknown} trong {denominator} hồ sơ thiếu thông tin "
                    "trong tệp xuất (tệp không có cột tương ứng, hoặc cột để trống).",
    "no_dossier_lost": "Không có hồ sơ nào làm mất điểm.",
    "by_reason_title": "Số hồ sơ làm mất điểm theo lý do",
    "list_group": "Chỉ tiêu {indicator}: {dossiers} hồ sơ",
    "list_capped_item": "chỉ tiêu {indicator} ({dossiers} hồ sơ)",
    "list_note": "Tên đầy đủ của từng chỉ tiêu: bảng số hồ sơ theo lý do ở trên.",
    "list_capped": "Danh sách dài chỉ liệt kê {listed} hồ sơ đầu tiên (theo mã thủ tục, mã hồ sơ) của mỗi chỉ "
                   "tiêu: {capped}. ",
    "list_title": "Hồ sơ làm mất điểm",
}
# Why a dossier cost an indicator its point (index766_list_dossiers.reason).
INDEX766_REASON_LABELS_VI: dict[str, str] = {
    "resolved_late": "Trả kết quả quá hạn",
    "repeated_supplement": "Yêu cầu bổ sung hồ sơ quá một lần",
    "waiting_after_due": "Chờ người nộp bổ sung, yêu cầu đưa ra sau ngày hẹn trả",
    "pending_overdue": "Đang giải quyết quá hạn",
    "not_online": "Không nộp trực tuyến",
    "no_result_file": "Không có kết quả điện tử",
    "not_paid_online": "Không thanh toán trực tuyến",
    "not_digitised": "Chưa số hóa thành phần hồ sơ",
    "no_reused_data": "Không tái sử dụng dữ liệu đã số hóa",
    "not_from_citizen_store": "Không liên kết kho dữ liệu của người nộp",
    "not_vneid_verified": "Không khai thác dữ liệu dân cư (VNeID)",
    "complaint": "Có phản ánh, kiến nghị",
    "disliked": "Người nộp đánh giá không hài lòng",
    "unknown_flag": "Tệp xuất thiếu thông tin để đánh giá",
}
# Column headings of the scorecard's tables.
INDEX766_COLUMN_LABELS_VI: dict[str, str] = {
    "indicator_id": "Mã",
    "indicator_name": "Chỉ tiêu thành phần",
    "group_name": "Nhóm chỉ tiêu",
    "counted": "Đạt / tổng số",
    "unknown": "Thiếu dữ liệu",
    "rate": "Tỷ lệ",
    "points": "Điểm ước tính",
    "max_points": "Tối đa tính được",
    "group_max_points": "Tối đa của nhóm",
    "points_text": "Điểm / tối đa",
    "scope_rank": "Hạng",
    "reason": "Lý do mất điểm",
    "dossier_id": "Mã hồ sơ",
    "why_not_computable": "Vì sao không tính được",
}
INDEX766_POINTS_UNIT = "điểm tính được"


# Work list (report 08)
# Why a dossier is on the work list (worklist.reason): the scorecard's reasons in their words, and the list's own.
WORKLIST_REASON_LABELS_VI: dict[str, str] = {
    **INDEX766_REASON_LABELS_VI,
    "waiting_for_applicant": "Đang chờ người nộp bổ sung (yêu cầu đưa ra trước ngày hẹn trả)",
    "past_due_in_time": "Đã qua ngày hẹn trả nhưng chưa tính là quá hạn",
    "due_within": "Đến hạn trong {within} ngày làm việc tới",
    "due_this_month": "Đến hạn trong tháng",
    "not_rated": "Người nộp chưa đánh giá",
}
# A 766 point of a dossier closed in the month: already lost, or can still be won before the portal scores the month.
WORKLIST_KIND_LABELS_VI: dict[str, str] = {
    "lost": "Đã mất",
    "can_win": "Còn gỡ được",
}
# The plan's satisfaction KPI, listed beside the 766 indicators for a closed dossier with no rating.
WORKLIST_INDICATOR_LABELS_VI: dict[str, str] = {
    "satisfaction": "Hài lòng (kế hoạch)",
}
# Status codes of the national portal (METRICS.md §2).
STATUS_LABELS_VI: dict[int, str] = {
    1: "Mới đăng ký",
    2: "Được tiếp nhận",
    3: "Không được tiếp nhận",
    4: "Đang xử lý",
    5: "Yêu cầu bổ sung giấy tờ",
    6: "Yêu cầu thực hiện nghĩa vụ tài chính",
    7: "Công dân yêu cầu rút hồ sơ",
    8: "Dừng xử lý",
    9: "Đã xử lý xong",
    10: "Đã trả kết quả",
}
# `hoaan worklist` (worklist.worklist_output): the plain text of the work list.
WORKLIST_CLI_TEXT_VI: dict[str, str] = {
    "title": "Việc cần làm đến hết ngày {as_of:%d/%m/%Y}",
    "scope": "{period} (từ ngày {start:%d/%m/%Y} đến ngày {as_of:%d/%m/%Y}); dữ liệu đến ngày {reference:%d/%m/%Y}",
    "open_heading": "Hồ sơ đang giải quyết cần xử lý: {count} hồ sơ ({overdue} quá hạn)",
    "overdue_heading": "Quá hạn",
    "due_heading": "Sắp đến hạn (trong {within} ngày làm việc hoặc trong tháng)",
    "closed_heading": "Hồ sơ đã giải quyết trong tháng: điểm còn gỡ được và điểm đã mất",
    "units_heading": "Theo đơn vị",
    "nothing": "Không có hồ sơ nào.",
    # `hoaan worklist` without --unit: one line per unit (cli/worklist.py)
    "summary_heading": "Theo đơn vị: {units} đơn vị có hồ sơ cần xử lý (sắp đến hạn: trong {within} ngày làm việc "
                       "hoặc trong tháng)",
    "summary_hint": "Danh sách hồ sơ: --unit <đơn vị> (một đơn vị), --all (mọi đơn vị), --json, --csv <tệp>",
    "csv_written": "Đã ghi {rows} dòng vào {path}",
}
WORKLIST_COLUMN_LABELS_VI: dict[str, str] = {
    "dossier_id": "Mã hồ sơ",
    "due_on": "Hạn trả",
    "finished_on": "Kết thúc",
    "working_days_left": "Còn (ngày LV)",
    "supplement_count": "Bổ sung",
    "status": "Trạng thái",
    "status_on_as_of": "Trạng thái khi đó",
    "status_now": "Hiện nay (nếu khác)",
    "procedure_name": "Thủ tục",
    "unit_name": "Đơn vị",
    "indicator_id": "Chỉ tiêu",
    "kind": "Điểm",
    "reason": "Lý do",
    "open_dossiers": "Đang cần xử lý",
    "overdue_dossiers": "Quá hạn",
    "due_dossiers": "Sắp đến hạn",
    "lost_dossier_indicators": "Lượt mất điểm",
    "can_win_dossier_indicators": "Lượt còn gỡ được",
}
# Month-end projection (report 08)
# The two scenarios of projection.projection (docs/index766.md, "Month-end projection").
PROJECTION_SCENARIO_LABELS_VI: dict[str, str] = {
    "none_close": "Nếu không giải quyết thêm hồ sơ nào",
    "listed_close_on_due": "Nếu mọi hồ sơ trong danh sách được giải quyết đúng hạn",
}
# Its periods: the calendar month and quarter that contain the date of the data.
PROJECTION_PERIOD_LABELS_VI: dict[str, str] = {
    "month": "Cuối tháng",
    "quarter": "Cuối quý",
}
PROJECTION_DIFFERENCE_LABEL = "Điểm giành lại được"


# The portal's published 766 figures (report 08)
# --- `hoaan portal766` and portal766.comparison: the portal's figures beside the estimate ------
# the plain text of `hoaan portal766` (portal766._text) and report 08's unit headings
PORTAL766_TEXT_VI: dict[str, str] = {
    "title": "Chỉ số 766: số liệu Cổng Dịch vụ công quốc gia công bố, so với dữ liệu xuất",
    "file_read": "Đã đọc {file}: {figures} số liệu của {units} đơn vị.",
    "replaced": "Thay thế {replaced} trang (hoặc số liệu) đã đọc trước đó cho cùng kỳ, đơn vị và chỉ tiêu.",
    "unit_heading": "Đơn vị: {unit_name} (trên Cổng: {portal_unit_name})",
    "portal_unit_heading": "Đơn vị trên Cổng: {portal_unit_name}",
    "unmatched_summary": "Đơn vị trên Cổng không khớp với dữ liệu xuất ({count}): {names}",
    "nothing": "Không có số liệu nào của Cổng cho kỳ này.",
    "answers_read": "Đã đọc {file}: {figures} trang của Cổng, {units} đơn vị.",
    "not_newer": "{count} trang không dùng: đã có bản chụp sau của cùng trang, cùng kỳ.",
    "skipped": "Bỏ qua {file} {position} ({endpoint}): {why}.",
    "unknown_page": "Trang không nhận ra (đã lưu, chưa đọc): {file} {position}.",
    "unmapped_code": "Mã chỉ tiêu chưa có trong params/index766.yaml (trang {page}): {code}.",
    "scores_title": "Điểm Chỉ số 766 Cổng công bố theo trang, tổng điểm và thứ hạng",
    "comparison_title": "So sánh với ước tính từ dữ liệu xuất",
    "rank": "Hạng",
    "total": "Tổng",
    "portal_unit": "Đơn vị trên Cổng",
    "own_marker": "  ← {unit_name}",
    "ranking_title": "Xếp hạng các đơn vị {level} của tỉnh",
}
# Why a HAR entry to a page's URL was not used (hoaan portal766).
PORTAL766_SKIPPED_VI: dict[str, str] = {
    "unknown_endpoint": "trang không có trong params/index766.yaml",
    "no_answer": "không có nội dung trả về (lưu lại HAR kèm nội dung)",
    "not_json": "nội dung trả về không phải JSON",
    "not_ok": "Cổng không trả về số liệu (mã khác \"OK\")",
    "other_page": "nội dung không phải trang mà địa chỉ gọi",
}
# Short column names of the portal's six pages (hoaan portal766, report 07).
PORTAL766_PAGE_SHORT_VI: dict[str, str] = {
    "dvc-progress-tree": "TĐ",
    "formality-online-payment-tree": "TT",
    "provide-online-tree": "DVC",
    "transparency": "CK",
    "dossier-digitized": "SH",
    "handling-satisfaction": "HL",
}
# Long names of the six pages.
PORTAL766_PAGE_NAMES_VI: dict[str, str] = {
    "dvc-progress-tree": "Tiến độ giải quyết",
    "formality-online-payment-tree": "Thanh toán trực tuyến",
    "provide-online-tree": "Cung cấp dịch vụ công trực tuyến",
    "transparency": "Công khai, minh bạch",
    "dossier-digitized": "Số hóa hồ sơ",
    "handling-satisfaction": "Mức độ hài lòng",
}
# The portal's levels of units.
PORTAL766_LEVELS_VI: dict[str, str] = {"COMMUNE": "cấp xã", "PROVINCE": "cấp tỉnh"}
# Column headings of the comparison table (CLI and report 08).
PORTAL766_COLUMN_LABELS_VI: dict[str, str] = {
    "indicator_id": "Mã",
    "indicator_name": "Chỉ tiêu",
    "portal_counted": "Cổng: đạt/tổng",
    "portal_points": "Điểm Cổng",
    "our_counted": "Dữ liệu xuất: đạt/tổng",
    "our_points": "Điểm ước tính",
    "denominator_difference": "Chênh lệch tổng",
    "points_difference": "Chênh lệch điểm",
    "reading": "Nhận xét",
    "portal_unit_name": "Đơn vị trên Cổng",
    "unit_name": "Đơn vị trong dữ liệu xuất",
}
# What a comparison row says (portal766_comparison.reading); {count} a number of {thing}, {points} points.
PORTAL766_READINGS_VI: dict[str, str] = {
    "same": "Số liệu của Cổng quốc gia khớp với dữ liệu xuất.",
    "portal_fewer_dossiers": "Cổng quốc gia đếm ít hơn {count} {thing} so với dữ liệu xuất: kiểm tra việc đồng bộ "
                             "lên Cổng Dịch vụ công quốc gia.",
    "portal_more_dossiers": "Cổng quốc gia đếm nhiều hơn {count} {thing} so với dữ liệu xuất: kiểm tra xem đã nạp "
                            "đủ các tệp xuất của kỳ này chưa, và hồ sơ có được ghi cho đơn vị khác không.",
    "portal_fewer_met": "Cùng số {thing}, nhưng Cổng quốc gia tính ít hơn {count} {thing} đạt yêu cầu: đối chiếu "
                        "danh sách hồ sơ mất điểm (báo cáo 07) với Cổng.",
    "portal_more_met": "Cùng số {thing}, nhưng Cổng quốc gia tính nhiều hơn {count} {thing} đạt yêu cầu: tệp xuất "
                       "có thể thiếu hoặc chưa cập nhật thông tin của hồ sơ.",
    "ours_unknown": "Cùng số {thing}; tệp xuất thiếu thông tin của {unknown} hồ sơ nên chưa so sánh được số đạt "
                    "yêu cầu.",
    "portal_other_points": "Cùng số liệu nhưng điểm lệch {points} điểm: kiểm tra cách tính điểm trong "
                           "params/index766.yaml.",
    "portal_points_only": "Cổng quốc gia chỉ công bố điểm, không công bố số {thing}: chỉ so sánh được điểm.",
    "portal_unknown": "Cổng quốc gia để trống số liệu của chỉ tiêu này: chưa so sánh được.",
    "not_comparable": "Chỉ tiêu này không tính được từ dữ liệu xuất: chỉ ghi lại số liệu của Cổng, không so sánh.",
    "unit_unmatched": "Đơn vị «{portal_unit_name}» trên Cổng không khớp với đơn vị nào trong dữ liệu xuất: nếu đó "
                      "là tên cũ hoặc tên mới của một đơn vị, thêm một dòng vào params/units.csv.",
    "unit_ambiguous": "Tên «{portal_unit_name}» khớp với nhiều đơn vị trong dữ liệu xuất: ghi rõ đơn vị trong "
                      "params/units.csv.",
    "parent_not_compared": "«{portal_unit_name}» là đơn vị cấp trên trên trang của Cổng (tổng của các đơn vị trực "
                           "thuộc): chỉ ghi lại, không so sánh.",
}
# What an indicator's denominator counts (3.5 counts procedures, every other one dossiers).
PORTAL766_COUNTED_THING_VI: dict[str, str] = {"3.5": "thủ tục"}
PORTAL766_DOSSIERS_THING_VI = "hồ sơ"
# Names of the rows the portal gives that are not indicators of params/index766.yaml.
PORTAL766_TOTAL_NAME_VI = "Tổng điểm (Cổng công bố)"


# Report 08 Việc cần làm ----------------------------------------------------------------------
REPORT08_TITLE = "Việc cần làm"
# Which day the work list is taken on (sections.worklist.as_of) and why.
REPORT08_AS_OF_PERIOD_END = (
    "Danh sách tính tại ngày **{as_of}**, ngày cuối của kỳ báo cáo ({period}): kỳ đã kết thúc, nên đây là "
    "những việc còn tồn lại khi kỳ khép lại.")
REPORT08_AS_OF_NEWEST_EVENT = (
    "Danh sách tính tại ngày **{as_of}**, ngày có số liệu mới nhất trong cơ sở dữ liệu: kỳ báo cáo ({period}) "
    "chưa kết thúc, nên đây là những việc cần làm trước khi tháng và quý khép lại.")
REPORT08_AS_OF_BEFORE_PERIOD = (
    "Số liệu chỉ có đến ngày {as_of}, trước khi kỳ báo cáo ({period}) bắt đầu: chưa có việc cần làm của kỳ này. "
    "Nạp tệp xuất mới hơn (`hoaan ingest`) rồi mở lại báo cáo.")
REPORT08_OUTSIDE_DATA = (
    "Cơ sở dữ liệu không có hồ sơ nào quanh ngày {as_of} (kỳ báo cáo {period}): không có việc cần làm và không "
    "có gì để dự báo.")
REPORT08_RULE_NOTE = (
    "Hồ sơ đang giải quyết được đưa vào danh sách khi đã quá hạn, khi đến hạn trong {within} ngày làm việc, hoặc "
    "khi đến hạn trước hết ngày cuối tháng ({month_end}). Hồ sơ đã giải quyết từ đầu tháng được liệt kê theo từng "
    "điểm Chỉ số 766 đã mất hoặc còn gỡ được, và khi người nộp chưa đánh giá. Quy tắc tính như bảng điểm Chỉ số "
    "766 (báo cáo 07).")
REPORT08_OPEN_SUMMARY = (
    "{scope}: **{total}** hồ sơ đang giải quyết cần xử lý tại ngày {as_of}, trong đó **{overdue}** quá hạn.")
REPORT08_OPEN_NONE = "{scope}: tại ngày {as_of} không có hồ sơ đang giải quyết nào quá hạn hay sắp đến hạn."
REPORT08_OPEN_TITLE = "Hồ sơ đang giải quyết cần xử lý"
REPORT08_CAPPED = "Danh sách dài chỉ liệt kê {listed} trong {total} dòng đầu tiên."
REPORT08_OPEN_NOTE = (
    "Sắp xếp: hồ sơ quá hạn trước, rồi hồ sơ còn ít ngày làm việc nhất. Ngày làm việc còn lại âm: số ngày làm "
    "việc đã qua ngày hẹn trả. Trạng thái ngày lập danh sách suy ra từ các ngày đã lưu (đang chờ người nộp bổ "
    "sung giấy tờ, hoặc đang xử lý nếu hồ sơ kết thúc sau ngày đó); trạng thái hiện nay theo dữ liệu mới nhất chỉ "
    "ghi khi khác. Hồ sơ chỉ được nêu bằng mã hồ sơ và thủ tục.")
REPORT08_UNITS_TITLE = "Việc cần làm của từng đơn vị"
REPORT08_UNITS_ELSEWHERE = (
    "Báo cáo này dành cho {unit}; việc cần làm của từng đơn vị có trong báo cáo của toàn bộ đơn vị.")
REPORT08_ONE_UNIT = "Dữ liệu chỉ có một đơn vị, nên không có bảng việc cần làm của từng đơn vị."
REPORT08_CLOSED_SUMMARY = (
    "Hồ sơ đã giải quyết từ ngày {start} đến ngày {as_of}: **{can_win}** lượt điểm còn gỡ được, {lost} lượt điểm "
    "đã mất.")
REPORT08_CLOSED_NONE = (
    "Không có hồ sơ nào đã giải quyết từ ngày {start} đến ngày {as_of} làm mất hoặc còn gỡ được điểm.")
REPORT08_CLOSED_TITLE = "Điểm đã mất và điểm còn gỡ được, theo lý do"
REPORT08_CAN_WIN_TITLE = "Hồ sơ đã giải quyết còn gỡ được điểm"
REPORT08_CAN_WIN_NONE = "Không có hồ sơ nào đã giải quyết trong tháng còn gỡ được điểm."
REPORT08_CLOSED_NOTE = (
    "Một lượt: một hồ sơ ở một chỉ tiêu (một hồ sơ có thể mất điểm ở nhiều chỉ tiêu). Còn gỡ được: bổ sung kết "
    "quả điện tử, thanh toán, số hóa hoặc liên kết rồi đồng bộ lại trước khi Cổng chấm điểm tháng; mời người nộp "
    "đánh giá.")
REPORT08_COLUMN_LABELS_VI: dict[str, str] = {
    "dossier_id": "Mã hồ sơ",
    "procedure_name": "Thủ tục",
    "unit_name": "Đơn vị",
    "due_on": "Hẹn trả",
    "working_days_left": "Ngày LV còn lại",
    "status": "Trạng thái",
    "status_on_as_of": "Trạng thái ngày {as_of}",
    "status_now": "Trạng thái hiện nay (nếu khác)",
    "supplement_count": "Lần bổ sung",
    "reason": "Lý do",
    "indicator": "Chỉ tiêu",
    "indicator_name": "Tên chỉ tiêu",
    "lost": "Lượt đã mất",
    "can_win": "Lượt còn gỡ được",
    "rows": "Số hồ sơ",
    "scenario": "Kịch bản",
    "none_close": "Không giải quyết thêm",
    "listed_close_on_due": "Giải quyết đúng hạn",
    "points_difference": "Chênh lệch",
    "max_points": "Tối đa",
    "portal_counted": "Cổng: đạt/tổng",
    "our_counted": "Ước tính: đạt/tổng",
    "portal_points": "Điểm Cổng",
    "our_points": "Điểm ước tính",
}
REPORT08_PROJECTION_TITLE = "Điểm dự báo theo hai kịch bản"
REPORT08_PROJECTION_SUBTITLE = "{scope}, tính tại ngày {as_of}"
REPORT08_POINTS_AXIS = "Điểm"
REPORT08_INDICATOR_AXIS = "Chỉ tiêu"
REPORT08_PROJECTION_TOTAL = (
    "- **{period}** ({end}): {none_close} điểm nếu không giải quyết thêm hồ sơ nào; **{listed}** điểm nếu mọi "
    "hồ sơ trong danh sách được giải quyết đúng hạn ({difference} điểm; tối đa tính được {max_points}).")
REPORT08_PROJECTION_RATES = (
    "    - Tỷ lệ giải quyết đúng hạn {on_time_none} → {on_time_listed}; tỷ lệ tiến độ giải quyết "
    "{progress_none} → {progress_listed}.")
REPORT08_PROJECTION_NOTE = (
    "Kịch bản 1: sau ngày tính không hồ sơ nào được giải quyết thêm và không có hồ sơ mới; hồ sơ đang giải quyết "
    "được đánh giá vào ngày cuối kỳ. Kịch bản 2: mọi hồ sơ đang giải quyết có hạn trả đến hết quý được giải quyết "
    "đúng ngày hẹn trả (hồ sơ đã qua hạn: giải quyết ngay ngày tính). Cách tính: docs/index766.md.")
REPORT08_PROJECTION_NONE = "Chưa có số liệu để dự báo điểm cuối tháng và cuối quý."
REPORT08_PORTAL_NONE = (
    "Chưa nạp số liệu Cổng Dịch vụ công quốc gia công bố cho kỳ {period}. Khi Cổng công bố, lưu số liệu Chỉ số "
    "766 của đơn vị (tệp JSON của trang, hoặc tệp CSV điền tay theo params/README.md) rồi chạy "
    "`hoaan portal766 TỆP --period {period}`.")
REPORT08_PORTAL_TITLE = "Số liệu Cổng công bố so với ước tính"
REPORT08_PORTAL_NOTE = (
    "Chênh lệch = số của Cổng − số ước tính từ dữ liệu xuất. Cổng chấm trên bản hồ sơ được đồng bộ về Cổng: "
    "chênh lệch số hồ sơ thường do hồ sơ chưa đồng bộ.")
# The overview's line that links report 08 (sections.overview.worklist_line).
REPORT08_OVERVIEW_LINE = (
    "- Việc cần làm trước khi tháng và quý khép lại (hồ sơ sắp đến hạn, điểm còn gỡ được, dự báo điểm cuối "
    "kỳ): [báo cáo {title}]({link}).")
# `hoaan projection` (projection.projection_output): the plain text of the month-end projection.
PROJECTION_CLI_TEXT_VI: dict[str, str] = {
    "title": "Dự báo điểm Chỉ số 766 và tỷ lệ của kế hoạch cuối tháng, cuối quý — {scope}",
    "as_of": "Tính tại ngày {as_of} (ngày cuối của dữ liệu đã nạp, hoặc --as-of); cách tính: docs/index766.md.",
    "scenarios": "  Kịch bản 1: {none_close}. Kịch bản 2: {listed}.",
    "period": "{label} {period_name} ({start} – {end})",
    "heading": f"  {'Chỉ tiêu':<14} {'Kịch bản 1':>11} {'Kịch bản 2':>11} {'Chênh lệch':>11} {'Tối đa':>7}  Tên",
    "total": "Tổng điểm tính được",
    "on_time_rate": "Tỷ lệ giải quyết đúng hạn (kế hoạch)",
    "progress_rate": "Tỷ lệ tiến độ giải quyết (kế hoạch)",
}


# --- the exports' column labels (METRICS.md §2) ---------------------------------------------
# canonical field -> (national sync name, Vietnamese export label): what the loader reads (ingest.labels)
# and what the generator writes (synth.spec), in the order of the dossiers table.
EXPORT_COLUMN_LABELS: dict[str, tuple[str, str]] = {
    "dossier_id": ("MaHoSo", "Mã hồ sơ"),
    "procedure_code": ("MaTTHC", "Mã thủ tục"),
    "procedure_name": ("TenTTHC", "Tên thủ tục"),
    "field_code": ("MaLinhVuc", "Mã lĩnh vực"),
    "field_name": ("TenLinhVuc", "Lĩnh vực"),
    "unit_name": ("DonViXuLy", "Đơn vị xử lý"),
    "channel": ("KenhThucHien", "Hình thức nộp"),
    "status": ("TrangThaiHoSo", "Trạng thái"),
    "received_at": ("NgayTiepNhan", "Ngày tiếp nhận"),
    "due_at": ("NgayHenTra", "Ngày hẹn trả"),
    "finished_at": ("NgayKetThucXuLy", "Ngày kết thúc xử lý"),
    "returned_at": ("NgayTra", "Ngày trả kết quả"),
    "supplement_requested_at": ("NgayYeuCauBoSung", "Ngày yêu cầu bổ sung"),
    "supplement_completed_at": ("NgayCongDanBoSung", "Ngày công dân bổ sung"),
    "supplement_count": ("SoLanBoSung", "Số lần yêu cầu bổ sung"),
    "fee_amount": ("TongLePhi", "Phí, lệ phí (đồng)"),
    "payment_method": ("HinhThucThanhToan", "Hình thức thanh toán"),
    "paid_online": ("DuocThanhToanTrucTuyen", "Thanh toán trực tuyến"),
    "rating": ("DanhGia", "Đánh giá"),
    "submitted_at": ("NgayNopHoSo", "Ngày nộp hồ sơ"),
    "applicant_type": ("LoaiDoiTuong", "Loại đối tượng"),
    "has_component_files": ("CoTepThanhPhan", "Có tệp thành phần hồ sơ"),
    "has_reused_data": ("HoSoCoThanhPhanSoHoa", "Có thành phần tái sử dụng dữ liệu số hóa"),
    "from_citizen_store": ("DuocLayTuKhoDMQG", "Lấy từ kho dữ liệu cá nhân"),
    "has_result_file": ("CoTepKetQua", "Có kết quả điện tử"),
    "vneid_verified": ("TaiKhoanDuocXacThucVoiVNeID", "Tài khoản xác thực VNeID"),
    "has_complaint": ("CoPhanAnhKienNghi", "Có phản ánh, kiến nghị"),
}
