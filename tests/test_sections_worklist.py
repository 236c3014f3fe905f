"""Report 08's sections (Việc cần làm) on hand-written dossiers, worked out by hand.

Period 2026-04, calendar. The newest event is A's reception on Monday 20/04/2026, so the list is taken on
as_of = r = min(30/04, 20/04) = 20/04 (METRICS.md §5). Working days after 20/04 (params/: 25-26/04 weekend,
27/04 Giỗ Tổ Hùng Vương, 30/04 a holiday): 21/04 +1, 22/04 +2, 23/04 +3, 24/04 +4, 28/04 +5; before it:
17/04 −1, 16/04 −2, 15/04 −3, 14/04 −4, 13/04 −5, 10/04 −6. Every dossier is of 1.004222 (no fee, no paper
result: 3.5, 3.6 and 4.1 count nothing), all received in April, so 10 handled in the month and the quarter.

  id  unit       what                                        listed as (working days left, reason)
  C   Hòa An     open, due 10/04, two supplement rounds      overdue (−6, repeated_supplement)
  J   Bình Minh  open, due 14/04                             overdue (−4, pending_overdue)
  A   Hòa An     open, due today 20/04                       0, due_within
  B   Hòa An     open, due 23/04                             +3, due_within (the N = 3 boundary)
  D   Hòa An     waiting for the applicant since 17/04,      +4, waiting_for_applicant
                 due 24/04
  G   Hòa An     open, due 24/04                             +4, due_this_month
  H   Hòa An     open, due 28/04 (over the weekend and       +5, due_this_month
                 the holiday)
  F   Hòa An     open, due 15/07                             not listed
  E   Hòa An     resolved 09/04, due 08/04, not rated        2.1 lost resolved_late; 5.4 lost resolved_late;
                                                             satisfaction can_win not_rated
  I   Hòa An     resolved 14/04 on time, rated, not          4.2 can_win not_digitised
                 digitised (other flags unknown)

Projection (docs/index766.md): only 2.1 and 5.4 have points (4.2–4.5 have unknown flags, so no rate).
  none_close, judged on the period's end (30/04 and 30/06): in time I (resolved), D (waiting, asked before its
    due date), F (due 15/07) = 3 of 10 -> 2.1 = 20 × 0.3 = 6; 5.4 = min(6, 6 × 0.3 / 0.9) = 2; total 8.
    on_time_rate = I / (E, I) = 1/2.
  listed_close_on_due: A (20/04), B (23/04), D (24/04), G (24/04), H (28/04) close on their due dates, on time;
    C and J close on as_of 20/04, late; F stays open, in time -> 7 of 10 -> 2.1 = 14; 5.4 = 6 × 0.7 / 0.9 =
    4.667 -> 4.67; total 18.67, difference 10.67. on_time_rate = (A B D G H I) / 9 resolved = 6/9.
  The quarter (2026-Q2) is the same: nothing else is handled in it, and F is due after 30/06.
"""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest
from great_tables import GT
from helpers import database_file
from IPython.display import Markdown

from hoaan_analytics import charts
from hoaan_analytics.labels_vi import PROJECTION_SCENARIO_LABELS_VI
from hoaan_analytics.sections import context, overview
from hoaan_analytics.sections import worklist as sections

HOA_AN, BINH_MINH = "UBND xã Hòa An", "UBND xã Bình Minh"
PROCEDURE = {"procedure_code": "1.004222", "procedure_name": "Đăng ký thường trú", "field_name": "Cư trú"}
OPEN = {**PROCEDURE, "status": 4}
ROWS = [
    {**OPEN, "dossier_id": "C", "received_at": "2026-04-01 08:00", "due_at": "2026-04-10 16:30",
     "supplement_requested_at": "2026-04-03 09:00", "supplement_completed_at": "2026-04-06 09:00",
     "supplement_count": 2},
    {**OPEN, "dossier_id": "J", "unit_name": BINH_MINH, "received_at": "2026-04-01 08:00",
     "due_at": "2026-04-14 16:30"},
    {**OPEN, "dossier_id": "A", "received_at": "2026-04-20 08:00", "due_at": "2026-04-20 16:30"},
    {**OPEN, "dossier_id": "B", "received_at": "2026-04-16 08:00", "due_at": "2026-04-23 16:30"},
    {**PROCEDURE, "dossier_id": "D", "status": 5, "received_at": "2026-04-15 08:00", "due_at": "2026-04-24 16:30",
     "supplement_requested_at": "2026-04-17 10:00", "supplement_count": 1},
    {**OPEN, "dossier_id": "G", "received_at": "2026-04-16 08:00", "due_at": "2026-04-24 16:30"},
    {**OPEN, "dossier_id": "H", "received_at": "2026-04-16 08:00", "due_at": "2026-04-28 16:30"},
    {**OPEN, "dossier_id": "F", "received_at": "2026-04-16 08:00", "due_at": "2026-07-15 16:30"},
    {**PROCEDURE, "dossier_id": "E", "status": 10, "received_at": "2026-04-06 08:00", "due_at": "2026-04-08 16:30",
     "finished_at": "2026-04-09 10:00"},
    {**PROCEDURE, "dossier_id": "I", "status": 10, "channel": 2, "received_at": "2026-04-13 08:00",
     "due_at": "2026-04-15 16:30", "finished_at": "2026-04-14 10:00", "rating": "Hài lòng",
     "has_component_files": False},
]
OPEN_ORDER = ["C", "J", "A", "B", "D", "G", "H"]


