"""The shared payload sample stores the same dossiers as the flat samples of the same export."""

import polars as pl

from hoaan_analytics.ingest import ingest_files

PAYLOAD = "dossiers_payload_2026-11-20.json"


def stored(con, path, params_dir):
    summary = ingest_files(con, [path], params_dir=params_dir)
    # The flat samples have no MaLinhVuc column (field_code stays null there), and leave
    # DuocThanhToanTrucTuyen empty where the payload writes 0: both mean "not paid online" (§2).
    frame = con.sql("""
        select * exclude (load_id, source_row, field_code, paid_online), coalesce(paid_online, 0) as paid_online
        from dossiers order by dossier_id
    """).pl()
    return summary, frame


def test_payload_and_flat_samples_store_identical_rows(params_dir, samples_dir):
    from hoaan_analytics import db, schema

    results = {}
    for name in (PAYLOAD, "dossiers_dvcqg_2026-11-20.csv", "dossiers_vi_2026-11-20.xlsx"):
        connection = db.connect(None)
        schema.ensure_schema(connection)
        results[name] = stored(connection, samples_dir / name, params_dir)
        connection.close()
    summary, payload = results[PAYLOAD]
    assert (summary.rows_read, summary.loaded, summary.set_aside) == (600, 590, 10)
    for name, (flat_summary, flat) in results.items():
        assert flat_summary.set_aside == 10, name
        assert payload.equals(flat), name
    # a payload knows its flags: none is unknown
    assert payload.select(pl.col("has_component_files").null_count()).item() == 0
