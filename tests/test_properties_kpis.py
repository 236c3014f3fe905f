"""Property-based: on random dossier sets the KPIs obey METRICS.md §6 and do not depend on how files arrive.

- the §6 identities hold and every share is null or in [0, 1], for several periods
  and for every row of the by-field breakdown;
- one file, or the same rows split into two files, or two files of disjoint dossiers
  in either order, give the same KPIs;
- loading the same file again (the same bytes, or the same rows written with a BOM)
  changes no KPI.

time_reduction is not a share: METRICS.md §6 says "no clamping", so it can be below
0 (slower than the statutory limit) and is only checked to be a finite number.
Files are CSVs written into tmp_path; databases are in memory.
"""

import math
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ingest_files import write_csv

from hoaan_analytics import db, schema
from hoaan_analytics.ingest import ingest_files
from hoaan_analytics.kpis import RATIO_KEYS, compute_kpis, kpi_table
from hoaan_analytics.periods import parse_period

PERIODS = [parse_period(p) for p in ("2026-Q1", "2026-03", "2026-H1")]
SHARES = [k for k in RATIO_KEYS if k != "time_reduction"]
START = datetime(2025, 12, 1, 7, 30)
# procedures: same-day ones and a longer one from params/procedures.csv, and one outside it
PROCEDURES = ["2.000815", "1.001193", "1.004884", "9.999001"]
pytestmark = pytest.mark.slow
# Each example loads files into up to eight fresh databases: an eighth of the profile's examples (conftest.py).
SETTINGS = settings(max_examples=max(4, settings.default.max_examples // 8))


def _stamp(moment: datetime | None) -> str | None:
    return None if moment is None else moment.strftime("%d/%m/%Y %H:%M:%S")


@st.composite
def dossier_rows(draw, prefix="P"):
    count = draw(st.integers(min_value=1, max_value=25))
    rows = []
    for i in range(count):
        received = START + timedelta(days=draw(st.integers(0, 200)), minutes=draw(st.integers(0, 600)))
        status = draw(st.sampled_from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))
        closing = status in (7, 8, 9, 10)
        finished = received + timedelta(days=draw(st.integers(0, 20)), hours=draw(st.integers(0, 8))) \
            if closing else None
        requested = completed = None
        if draw(st.integers(0, 4)) == 0:
            requested = received + timedelta(days=draw(st.integers(0, 3)))
            if draw(st.booleans()):
                completed = requested + timedelta(days=draw(st.integers(0, 5)))
        procedure = draw(st.sampled_from(PROCEDURES))
        due = received + timedelta(days=draw(st.integers(0, 10)))
        rows.append({
            "dossier_id": f"{prefix}-{i}",
            "procedure_code": procedure,
            "field_name": draw(st.sampled_from(["Hộ tịch", "Chứng thực", "Đất đai", None])),
            "unit_name": draw(st.sampled_from(["UBND xã Hòa An", "UBND xã Kiên Đài"])),
            "channel": draw(st.sampled_from(["1", "2", "3", None, "Trực tuyến"])),
            "status": str(status),
            "received_at": _stamp(received),
            "due_at": _stamp(due) if procedure == "9.999001" or draw(st.booleans()) else None,
            "finished_at": _stamp(finished),
            "supplement_requested_at": _stamp(requested),
            "supplement_completed_at": _stamp(completed),
            "supplement_count": draw(st.sampled_from([None, "0", "1", "2"])),
            "fee_amount": draw(st.sampled_from([None, "0", "10000", "50.000"])),
            "payment_method": draw(st.sampled_from([None, "Tiền mặt", "Chuyển khoản", "Thanh toán trực tuyến"])),
            "paid_online": draw(st.sampled_from([None, "0", "1", "2"])),
            "rating": draw(st.sampled_from([None, "Rất hài lòng", "Hài lòng", "Không hài lòng"])),
        })
    return rows


COLUMNS = ["dossier_id", "procedure_code", "field_name", "unit_name", "channel", "status", "received_at", "due_at",
           "finished_at", "supplement_requested_at", "supplement_completed_at", "supplement_count", "fee_amount",
           "payment_method", "paid_online", "rating"]


def kpis_after(params_dir, *batches):
    """KPIs of every period after loading each batch of files (one ingest call per batch)."""
    con = db.connect(None)
    schema.ensure_schema(con)
    try:
        for files in batches:
            ingest_files(con, files, params_dir=params_dir)
        return [compute_kpis(con, p) for p in PERIODS], con
    except BaseException:
        con.close()
        raise


def csv(folder, name, rows, **options):
    return write_csv(folder / name, rows, columns=COLUMNS, **options)


def assert_section_6(values):
    assert values["received"] == values["received_online"] + values["received_offline"]
    assert values["handled"] == values["received"] + values["carried_over"]
    assert values["handled"] == values["resolved"] + values["pending"]
    assert values["resolved"] == values["resolved_early"] + values["resolved_on_time"] + values["resolved_late"]
    assert values["pending"] == values["pending_in_time"] + values["pending_overdue"]
    for key in SHARES:
        assert values[key] is None or 0.0 <= values[key] <= 1.0, (key, values[key])
    assert values["time_reduction"] is None or math.isfinite(values["time_reduction"])


@SETTINGS
@given(rows=dossier_rows())
def test_identities_and_shares_in_every_period_and_field(rows, params_dir, tmp_path_factory):
    folder = tmp_path_factory.mktemp("identities")
    results, con = kpis_after(params_dir, [csv(folder, "all.csv", rows)])
    try:
        for values in results:
            assert_section_6(values)
        for row in kpi_table(con, PERIODS[2], by="field").iter_rows(named=True):
            assert_section_6(row)
    finally:
        con.close()


@SETTINGS
@given(rows=dossier_rows(), cut=st.floats(0, 1))
def test_split_file_gives_the_same_kpis(rows, cut, params_dir, tmp_path_factory):
    folder = tmp_path_factory.mktemp("split")
    at = round(cut * len(rows))
    whole, con = kpis_after(params_dir, [csv(folder, "all.csv", rows)])
    con.close()
    split, con = kpis_after(params_dir, [csv(folder, "part1.csv", rows[:at]), csv(folder, "part2.csv", rows[at:])])
    con.close()
    assert split == whole


@SETTINGS
@given(first=dossier_rows("A"), second=dossier_rows("B"))
def test_disjoint_files_in_either_order_and_either_call_give_the_same_kpis(first, second, params_dir,
                                                                         tmp_path_factory):
    folder = tmp_path_factory.mktemp("order")
    a, b = csv(folder, "a.csv", first), csv(folder, "b.csv", second)
    reference, con = kpis_after(params_dir, [a, b])
    con.close()
    for batches in ([[b, a]], [[a], [b]], [[b], [a]]):
        other, con = kpis_after(params_dir, *batches)
        con.close()
        assert other == reference


@SETTINGS
@given(rows=dossier_rows())
def test_reloading_a_file_changes_nothing(rows, params_dir, tmp_path_factory):
    folder = tmp_path_factory.mktemp("reload")
    path = csv(folder, "x.csv", rows)
    rewritten = csv(folder, "x_again.csv", rows, bom=True)  # the same rows in other bytes
    once, con = kpis_after(params_dir, [path])
    con.close()
    for batches in ([[path], [path]], [[path, path]], [[path], [rewritten]]):
        again, con = kpis_after(params_dir, *batches)
        con.close()
        assert again == once
