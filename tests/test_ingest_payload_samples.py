"""The shared payload sample stores the same dossiers as the flat samples of the same export."""

import polars as pl
from helpers import SAMPLE_CSV, SAMPLE_PAYLOAD, SAMPLE_XLSX, open_read_only

from hoaan_analytics import db


def stored(load_samples, name):
    loaded = load_samples(name)
    con = open_read_only(loaded.db_path)
    try:
        # The flat samples have no MaLinhVuc column (field_code stays null there), and leave
        # DuocThanhToanTrucTuyen empty where the payload writes 0: both mean "not paid online" (§2).
        frame = db.query(con, """
            select * exclude (load_id, source_row, field_code, paid_online), coalesce(paid_online, 0) as paid_online
            from dossiers order by dossier_id
        """)
    finally:
        con.close()
    return loaded.summary, frame


def test_payload_and_flat_samples_store_identical_rows(load_samples):
    results = {name: stored(load_samples, name) for name in (SAMPLE_PAYLOAD, SAMPLE_CSV, SAMPLE_XLSX)}
    summary, payload = results[SAMPLE_PAYLOAD]
    assert (summary.rows_read, summary.loaded, summary.set_aside) == (600, 590, 10)
    for name, (flat_summary, flat) in results.items():
        assert flat_summary.set_aside == 10, name
        assert payload.equals(flat), name
    # a payload knows its flags: none is unknown
    assert payload.select(pl.col("has_component_files").null_count()).item() == 0
