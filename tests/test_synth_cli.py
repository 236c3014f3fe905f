"""`hoaan synth`: arguments to files, plain errors."""

from __future__ import annotations

import polars as pl

from hoaan_analytics.cli import main


def test_synth_writes_the_requested_format(tmp_path, capsys):
    code = main(["synth", "--out", str(tmp_path), "--units", "2", "--years", "2026",
                 "--rows", "500", "--format", "csv", "--seed", "3", "--quiet"])
    assert code == 0
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["dossiers_dvcqg_2026-11-20.csv"]
    assert pl.read_csv(tmp_path / files[0], infer_schema=False).height == 500
    assert "500 rows" in capsys.readouterr().out


def test_synth_both_formats_and_export_date(tmp_path):
    code = main(["synth", "--out", str(tmp_path), "--units", "1", "--years", "2025",
                 "--rows", "100", "--export-date", "2025-12-31", "--quiet", "--bad-rows", "0"])
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "dossiers_dvcqg_2025-12-31.csv", "dossiers_vi_2025-12-31.xlsx"]


def test_synth_export_date_before_the_years_is_a_plain_error(tmp_path, capsys):
    code = main(["synth", "--out", str(tmp_path), "--years", "2026", "--export-date", "2025-01-01",
                 "--quiet"])
    assert code == 2
    assert "before the first year" in capsys.readouterr().err


def test_synth_writes_payload_json_and_jsonl(tmp_path):
    import json

    for fmt in ("json", "jsonl"):
        code = main(["synth", "--out", str(tmp_path / fmt), "--units", "2", "--years", "2026",
                     "--rows", "300", "--format", fmt, "--seed", "3", "--quiet"])
        assert code == 0
    (array,) = (tmp_path / "json").iterdir()
    (lines,) = (tmp_path / "jsonl").iterdir()
    assert array.name == "dossiers_payload_2026-11-20.json"
    assert lines.name == "dossiers_payload_2026-11-20.jsonl"
    records = json.loads(array.read_text(encoding="utf-8"))
    assert len(records) == 300 and set(records[0]) == {"hoSo", "tienTrinhDongBo"}
    assert [json.loads(line) for line in lines.read_text(encoding="utf-8").splitlines()] == records
