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
}
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
ALL_FIELDS_LABEL = "Tất cả lĩnh vực"
NO_FIELD_LABEL = "Chưa xác định lĩnh vực"
MEDIAN_LABEL = "Trung vị các đơn vị"
DEMO_DATA_LABEL = "dữ liệu mẫu"
# `hoaan report`'s progress bar (what it counts) and the word before a report that failed.
REPORTS_PROGRESS_LABEL = "Báo cáo"
REPORT_COUNT_UNIT = "báo cáo"
REPORT_FAILED_LABEL = "lỗi"
MODE_LABELS_VI: dict[str, str] = {
    "calendar": "kỳ theo lịch",
    "cutoff": "kỳ chốt số liệu theo Nghị định 09/2019/NĐ-CP",
}

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
# Where a KPI stands on its glide path to the 2030 target (analyses.glide_path's status).
GLIDE_STATUS_VI: dict[str, str] = {
    "met": "Đã đạt",
    "on_track": "Đúng lộ trình",
    "off_track": "Chậm so với lộ trình",
    "unknown": "Chưa đủ số liệu",
}

# --- the 766 scorecard (METRICS.md §9, report 07) ------------------------------------------
INDEX766_LABEL = "Chỉ số 766"
# What an indicator's "met / counted" counts (index766_list_indicators.counted_unit); nothing is
# written after a count of dossiers, the unit every other number of the table has.
INDEX766_COUNTED_UNIT_LABELS_VI: dict[str, str] = {"procedures": "thủ tục", "dossiers": ""}
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
