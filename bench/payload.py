"""Payload ingest (METRICS.md §2a) against its floor: `python -m bench.payload [--records N ...]`.

    python -m bench.payload                        100k and 1M records, .json, 1 run each
    python -m bench.payload --records 100000 --runs 3 --format jsonl
    python -m bench.payload floor FILE DB          (child) DuckDB reads the file itself into a table

The floor is DuckDB reading the same file into a database file with `read_json` and
its own types (auto-detected), as a user would with no rules at all; the figure is
`hoaan ingest FILE` into a new database, both whole child processes (bench.measure).
Goal (issue 9): ingest ≤ 2× the floor. Prints one line per size and the results as JSON.

The payload files are generated here by DuckDB itself (`COPY ... (FORMAT json)`),
with the personal keys, lists and processing log a real payload carries, and kept
under bench/data/payload-<format>-<records>/ for later runs. (Once `hoaan synth
--format json` exists, the suite may use it instead; this generator keeps the bench
independent of it.)
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

from bench.measure import Figure, run_measured
from bench.suite import ROOT, _hoaan, _python, _remove_db

UNITS = 124

# One statement, no Python loop: record i of a province of UNITS communes over five years.
# Numbers and strings alternate as real payloads do; 1 in 20 has a supplementation round,
# 1 in 5 leaves NgayKetThucXuLy empty (the log gives it), 1 in 10 is still open.
_GENERATE = """
copy (
    with base as (
        select
            i,
            timestamp '2022-01-03 07:30:00' + to_seconds(cast((i * 7919) % (5 * 365 * 86400 - 86400) as bigint))
                as received,
            case when i % 10 = 0 then 4 else 10 end as status
        from range($records) as t(i)
    )
    select
        {
            'MaHoSo': 'H56.' || (i % $units) || '-' || lpad(cast(i as varchar), 8, '0'),
            'MaTTHC': '2.000815',
            'TenTTHC': 'Chứng thực bản sao từ bản chính giấy tờ, văn bản',
            'MaLinhVuc': 'G01-CT',
            'TenLinhVuc': 'Chứng thực',
            'DonViXuLy': 'UBND xã số ' || (i % $units),
            'KenhThucHien': 1 + i % 3,
            'TrangThaiHoSo': cast(status as varchar),
            'LoaiDoiTuong': 1 + i % 2,
            'NgayNopHoSo': strftime(received - interval 2 hour, '%Y%m%d%H%M%S'),
            'NgayTiepNhan': strftime(received, '%Y%m%d%H%M%S'),
            'NgayHenTra': strftime(received + interval 1 day, '%Y%m%d%H%M%S'),
            'NgayKetThucXuLy': case when status = 4 or i % 5 = 0 then ''
                                    else strftime(received + interval 3 hour, '%Y%m%d%H%M%S') end,
            'NgayTra': strftime(received + interval 5 hour, '%Y%m%d%H%M%S'),
            'DuocThanhToanTrucTuyen': i % 3,
            'CoPhanAnhKienNghi': cast(i % 50 = 0 as integer),
            'TaiKhoanDuocXacThucVoiVNeID': cast(i % 2 as varchar),
            'ChuHoSo': 'Nguyễn Văn Người Nộp ' || i,
            'SoGiayToChuHoSo': lpad(cast(i as varchar), 12, '0'),
            'SoDienThoai': '09' || lpad(cast(i % 100000000 as varchar), 8, '0'),
            'Email': 'nguoinop' || i || '@gmail.com',
            'DiaChi': 'Thôn ' || (i % 40) || ', xã số ' || (i % $units) || ', tỉnh Tuyên Quang',
            'DinhDanhCHS': [{'LoaiDinhDanh': 1, 'SoDinhDanh': lpad(cast(i as varchar), 12, '0')}],
            'TrichYeuHoSo': 'Chứng thực bản sao - ông Nguyễn Văn Người Nộp ' || i,
            'GhiChu': '',
            'DanhSachLePhi': [{'TenPhiLePhi': 'Lệ phí', 'Gia': cast((i % 4) * 2000 as varchar),
                               'HinhThucThu': case when i % 3 = 1 then 'Thanh toán trực tuyến' else 'Tiền mặt' end}],
            'HoSoCoThanhPhanSoHoa': i % 2,
            'TaiLieuNop': [
                {'TenTepDinhKem': 'Tờ khai - Người Nộp ' || i || '.pdf', 'IsDeleted': false, 'DuocSoHoa': i % 2,
                 'DuocLayTuKhoDMQG': cast(i % 3 = 0 as integer),
                 'DuongDanTaiTepTin': 'https://motcua.example.gov.vn/files/' || md5(cast(i as varchar)) || '.pdf'},
                {'TenTepDinhKem': 'CCCD.pdf', 'IsDeleted': i % 7 = 0, 'DuocSoHoa': 0, 'DuocLayTuKhoDMQG': 0,
                 'DuongDanTaiTepTin': 'https://motcua.example.gov.vn/files/' || md5(cast(-i as varchar)) || '.pdf'}
            ],
            'DanhSachGiayToKetQua': [{'TenGiayTo': 'Bản sao chứng thực', 'TenTepDinhKem': 'KQ_' || i || '.pdf',
                                      'DuongDanTepTinKetQua': case when i % 4 = 0 then ''
                                          else 'https://motcua.example.gov.vn/kq/' || md5(cast(i as varchar)) || '.pdf' end}],
            'DanhSachHoSoBoSung': case when i % 20 = 0 then [
                {'NgayBoSung': strftime(received + interval 1 hour, '%Y%m%d%H%M%S'),
                 'NgayTiepNhanBoSung': strftime(received + interval 2 hour, '%Y%m%d%H%M%S'),
                 'NguoiYeuCauBoSung': 'Lê Thị Cán Bộ', 'NoiDungBoSung': 'Bổ sung bản chính'}] else [] end
        } as hoSo,
        [
            {'MaHoSo': 'H56.' || (i % $units) || '-' || lpad(cast(i as varchar), 8, '0'), 'TrangThai': 2,
             'ThoiDiemXuLy': strftime(received, '%Y%m%d%H%M%S'), 'NguoiXuLy': 'Ma Văn Cường',
             'ChucDanh': 'Công chức', 'NoiDungXuLy': 'Tiếp nhận hồ sơ'},
            {'MaHoSo': 'H56.' || (i % $units) || '-' || lpad(cast(i as varchar), 8, '0'), 'TrangThai': 4,
             'ThoiDiemXuLy': strftime(received + interval 1 hour, '%Y%m%d%H%M%S'), 'NguoiXuLy': 'Lê Thị Mai',
             'ChucDanh': 'Công chức', 'NoiDungXuLy': 'Chuyển xử lý'},
            {'MaHoSo': 'H56.' || (i % $units) || '-' || lpad(cast(i as varchar), 8, '0'), 'TrangThai': 9,
             'ThoiDiemXuLy': strftime(received + interval 3 hour, '%Y%m%d%H%M%S'), 'NguoiXuLy': 'Quan Văn Khoa',
             'ChucDanh': 'Công chức', 'NoiDungXuLy': 'Hoàn thành xử lý'}
        ] as tienTrinhDongBo
    from base
) to '{path}' (format json, array {array})
"""


def payload_path(data_dir: Path, fmt: str, records: int) -> Path:
    """The payload file of `records` records (fmt 'json' or 'jsonl'), generated on first use."""
    import duckdb

    folder = Path(data_dir) / f"payload-{fmt}-{records}"
    path = folder / f"payload_{records}.{fmt}"
    if path.is_file():
        return path
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    # COPY takes no parameter for its target: the path is ours (bench/data), never user input.
    target = str(partial / path.name).replace("'", "''")
    statement = _GENERATE.replace("{path}", target).replace("{array}", "true" if fmt == "json" else "false")
    con = duckdb.connect()
    con.execute(statement, {"records": records, "units": UNITS})
    con.close()
    partial.rename(folder)
    return path


def floor(path: str, db_path: str) -> dict:
    """The floor: DuckDB reads the payload into a table of a database file, with its own types."""
    import duckdb

    start = time.perf_counter()
    con = duckdb.connect(db_path)
    con.execute("create table raw as select * from read_json($path)", {"path": path}).fetchall()
    rows = con.execute("select count(*) from raw").fetchall()[0][0]
    con.close()
    return {"rows": rows, "seconds_inside": time.perf_counter() - start}


def measure(records: int, fmt: str, runs: int, data_dir: Path) -> dict:
    """Floor and ingest, interleaved (same noise), `runs` times each; medians."""
    path = payload_path(data_dir, fmt, records)
    work = data_dir / "work"
    work.mkdir(parents=True, exist_ok=True)
    floor_db, ingest_db = work / f"payload-floor-{records}.duckdb", work / f"payload-{records}.duckdb"
    figures = {"floor": Figure(), "ingest": Figure()}
    for _ in range(runs):
        _remove_db(floor_db)
        figures["floor"].runs.append(run_measured(
            [_python(), "-m", "bench.payload", "floor", path, floor_db], cwd=ROOT))
        _remove_db(ingest_db)
        figures["ingest"].runs.append(run_measured(_hoaan("ingest", path, "--db", ingest_db, "--json"), cwd=ROOT))
    loaded = json.loads(figures["ingest"].runs[-1].stdout)
    _remove_db(floor_db)
    _remove_db(ingest_db)
    return {"records": records, "format": fmt, "file_mb": path.stat().st_size / 1e6, "runs": runs,
            "floor_seconds": figures["floor"].seconds, "ingest_seconds": figures["ingest"].seconds,
            "ratio": figures["ingest"].seconds / figures["floor"].seconds,
            "floor_peak_rss_mb": figures["floor"].peak_rss_mb, "ingest_peak_rss_mb": figures["ingest"].peak_rss_mb,
            "loaded": loaded["loaded"], "set_aside": loaded["set_aside"]}


def main(argv: list[str]) -> int:
    if argv[:1] == ["floor"]:
        print(json.dumps(floor(*argv[1:])))
        return 0
    parser = argparse.ArgumentParser(prog="python -m bench.payload", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--format", choices=("json", "jsonl"), default="json")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--data-dir", type=Path, default=ROOT / "bench" / "data")
    args = parser.parse_args(argv)
    results = []
    for records in args.records:
        result = measure(records, args.format, args.runs, args.data_dir)
        results.append(result)
        print(f"payload {args.format} {records:,} records ({result['file_mb']:,.0f} MB): floor "
              f"{result['floor_seconds']:.2f} s, ingest {result['ingest_seconds']:.2f} s, "
              f"{result['ratio']:.2f}× the floor (goal ≤ 2×)", file=sys.stderr, flush=True)
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
