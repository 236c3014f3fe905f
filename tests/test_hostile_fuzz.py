"""Structural fuzzing of the loader: mutated exports end in a HoaanError with nothing changed, or load.

Mutations are cuts, deleted bytes, inserted structural bytes (quotes, delimiters,
line breaks, NUL, bytes invalid in UTF-8) and duplicated slices, seeded so that a
failure replays. Digits are never inserted: a mutated year (2026 -> 9026) is the
implausible-date case of test_hostile_dates.py, not a structural one.
"""

import random

import pytest
from ingest_files import dossier, write_csv, write_xlsx

from hoaan_analytics import db
from hoaan_analytics.errors import HoaanError
from hoaan_analytics.ingest import ingest_files

STRUCTURAL = [b'"', b",", b";", b"\t", b"\r", b"\n", b"\r\n", b"\x00", b"\xff", b"\xc3", b"\xef\xbb\xbf", b"PK"]


def mutate(content: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(content) + 1)
        kind = rng.choice(("cut", "delete", "insert", "duplicate"))
        if kind == "cut":
            content = content[:at]
        elif kind == "delete":
            content = content[:at] + content[at + rng.randint(1, 16):]
        elif kind == "insert":
            content = content[:at] + rng.choice(STRUCTURAL) + content[at:]
        else:
            end = min(len(content), at + rng.randint(1, 200))
            content = content[:end] + content[at:end] + content[end:]
    return content


def _state(con):
    return [db.query(con, f"select * from {t} order by all") for t in ("dossiers", "set_aside")] + \
        [db.query(con, "select load_id, file_name, rows_read, loaded, set_aside from load_log order by all")]


def _originals(tmp_path):
    rows = [dossier(dossier_id=f"Z-{i}", unit_name=f"UBND xã Số {i % 3}") for i in range(12)]
    rows += [dossier(dossier_id="Z-open", status="Đang xử lý", finished_at=None)]
    return {"csv": write_csv(tmp_path / "orig.csv", rows).read_bytes(),
            "xlsx": write_xlsx(tmp_path / "orig.xlsx", rows, title_rows=["DANH SÁCH HỒ SƠ"]).read_bytes()}


def _fuzz(con, params_dir, tmp_path, cases: int, seed: int):
    originals = _originals(tmp_path)
    ingest_files(con, [write_csv(tmp_path / "base.csv", [dossier(dossier_id="BASE")])], params_dir=params_dir)
    rng = random.Random(seed)
    outcomes = {"refused": 0, "loaded": 0}
    for case in range(cases):
        fmt = "csv" if case % 2 == 0 else "xlsx"
        path = tmp_path / f"fuzz_{case}.{fmt}"
        path.write_bytes(mutate(originals[fmt], rng))
        before = _state(con)
        try:
            ingest_files(con, [path], params_dir=params_dir)
        except HoaanError as exc:
            assert path.name in str(exc), f"case {case}: the error does not name the file: {exc}"
            assert all(b.equals(a) for b, a in zip(before, _state(con), strict=True)), f"case {case}: partial load"
            outcomes["refused"] += 1
        else:
            assert db.scalar(con, "select count(*) from dossiers where dossier_id = 'BASE'") == 1
            outcomes["loaded"] += 1
    return outcomes


def test_fuzzed_exports_are_refused_or_loaded(con, params_dir, tmp_path):
    outcomes = _fuzz(con, params_dir, tmp_path, cases=24, seed=6)
    assert outcomes["refused"] > 0 and outcomes["loaded"] > 0  # both paths were exercised


@pytest.mark.slow
def test_fuzzed_exports_many_more(con, params_dir, tmp_path):
    outcomes = _fuzz(con, params_dir, tmp_path, cases=200, seed=2026)
    assert sum(outcomes.values()) == 200
