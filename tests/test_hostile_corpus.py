"""Every broken export of tests/corpus: a clear IngestError and nothing changed, or a load with rows set aside."""

import pytest
from corpus.hostile_files import LOADED, REFUSED, UNIT_WITH_DIACRITICS
from ingest_files import dossier, write_csv

from hoaan_analytics import db
from hoaan_analytics.errors import IngestError
from hoaan_analytics.ingest import ingest_files

SLOW = {"csv_million_empty_rows", "xlsx_million_empty_rows", "csv_million_blank_lines"}


def _state(con):
    return [db.query(con, f"select * exclude (loaded_at) from {t} order by all") if t == "load_log"
            else db.query(con, f"select * from {t} order by all")
            for t in ("dossiers", "set_aside", "load_log", "procedures")]


@pytest.fixture
def loaded(con, params_dir, tmp_path):
    """A database that already holds one export, so that 'nothing changed' means something."""
    ingest_files(con, [write_csv(tmp_path / "earlier.csv", [dossier(dossier_id="OLD-1", status="4",
                                                                    finished_at=None)])],
                 params_dir=params_dir)
    return con


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_with_a_clear_error_and_nothing_changed(name, loaded, params_dir, tmp_path):
    builder, pattern = REFUSED[name]
    path = builder(tmp_path)
    good = write_csv(tmp_path / "good_before.csv", [dossier(dossier_id="NEW-1")])
    before = _state(loaded)
    with pytest.raises(IngestError, match=pattern) as caught:
        ingest_files(loaded, [good, path], params_dir=params_dir)
    assert len(str(caught.value)) < 400  # a message, not a dump of the file
    assert all(b.equals(a) for b, a in zip(before, _state(loaded), strict=True))


def _loaded_params():
    return [pytest.param(n, marks=pytest.mark.slow) if n in SLOW else n for n in sorted(LOADED)]


@pytest.mark.parametrize("name", _loaded_params())
def test_loaded_with_the_right_values(name, loaded, params_dir, tmp_path):
    summary = ingest_files(loaded, [LOADED[name](tmp_path)], params_dir=params_dir)
    rows = db.query(loaded, "select dossier_id, status, unit_name from dossiers "
                            "where dossier_id <> 'OLD-1' order by dossier_id").rows()
    if name == "xlsx_formula_cells":
        # the cached results of row 2; row 3's uncached status formula reads 0: set aside
        assert rows == [("F-1", 10, UNIT_WITH_DIACRITICS)]
        assert db.query(loaded, "select source_row, field from set_aside where dossier_id = 'F-2'").rows() \
            == [(3, "status")]
    elif name == "xlsx_million_empty_rows":
        assert rows == [("H-1", 10, None)]
        assert summary.rows_read == 1
    else:
        # _rows() of the corpus: H-1 resolved, H-2 in progress, unit with diacritics intact
        assert rows == [("H-1", 10, UNIT_WITH_DIACRITICS), ("H-2", 4, UNIT_WITH_DIACRITICS)]
        assert summary.set_aside == 0


@pytest.mark.slow
def test_million_blank_lines_keep_the_editor_line_numbers(loaded, params_dir, tmp_path):
    ingest_files(loaded, [LOADED["csv_million_blank_lines"](tmp_path)], params_dir=params_dir)
    # header line 1, H-1 on line 2, a million blank lines (3 .. 1,000,002), then H-2
    assert db.query(loaded, "select source_row from dossiers where dossier_id = 'H-2'").item() == 1_000_003
