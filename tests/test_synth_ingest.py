"""The two formats of the same dossiers, each with its own harmless mess, load to the same KPIs."""

from __future__ import annotations

from pathlib import Path

import pytest

from hoaan_analytics import db, ingest, kpis, periods, synth

PARAMS = Path(__file__).resolve().parent.parent / "params"

# high shares of every kind of mess, so that a small file has each of them many times
MESSY = synth.Messiness(nfd_share=0.1, padded_text_share=0.05, blank_channel_share=0.1,
                        blank_due_share=0.05, blank_fee_share=0.5, date_only_share=0.1,
                        excel_date_share=0.1)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth_ingest")
    summaries = synth.synthesize(out, synth.default_specs(messiness=MESSY, bad_rows=2), units=3,
                                 years=(2025, 2026), rows=3000, seed=21)
    connections = {}
    for summary in summaries:
        con = db.connect(None)
        ingest.ingest_files(con, [summary.path], params_dir=PARAMS)
        connections[summary.file_format] = (con, summary)
    yield connections
    for con, _ in connections.values():
        con.close()


def test_each_format_sets_aside_exactly_its_planted_rows(loaded):
    for con, summary in loaded.values():
        stored = sorted(db.query(con, "select source_row from set_aside")["source_row"].to_list())
        assert stored == sorted(b.source_row for b in summary.bad_rows)
        assert len(stored) == 2 * len(synth.BAD_ROW_KINDS)


@pytest.mark.parametrize("period", ["2025-Q4", "2026-Q2", "2026-Q4"])
def test_same_kpis_from_either_format(loaded, period):
    csv_con, _ = loaded["csv"]
    xlsx_con, _ = loaded["xlsx"]
    parsed = periods.parse_period(period)
    assert kpis.compute_kpis(csv_con, parsed) == kpis.compute_kpis(xlsx_con, parsed)