@pytest.fixture
def database(tmp_path, params_dir):
    return database_file(tmp_path / "worklist.duckdb", ROWS, params_dir)


@pytest.fixture
def report(database, params_dir):
    opened = []

    def open_for(period: str, unit: str | None = None):
        ctx = context.open_report(database, period, unit=unit, params_dir=params_dir)
        opened.append(ctx)
        return ctx

    yield open_for
    for ctx in opened:
        ctx.close()


def test_the_list_is_taken_on_the_reference_date_and_says_why(report):
    running = report("2026-04")
    assert sections.as_of(running) == date(2026, 4, 20)
    note = sections.as_of_note(running).data
    assert "**20/04/2026**, ngày có số liệu mới nhất" in note and "(30/04/2026)" in note
    # March is over: its last day, whatever came later
    assert sections.as_of(report("2026-03")) == date(2026, 3, 31)
    assert "ngày cuối của kỳ báo cáo" in sections.as_of_note(report("2026-03")).data


def test_open_dossiers_overdue_first_then_fewest_working_days_left(report):
    ctx = report("2026-04")
    rows = sections.worklist_rows(ctx).filter(pl.col("row_kind") == "open")
    assert rows["dossier_id"].to_list() == OPEN_ORDER
    assert rows["working_days_left"].to_list() == [-6, -4, 0, 3, 4, 4, 5]
    assert rows["reason"].to_list() == ["repeated_supplement", "pending_overdue", "due_within", "due_within",
                                        "waiting_for_applicant", "due_this_month", "due_this_month"]
    summary = sections.open_summary(ctx).data
    assert "**7** hồ sơ đang giải quyết cần xử lý tại ngày 20/04/2026, trong đó **2** quá hạn" in summary
    assert "- Đến hạn trong 3 ngày làm việc tới: 2" in summary
    assert "- Đến hạn trong tháng: 2" in summary
    page = sections.open_table(ctx).as_raw_html()
    # by id, in that order, with the unit (all units) and the due date; no applicant's name exists to show
    positions = [page.index(f">{dossier}<") for dossier in OPEN_ORDER]
    assert positions == sorted(positions)
    assert BINH_MINH in page and "20/04/2026" in page and ">−6<" in page  # great_tables writes a true minus
    assert ">F<" not in page


def test_one_unit_sees_its_own_dossiers_only(report):
    ctx = report("2026-04", HOA_AN)
    rows = sections.worklist_rows(ctx).filter(pl.col("row_kind") == "open")
    assert rows["dossier_id"].to_list() == ["C", "A", "B", "D", "G", "H"]
    assert "**6** hồ sơ" in sections.open_summary(ctx).data and "**1** quá hạn" in sections.open_summary(ctx).data
    # the per-unit table belongs to the all-units report
    assert "có trong báo cáo của toàn bộ đơn vị" in sections.units_table(ctx).data


def test_units_table_counts_each_units_list(report):
    ctx = report("2026-04")
    units = {row["unit_name"]: row for row in sections.unit_rows(ctx).iter_rows(named=True)}
    # Hòa An: 6 open (C overdue; A B D G H not), E's 2.1 and 5.4 lost, E's rating and I's 4.2 winnable
    assert {k: units[HOA_AN][k] for k in ("open_dossiers", "overdue_dossiers", "due_dossiers",
                                          "lost_dossier_indicators", "can_win_dossier_indicators")} == {
        "open_dossiers": 6, "overdue_dossiers": 1, "due_dossiers": 5, "lost_dossier_indicators": 2,
        "can_win_dossier_indicators": 2}
    assert units[BINH_MINH]["open_dossiers"] == 1 and units[BINH_MINH]["overdue_dossiers"] == 1
    assert isinstance(sections.units_table(ctx), GT)


