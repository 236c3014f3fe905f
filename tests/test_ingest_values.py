"""Fees, payment method, paid_online, rating and supplement count as exports write them."""

from ingest_files import dossier, write_csv

from hoaan_analytics import db
from hoaan_analytics.ingest import ingest_files


def _load(con, params_dir, tmp_path, column, values):
    rows = [dossier(dossier_id=f"R{i:02d}", **{column: v}) for i, v in enumerate(values)]
    ingest_files(con, [write_csv(tmp_path / "v.csv", rows)], params_dir=params_dir)
    return [r[0] for r in db.query(con, f"select {column} from dossiers order by dossier_id").rows()]


def test_fee_amounts(con, params_dir, tmp_path):
    values = ["10000", "10.000", "10,000", "10,000.0", "10.000,0", "10000.0", "1.250.000", "10.000 đ",
              "10000 đồng", "", "0", "miễn phí", "10,5"]
    # thousands separators: 10.000 = 10,000 = 10000; decimals after the last separator
    # unless exactly three digits follow it; 10,5 -> 10.5 -> rounded 11; text -> no fee
    assert _load(con, params_dir, tmp_path, "fee_amount", values) == [
        10000, 10000, 10000, 10000, 10000, 10000, 1250000, 10000, 10000, None, 0, None, 11]


def test_rating_is_stored_in_its_standard_spelling(con, params_dir, tmp_path):
    values = ["RẤT HÀI LÒNG", "hài lòng", " Không  hài lòng ", "Bình thường", ""]
    assert _load(con, params_dir, tmp_path, "rating", values) == [
        "Rất hài lòng", "Hài lòng", "Không hài lòng", "Bình thường", None]


def test_payment_method(con, params_dir, tmp_path):
    values = ["tiền mặt", "CHUYỂN KHOẢN", "Thanh toán trực tuyến", "Ví điện tử", None]
    assert _load(con, params_dir, tmp_path, "payment_method", values) == [
        "Tiền mặt", "Chuyển khoản", "Thanh toán trực tuyến", "Ví điện tử", None]


def test_paid_online_codes(con, params_dir, tmp_path):
    assert _load(con, params_dir, tmp_path, "paid_online", ["0", "1", "2", "", "có", "2.0"]) == [
        0, 1, 2, None, None, 2]


def test_supplement_count(con, params_dir, tmp_path):
    assert _load(con, params_dir, tmp_path, "supplement_count", ["1", "2.0", "", "hai"]) == [1, 2, None, None]


def test_text_is_trimmed(con, params_dir, tmp_path):
    assert _load(con, params_dir, tmp_path, "unit_name", ["  UBND xã Hòa An\t"]) == ["UBND xã Hòa An"]
