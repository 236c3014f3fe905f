"""Reports rendered from the DVCQG sample hold none of its applicants' names, ID numbers, phones or addresses.

The database is built from the DVCQG sample the way the loader stores it (only the
canonical, non-personal columns); the check then scans every HTML and executed
notebook of a batch for each personal value of the sample file.
"""

from pathlib import Path

import polars as pl
import pytest
from helpers import PARAMS, SAMPLES

from hoaan_analytics import catalogue, db, index766, models, schema
from hoaan_analytics.report import batch

FIXTURES = Path(__file__).parent / "fixtures_notebooks"
SAMPLE = "dossiers_dvcqg_2026-11-20.csv"
PERSONAL = ("ChuHoSo", "SoGiayTo", "SoDienThoai", "DiaChi")
pytestmark = pytest.mark.slow


def _timestamp(column: str) -> pl.Expr:
    return pl.col(column).str.strptime(pl.Datetime("us"), "%Y-%m-%d %H:%M:%S", strict=False)


@pytest.fixture(scope="module")
def sample_frame():
    return pl.read_csv(SAMPLES / SAMPLE, infer_schema=False)


@pytest.fixture(scope="module")
def sample_reports(sample_frame, tmp_path_factory):
    stored = sample_frame.select(
        pl.col("MaHoSo").alias("dossier_id"), pl.col("MaTTHC").alias("procedure_code"),
        pl.col("TenTTHC").alias("procedure_name"), pl.col("TenLinhVuc").alias("field_name"),
        pl.col("DonViXuLy").alias("unit_name"),
        pl.col("KenhThucHien").cast(pl.UInt8).alias("channel"),
        pl.col("TrangThaiHoSo").cast(pl.UInt8).alias("status"),
        _timestamp("NgayTiepNhan").alias("received_at"), _timestamp("NgayHenTra").alias("due_at"),
        _timestamp("NgayKetThucXuLy").alias("finished_at"),
        pl.lit(1).alias("load_id"), pl.int_range(2, pl.len() + 2).alias("source_row"),
    ).filter(pl.col("received_at").is_not_null() & pl.col("dossier_id").is_not_null()).unique("dossier_id", keep="last")
    db_path = tmp_path_factory.mktemp("db") / "hoaan.duckdb"
    con = db.connect(db_path)
    schema.ensure_schema(con)
    con.register("_sample", stored)
    db.run(con, f"insert into dossiers ({', '.join(stored.columns)}) select * from _sample")
    # as an ingest ends: the batch refuses a database whose derived tables this hoaan did not build
    catalogue.load_catalogue(con, PARAMS)
    index766.store_rules(con, PARAMS)
    models.refresh(con, PARAMS)
    con.close()
    out = tmp_path_factory.mktemp("reports")
    result = batch.render_reports(db_path=db_path, period="2026-Q1", units=[None, "UBND xã Kiên Đài"],
                                  notebooks=[FIXTURES / "overview.ipynb"], out_dir=out, workers=2,
                                  progress=False)
    return result


def test_reports_were_written(sample_reports):
    assert [r.ok for r in sample_reports.results] == [True, True]


@pytest.mark.parametrize("column", PERSONAL)
def test_no_personal_value_in_any_output(sample_frame, sample_reports, column):
    values = {v.strip() for v in sample_frame[column].drop_nulls().to_list() if len(v.strip()) >= 6}
    assert values, f"the sample has no {column} to look for"
    outputs = sorted(sample_reports.run_dir.rglob("*.html")) + sorted(sample_reports.run_dir.rglob("*.ipynb"))
    assert len(outputs) == 5  # index + 2 reports + 2 executed notebooks
    for path in outputs:
        text = path.read_text(encoding="utf-8")
        leaked = [v for v in values if v in text]
        assert not leaked, f"{path.name} holds {column} values such as {leaked[:1]}"