def test_closed_points_lost_and_winnable_by_reason(report):
    ctx = report("2026-04")
    closed = (sections.counts(ctx).filter(pl.col("row_kind") == "closed")
              .select("indicator_id", "kind", "reason", "rows").sort("indicator_id", "kind").rows())
    assert closed == [("2.1", "lost", "resolved_late", 1), ("4.2", "can_win", "not_digitised", 1),
                      ("5.4", "lost", "resolved_late", 1), ("satisfaction", "can_win", "not_rated", 1)]
    assert "**2** lượt điểm còn gỡ được, 2 lượt điểm đã mất" in sections.closed_summary(ctx).data
    page = sections.closed_by_reason_table(ctx).as_raw_html()
    assert "Trả kết quả quá hạn" in page and "Chưa số hóa thành phần hồ sơ" in page
    assert "Người nộp chưa đánh giá" in page and "Hài lòng (kế hoạch)" in page
    winnable = sections.can_win_table(ctx).as_raw_html()
    assert ">E<" in winnable and ">I<" in winnable


def test_projection_both_scenarios_month_and_quarter(report):
    ctx = report("2026-04")
    text = sections.projection_summary(ctx).data
    # month and quarter alike: 8 points if nothing closes, 18.67 if every listed dossier closes on its due date
    assert text.count("8 điểm nếu không giải quyết thêm hồ sơ nào; **18,67** điểm") == 2
    assert "(+10,67 điểm; tối đa tính được 26)" in text
    assert "**Tháng 4 năm 2026** (30/04/2026)" in text and "**Quý II năm 2026** (30/06/2026)" in text
    assert "Tỷ lệ giải quyết đúng hạn 50,0% → 66,7%; tỷ lệ tiến độ giải quyết 30,0% → 70,0%." in text
    page = sections.projection_table(ctx).as_raw_html()
    assert ">14<" in page and ">4,67<" in page and ">8<" in page  # 2.1 listed, 5.4 listed, 2.1 difference


def test_projection_chart_fits_a_phone_and_keeps_labels_clear_of_the_tick(report):
    ctx = report("2026-04")
    spec = sections.projection_chart(ctx).to_dict()
    assert spec["spec"]["width"] == charts.PHONE_PLOT_WIDTH <= 240
    data = next(iter(spec["datasets"].values()))
    two_one = [d for d in data if d["category"] == "2.1" and d["panel"] == "Tháng 4 năm 2026"]
    assert {d["scenario"]: d["points"] for d in two_one} == {PROJECTION_SCENARIO_LABELS_VI["none_close"]: 6.0,
                                                             PROJECTION_SCENARIO_LABELS_VI["listed_close_on_due"]: 14.0}
    # each label sits right of the larger of the bar and the maximum's tick (20 for 2.1)
    assert {d["label_at"] for d in two_one} == {20.0}
    assert {d["points_text"] for d in two_one} == {"6", "14"}


def test_nothing_open_and_a_period_after_the_data(report):
    march = report("2026-03")  # on 31/03 nothing of these had been received yet
    assert "không có hồ sơ đang giải quyết nào" in sections.open_summary(march).data
    assert isinstance(sections.open_table(march), Markdown)
    assert "Chưa có số liệu để dự báo" in sections.projection_chart(march).data
    later = report("2026-Q3")  # the data end on 20/04, before the quarter starts
    for section in (sections.as_of_note, sections.open_table, sections.projection_chart):
        assert "trước khi kỳ báo cáo (Quý III năm 2026) bắt đầu" in section(later).data
    far = report("2019-Q1")  # outside the stored calendar: a sentence, not an error
    assert "không có hồ sơ nào quanh ngày 31/03/2019" in sections.open_table(far).data


def test_no_portal_figures_says_how_to_load_them(report):
    ctx = report("2026-04")
    assert sections.portal_comparison(ctx).data.endswith("`hoaan portal766 TỆP --period 2026-04`.")
    assert sections.portal_readings(ctx).data == ""


def test_overview_links_report_08(report):
    line = overview.worklist_line(report("2026-04")).data
    # report 08 sits next to 01 in the unit's folder of a run (report.batch.plan_jobs)
    assert "](08-viec-can-lam.html)" in line


def test_every_section_twice_runs_no_query_twice(report):
    ctx = report("2026-04")
    listed = (sections.as_of_note, sections.open_summary, sections.units_table, sections.open_table,
              sections.closed_summary, sections.closed_by_reason_table, sections.can_win_table,
              sections.projection_summary, sections.projection_chart, sections.projection_table,
              sections.portal_comparison, sections.portal_readings)
    for section in (*listed, *listed):
        section(ctx)
        ctx.release()
    assert len(ctx.queries) == len(set(ctx.queries))
    # the work list, its units, its counts, the projection: each macro read by one statement
    assert len([s for s, _ in ctx.queries if "projection766" in s]) == 1
    assert len([s for s, _ in ctx.queries if "worklist_units(" in s]) == 1
