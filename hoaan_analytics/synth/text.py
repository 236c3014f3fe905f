"""One export's view of the truth: the snapshot at its date, the values as text, the harmless mess."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import polars as pl

from hoaan_analytics.synth import names
from hoaan_analytics.synth.population import Population
from hoaan_analytics.synth.spec import (
    APPLICANT_TYPES,
    CHANNEL_NAMES,
    DAY,
    PAYMENT_METHODS,
    RATINGS,
    STATUS_NAMES,
    TEXT_COLUMNS,
    ExportSpec,
)


def snapshot(truth: dict[str, np.ndarray], keep: np.ndarray, as_of_end: int,
              rng: np.random.Generator) -> dict[str, np.ndarray]:
    """The dossiers of `keep` as an export made at `as_of_end` (exclusive, epoch s) shows them."""
    s = {k: v[keep] for k, v in truth.items()}
    n = len(s["day"])
    final, fin, ret = s["final"], s["finished"], s["returned"]
    closed = (fin >= 0) & (fin < as_of_end)
    returned = closed & (ret >= 0) & (ret < as_of_end)
    waiting = ((s["requested"] >= 0) & (s["requested"] < as_of_end) & (
        (s["completed"] < 0) | (s["completed"] >= as_of_end))) | (
        (s["requested2"] >= 0) & (s["requested2"] < as_of_end) & (s["completed2"] >= as_of_end))
    u = rng.random(n)
    just_in = s["received"] >= as_of_end - DAY
    open_status = np.select([waiting, (s["fee"] > 0) & (u < 0.12), just_in | (u < 0.3)], [5, 6, 2], 4)
    status = np.where(final == 1, 1, np.where(final == 3, 3, open_status))
    status = np.where(closed & ((final == 7) | (final == 8)), final, status)
    status = np.where(closed & (final == 0), np.where(returned, 10, 9), status)
    s["status"] = status
    s["finished"] = np.where(closed, fin, -1)
    s["returned"] = np.where(returned, ret, -1)
    asked = (s["requested"] >= 0) & (s["requested"] < as_of_end)
    s["requested"] = np.where(asked, s["requested"], -1)
    s["completed"] = np.where(asked & (s["completed"] < as_of_end), s["completed"], -1)
    asked2 = asked & (s["requested2"] >= 0) & (s["requested2"] < as_of_end)
    s["requested2"] = np.where(asked2, s["requested2"], -1)
    s["completed2"] = np.where(asked2 & (s["completed2"] < as_of_end), s["completed2"], -1)
    s["sup_count"] = np.where(asked, np.where(asked2, 2, 1), 0)
    # an electronic result exists once the dossier is processed
    s["result_file"] = s["result_file"] & ((status == 9) | (status == 10))
    s["rating"] = np.where(closed & (final == 0), s["rating"], -1)
    return s


def timestamps(seconds: np.ndarray, fmt: str) -> pl.Series:
    values = pl.Series(np.where(seconds >= 0, seconds, 0)).cast(pl.Int64)
    text = pl.from_epoch(values, time_unit="s").dt.strftime(fmt)
    return pl.select(pl.when(pl.Series(seconds >= 0)).then(text).otherwise(None)).to_series()


def pick(values: Sequence[str], idx: np.ndarray) -> pl.Series:
    """values[idx], None where idx < 0."""
    table = pl.Series(list(values), dtype=pl.String)
    picked = table.gather(np.where(idx >= 0, idx, 0))
    return pl.select(pl.when(pl.Series(idx >= 0)).then(picked).otherwise(None)).to_series()


def _digits(values: np.ndarray, width: int) -> pl.Series:
    return pl.Series(values).cast(pl.String).str.zfill(width)


@dataclass
class TextStyle:
    """How one export writes values."""

    date_fmt: str
    status_as: str

    def frame(self, s: dict[str, np.ndarray], population: Population) -> pl.DataFrame:
        cat = population.cat
        day_text = pl.Series(population.cal.days[s["day"]].astype(str))
        yymmdd = day_text.str.slice(2, 2) + day_text.str.slice(5, 2) + day_text.str.slice(8, 2)
        female = s["female"]
        middle = np.where(female, s["middle"] + 10, s["middle"])
        given = np.where(female, s["given"] + 30, s["given"])
        birth = s["birth_year"]
        gender_century = np.where(female, 1, 0) + np.where(birth >= 2000, 2, 0)
        kinds = [c[0] for c in population.unit_communes]
        communes = [c[1] for c in population.unit_communes]
        village = pl.select(
            pl.when(pl.Series(s["village_named"] >= 0))
            .then(pick(names.VILLAGES, s["village_named"]))
            .otherwise(_digits(s["village_no"], 1))).to_series()
        home_kind = pick(kinds, s["home_unit"])
        hamlet = pl.select(pl.when(home_kind == "phường").then(pl.lit("Tổ dân phố "))
                           .otherwise(pl.lit("Thôn "))).to_series()
        status_text = (_digits(s["status"], 1) if self.status_as == "code"
                       else pick([STATUS_NAMES.get(i, "") for i in range(11)], s["status"]))
        channel_text = (_digits(s["channel"], 1) if self.status_as == "code"
                        else pick([CHANNEL_NAMES.get(i, "") for i in range(4)], s["channel"]))
        if self.status_as == "code":
            flag_words, type_text = ("0", "1"), _digits(s["applicant_type"], 1)
        else:
            flag_words = ("Không", "Có")
            type_text = pick([APPLICANT_TYPES.get(i, "") for i in range(5)], s["applicant_type"])
        flags = {column: pick(flag_words, s[key].astype(np.int64)) for column, key in (
            ("has_component_files", "comp"), ("has_reused_data", "reused"), ("from_citizen_store", "store"),
            ("has_result_file", "result_file"), ("vneid_verified", "vneid"), ("has_complaint", "complaint"))}
        return pl.DataFrame({
            "dossier_id": pick(population.unit_codes, s["unit"]) + "-" + yymmdd + "-" + _digits(s["seq"], 5),
            "procedure_code": pick(cat.codes, s["proc"]),
            "procedure_name": pick(cat.names, s["proc"]),
            "field_name": pick(cat.fields, s["proc"]),
            "unit_name": pick(population.unit_names, s["unit"]),
            "channel": channel_text,
            "status": status_text,
            "received_at": timestamps(s["received"], self.date_fmt),
            "due_at": timestamps(s["due"], self.date_fmt),
            "finished_at": timestamps(s["finished"], self.date_fmt),
            "returned_at": timestamps(s["returned"], self.date_fmt),
            "supplement_requested_at": timestamps(s["requested"], self.date_fmt),
            "supplement_completed_at": timestamps(s["completed"], self.date_fmt),
            "supplement_count": pick(["", "1", "2"], np.where(s["sup_count"] > 0, s["sup_count"], -1)),
            "fee_amount": _digits(s["fee"], 1),
            "payment_method": pick(PAYMENT_METHODS, np.where(s["method"] <= 2, s["method"], -1)),
            "paid_online": pick(["", "1", "2"], np.where(s["paid_online"] > 0, s["paid_online"], -1)),
            "rating": pick(RATINGS, s["rating"]),
            "applicant_name": (pick([f for f, _ in names.FAMILY_NAMES], s["family"]) + " "
                               + pick(names.MIDDLE_NAMES_MALE + names.MIDDLE_NAMES_FEMALE, middle) + " "
                               + pick(names.GIVEN_NAMES_MALE + names.GIVEN_NAMES_FEMALE, given)),
            "applicant_id_number": (pick([p for p, _ in names.CCCD_PROVINCES], s["cccd_province"])
                                    + _digits(gender_century, 1) + _digits(birth % 100, 2)
                                    + _digits(s["cccd_tail"], 6)),
            "applicant_phone": pick(names.MOBILE_PREFIXES, s["phone_prefix"]) + _digits(s["phone_tail"], 7),
            "applicant_address": (hamlet + village + ", " + home_kind + " "
                                  + pick(communes, s["home_unit"]) + ", tỉnh " + names.PROVINCE),
            "submitted_at": timestamps(s["submitted"], self.date_fmt),
            "applicant_type": type_text,
            **flags,
        })


def random_mask(rng: np.random.Generator, n: int, share: float) -> np.ndarray:
    return rng.random(n) < share if share > 0 else np.zeros(n, dtype=bool)


def apply_messiness(frame: pl.DataFrame, s: dict[str, np.ndarray], spec: ExportSpec,
                     status_as: str, known: np.ndarray, bad_mask: np.ndarray,
                     rng: np.random.Generator) -> pl.DataFrame:
    """Harmless mess of real exports; planted bad rows are left as planted."""
    m = spec.messiness
    n = frame.height
    blank_channel = random_mask(rng, n, m.blank_channel_share) & (s["channel"] == 1) & ~bad_mask
    blank_due = random_mask(rng, n, m.blank_due_share) & known[s["proc"]] & ~bad_mask
    blank_fee = random_mask(rng, n, m.blank_fee_share) & (s["fee"] == 0)
    padded = random_mask(rng, n, m.padded_text_share)
    nfd = random_mask(rng, n, m.nfd_share)
    exprs = [
        pl.when(pl.Series(blank_channel)).then(None).otherwise(pl.col("channel")).alias("channel"),
        pl.when(pl.Series(blank_due)).then(None).otherwise(pl.col("due_at")).alias("due_at"),
        pl.when(pl.Series(blank_fee)).then(None).otherwise(pl.col("fee_amount")).alias("fee_amount"),
        pl.when(pl.Series(padded)).then(pl.lit("  ") + pl.col("unit_name") + pl.lit(" "))
        .otherwise(pl.col("unit_name")).alias("unit_name"),
    ]
    if status_as == "text":
        exprs.append(pl.when(pl.Series(padded)).then(pl.col("status").str.to_lowercase() + pl.lit(" "))
                     .otherwise(pl.col("status")).alias("status"))
    frame = frame.with_columns(exprs)
    return frame.with_columns(
        pl.when(pl.Series(nfd)).then(pl.col(c).str.normalize("NFD")).otherwise(pl.col(c)).alias(c)
        for c in TEXT_COLUMNS)
