"""The dossiers' one truth: units, procedures, receipt days and everything that happens to each dossier."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from hoaan_analytics import catalogue
from hoaan_analytics.paths import params_dir
from hoaan_analytics.synth import names
from hoaan_analytics.synth.spec import (
    CHUNK_ROWS,
    CUTOFF_15H,
    DAY,
    DUE_TIME,
    FIELD_CODES,
    OFFICE_AFTERNOON,
    OFFICE_MORNING,
    ONLINE_BASE,
    PROCEDURE_FEES,
    PROCEDURE_WEIGHTS,
    UNKNOWN_PROCEDURES,
)
from hoaan_analytics.synth.working_days import WorkingDays


@dataclass
class _Catalogue:
    codes: list[str]
    names: list[str]
    fields: list[str]
    statutory: np.ndarray
    cutoff: np.ndarray
    known: np.ndarray
    p: np.ndarray
    online_base: np.ndarray
    fee_amounts: list[tuple[int, ...]]
    fee_weights: list[tuple[int, ...]]
    paper_result: np.ndarray   # the catalogue's paper_result (unknown: 1, as most results are)
    field_codes: list[str]

    @classmethod
    def load(cls, path: Path) -> _Catalogue:
        # the package's reader, so that a catalogue it refuses is refused here too
        frame = catalogue.read_catalogue(path)
        rows = [(r["procedure_code"], r["procedure_name"] or r["procedure_code"], r["field_name"] or "Khác",
                 int(r["statutory_days"]), bool(r["cutoff_15h"]), True,
                 r["has_fee"] if r["has_fee"] is not None else r["procedure_code"] in PROCEDURE_FEES,
                 r["paper_result"] if r["paper_result"] is not None else True)
                for r in frame.iter_rows(named=True)]
        rows += [(code, name, fld, days, False, False, code in PROCEDURE_FEES, True)
                 for code, name, fld, days in UNKNOWN_PROCEDURES]
        weights = np.array([PROCEDURE_WEIGHTS.get(r[0], 3) for r in rows], dtype=float)
        # a fee only where the catalogue says the procedure has one; 10,000 đồng when it does
        # but PROCEDURE_FEES does not know how much
        fees = [PROCEDURE_FEES.get(r[0], ((10_000,), (1,))) if r[6] else ((0,), (1,)) for r in rows]
        return cls(codes=[r[0] for r in rows], names=[r[1] for r in rows],
                   fields=[r[2] for r in rows],
                   statutory=np.array([r[3] for r in rows]), cutoff=np.array([r[4] for r in rows]),
                   known=np.array([r[5] for r in rows]), p=weights / weights.sum(),
                   online_base=np.array([ONLINE_BASE.get(r[2], 0.35) for r in rows]),
                   fee_amounts=[f[0] for f in fees], fee_weights=[f[1] for f in fees],
                   paper_result=np.array([r[7] for r in rows], dtype=bool),
                   field_codes=[FIELD_CODES.get(r[2], "G99") for r in rows])


def default_export_date(years: Sequence[int] | range) -> date:
    return date(max(years), 11, 20)


@dataclass
class Population:
    seed: int
    unit_indexes: list[int]
    unit_names: list[str]
    unit_codes: list[str]
    unit_communes: list[tuple[str, str]]
    export_date: date
    cal: WorkingDays
    cat: _Catalogue
    cell_day: np.ndarray      # calendar position of each non-empty (day, unit) cell, sorted
    cell_unit: np.ndarray     # position in unit_indexes
    cell_count: np.ndarray
    data_first_pos: int
    data_span: int
    unit_online: np.ndarray
    unit_late: np.ndarray
    chunk_bounds: list[tuple[int, int]] = field(default_factory=list)  # cell ranges

    @classmethod
    def build(cls, *, units: int | Sequence[int], years: Sequence[int] | range,
              rows: int | None, dossiers_per_unit_year: int, seed: int,
              export_date: date | None,
              procedures_csv: str | os.PathLike[str] | None) -> Population:
        years = sorted(set(int(y) for y in years))
        if not years:
            raise ValueError("years is empty")
        if isinstance(units, int):
            if units < 1:
                raise ValueError("units must be at least 1")
            unit_indexes = list(range(units))
        else:
            unit_indexes = [int(u) for u in units]
        export_date = export_date or default_export_date(years)
        first = date(years[0], 1, 1)
        last_received = min(date(years[-1], 12, 31), export_date)
        if last_received < first:
            raise ValueError(f"export date {export_date} is before the first year {years[0]}")
        cal = WorkingDays(first, max(last_received, export_date) + timedelta(days=400))
        cat = _Catalogue.load(Path(procedures_csv) if procedures_csv
                              else params_dir() / "procedures.csv")
        rng = np.random.default_rng([seed, 0])

        unit_names, unit_codes, communes = [], [], []
        for u in unit_indexes:
            kind, name = names.UNITS[u % len(names.UNITS)]
            if u >= len(names.UNITS):  # beyond the list: a numbered twin, still unique
                name = f"{name} {u // len(names.UNITS) + 1}"
            unit_names.append(f"UBND {kind} {name}")
            unit_codes.append(f"H56.{10 + u}")
            communes.append((kind, name))
        n_units = len(unit_indexes)
        size = rng.lognormal(0.0, 0.45, n_units)
        size /= size.mean()
        unit_online = rng.normal(0.0, 0.06, n_units)
        unit_late = rng.normal(0.0, 0.02, n_units)

        last_pos = cal.pos(last_received)
        positions = np.arange(0, last_pos + 1)
        day_years = cal.days[positions].astype("datetime64[Y]").astype(int) + 1970
        in_years = np.isin(day_years, years) & cal.is_work[positions]
        day_pos = positions[in_years]
        month = cal.days[day_pos].astype("datetime64[M]").astype(int) % 12 + 1
        weekday = cal.weekday[day_pos]
        month_factor = np.array([1.15, 0.75, 1.0, 1.0, 1.0, 1.0, 1.0, 1.05, 1.0, 1.0, 1.05, 1.1])
        weekday_factor = np.array([1.25, 1.05, 1.0, 1.0, 0.9, 0.8, 0.8])
        growth = 1.0 + 0.05 * (day_years[in_years] - years[0])
        day_weight = month_factor[month - 1] * weekday_factor[weekday] * growth

        if rows is None:
            # a full year of each unit = dossiers_per_unit_year x its size
            full = 0.0
            for y in years:
                in_y = day_years[in_years] == y
                y_days = cal.is_work[cal.pos(date(y, 1, 1)):cal.pos(date(y, 12, 31)) + 1]
                full += in_y.sum() / max(int(y_days.sum()), 1)
            rows = int(round(dossiers_per_unit_year * n_units * full))
        if rows < 0:
            raise ValueError("rows must not be negative")
        weights = np.outer(day_weight, size).ravel()
        counts = rng.multinomial(rows, weights / weights.sum()).reshape(len(day_pos), n_units)
        nz_day, nz_unit = np.nonzero(counts)  # row-major: sorted by day, then unit
        population = cls(seed=seed, unit_indexes=unit_indexes, unit_names=unit_names,
                         unit_codes=unit_codes, unit_communes=communes, export_date=export_date,
                         cal=cal, cat=cat, cell_day=day_pos[nz_day], cell_unit=nz_unit,
                         cell_count=counts[nz_day, nz_unit],
                         data_first_pos=int(day_pos[0]) if len(day_pos) else 0,
                         data_span=max(int(day_pos[-1] - day_pos[0]) if len(day_pos) else 1, 1),
                         unit_online=unit_online, unit_late=unit_late)
        population._plan_chunks()
        return population

    def _plan_chunks(self) -> None:
        # whole days per chunk, so that ids numbered per (unit, day) never straddle two chunks
        bounds, start, acc = [], 0, 0
        day_change = np.flatnonzero(np.diff(self.cell_day)) + 1
        day_starts = np.concatenate([[0], day_change, [len(self.cell_day)]])
        day_rows = np.add.reduceat(self.cell_count, day_starts[:-1]) if len(self.cell_day) else []
        for i, n in enumerate(day_rows):
            acc += int(n)
            if acc >= CHUNK_ROWS:
                bounds.append((start, int(day_starts[i + 1])))
                start, acc = int(day_starts[i + 1]), 0
        if start < len(self.cell_day):
            bounds.append((start, len(self.cell_day)))
        self.chunk_bounds = bounds

    def chunks(self) -> Iterator[tuple[int, int]]:
        yield from self.chunk_bounds

    def cells_rows(self, keep_unit: np.ndarray, from_pos: int, to_pos: int) -> np.ndarray:
        """Rows per chunk of an export that keeps these units and receipt days."""
        keep = keep_unit[self.cell_unit] & (self.cell_day >= from_pos) & (self.cell_day <= to_pos)
        kept = np.where(keep, self.cell_count, 0)
        return np.array([kept[a:b].sum() for a, b in self.chunk_bounds], dtype=np.int64)

    # ------------------------------------------------------------------ one chunk of dossiers

    def truth(self, chunk: tuple[int, int], chunk_no: int) -> dict[str, np.ndarray]:
        """Every dossier of a chunk as it finally happens, sorted by receipt time."""
        a, b = chunk
        rng = np.random.default_rng([self.seed, 1, chunk_no])
        # the fields of METRICS.md §2 added for the 766 scorecard draw from their own stream,
        # so that adding them left every earlier value of a seed as it was
        extra = np.random.default_rng([self.seed, 5, chunk_no])
        cal, cat = self.cal, self.cat
        day = np.repeat(self.cell_day[a:b], self.cell_count[a:b])
        unit = np.repeat(self.cell_unit[a:b], self.cell_count[a:b])
        n = len(day)
        t = (day - self.data_first_pos) / self.data_span  # 0 at the first day, 1 at the last

        proc = rng.choice(len(cat.codes), size=n, p=cat.p)
        p_online = np.clip(cat.online_base[proc] + 0.30 * t + self.unit_online[unit], 0.02, 0.95)
        u = rng.random(n)
        channel = np.where(u < p_online, 2, np.where(u < p_online + 0.02, 3, 1))

        morning = rng.random(n) < 0.6
        tod = np.where(morning, rng.integers(*OFFICE_MORNING, n), rng.integers(*OFFICE_AFTERNOON, n))
        evening = (channel == 2) & (rng.random(n) < 0.04)
        tod = np.where(evening, rng.integers(17 * 3600, 21 * 3600, n), tod)
        received = cal.epoch[day] + tod

        n_eff = cat.statutory[proc] + (cat.cutoff[proc] & (tod >= CUTOFF_15H))
        due = cal.epoch[cal.add_working_days(day, n_eff)] + DUE_TIME

        # final outcome: 1 never received, 3 refused, 7 withdrawn, 8 stopped, 0 processed
        u = rng.random(n)
        final = np.select([u < 0.003, u < 0.008, u < 0.023, u < 0.035], [1, 3, 7, 8], 0)

        late_p = np.clip(0.10 - 0.05 * t + self.unit_late[unit], 0.01, 0.3)
        r = rng.random(n)
        late = r < late_p
        stuck = r < 0.004
        early = (r >= late_p) & (r < late_p + 0.42) & (n_eff >= 1)
        shift = np.zeros(n, dtype=np.int64)
        shift = np.where(early, -(np.floor(rng.random(n) * n_eff).astype(np.int64) + 1), shift)
        shift = np.where(late, rng.integers(1, 6, n), shift)
        shift = np.where(stuck, rng.integers(10, 41, n), shift)
        finish_offset = np.maximum(n_eff + shift, 0)
        withdrawn = (final == 7) | (final == 8)
        finish_offset = np.where(withdrawn, np.floor(rng.random(n) * (n_eff + 1)).astype(np.int64),
                                 finish_offset)
        finish_day = cal.add_working_days(day, finish_offset)
        same_day = finish_offset == 0
        office = self._office_times(rng, n)
        base_finish = np.where(same_day, received + rng.integers(300, 4 * 3600, n),
                               cal.epoch[finish_day] + office)

        # supplementation: first request before the finish day, pause added as a duration
        sup = (final == 0) & (finish_offset >= 1) & (rng.random(n) < 0.07)
        req_offset = np.floor(rng.random(n) * finish_offset).astype(np.int64)
        req_day = cal.add_working_days(day, req_offset)
        requested = np.where(req_offset == 0, received + rng.integers(600, 7200, n),
                             cal.epoch[req_day] + self._office_times(rng, n))
        pause = (np.minimum(rng.exponential(2.5 * DAY, n), 20 * DAY) + 3600).astype(np.int64)
        sup_count = np.where(sup, 1 + (rng.random(n) < 0.15), 0)
        finished = np.where(sup, base_finish + pause, base_finish)

        never_returned = rng.random(n) < 0.08
        quick = (channel == 2) & (rng.random(n) < 0.5)
        delay = np.where(quick, rng.integers(60, 7200, n),
                         (np.minimum(rng.exponential(1.2 * DAY, n), 10 * DAY) + 1800).astype(np.int64))
        returned_ok = (final == 0) & ~never_returned

        fee_amount = np.zeros(n, dtype=np.int64)
        for i in np.unique(proc):
            amounts, w = cat.fee_amounts[i], np.array(cat.fee_weights[i], dtype=float)
            at = proc == i
            fee_amount[at] = np.array(amounts)[rng.choice(len(amounts), size=int(at.sum()), p=w / w.sum())]
        # payment: 0 cash, 1 transfer, 2 online payment, 3 not given
        u = rng.random(n)
        online = channel == 2
        cash_p = np.where(online, 0.15, 0.62 - 0.22 * t)
        transfer_p = np.where(online, 0.25, 0.30 + 0.15 * t)
        pay_online_p = np.where(online, 0.55, 0.03 + 0.05 * t)
        method = np.select([u < cash_p, u < cash_p + transfer_p, u < cash_p + transfer_p + pay_online_p],
                           [0, 1, 2], 3)
        # a few fee procedures' dossiers are exempt (người có công, hộ nghèo): fee 0, not unknown
        fee_amount = np.where(extra.random(n) < 0.03, 0, fee_amount)
        method = np.where(fee_amount > 0, method, -1)
        paid_online = np.where(method == 2, 1 + (rng.random(n) < 0.5), 0)

        effective_late = (finish_day > cal.add_working_days(day, n_eff)) | (sup_count > 1)
        rated = (final == 0) & (rng.random(n) < 0.30 + 0.20 * t)
        unhappy = rng.random(n) < np.where(effective_late, 0.25, 0.04)
        rating = np.where(~rated, -1, np.where(unhappy, 2, (rng.random(n) < 0.38).astype(np.int64)))

        # second supplementation round, between the first answer and the finish
        gap = np.maximum(finished - (requested + pause), 1)
        requested2 = np.minimum(requested + pause + 600 + (extra.random(n) * 0.5 * gap).astype(np.int64),
                                finished - 1)
        completed2 = requested2 + (extra.random(n) * 0.8 * np.maximum(finished - requested2, 0)).astype(np.int64)
        second = sup_count > 1

        online = channel == 2
        lead = np.where(extra.random(n) < 0.55, extra.integers(600, 8 * 3600, n),
                        extra.integers(8 * 3600, 3 * DAY, n))
        submitted = np.where(online, received - lead, received)
        business = np.array([f == "Thành lập và hoạt động của hộ kinh doanh" for f in cat.fields])[proc]
        land = np.array([f in ("Đất đai", "Xây dựng") for f in cat.fields])[proc]
        business_p = np.where(business, 0.6, np.where(land, 0.06, 0.01))
        u = extra.random(n)
        applicant_type = np.select([u < business_p, u < business_p + 0.004, u < business_p + 0.008],
                                   [2, 3, 4], 1)
        # digitisation (Đề án 06): online dossiers come with files, the counter scans more each year
        comp = extra.random(n) < np.where(online, 0.80 + 0.15 * t, 0.20 + 0.45 * t)
        reused = comp & (extra.random(n) < np.where(online, 0.20 + 0.30 * t, 0.05 + 0.20 * t))
        store = comp & (extra.random(n) < np.where(online, 0.15 + 0.20 * t, 0.02))
        paper = cat.paper_result[proc]
        result_p = np.where(paper, 0.45 + 0.35 * t, 0.25) + np.where(online, 0.10, 0.0)
        result_file = extra.random(n) < result_p
        vneid = extra.random(n) < np.where(online, 0.55 + 0.35 * t, 0.08 + 0.10 * t)
        complaint = ((final != 1) & (final != 3)
                     & (extra.random(n) < np.where(effective_late, 0.03, 0.002)))

        truth = {
            "day": day, "unit": unit, "proc": proc, "channel": channel, "received": received,
            "due": due, "final": final, "finished": np.where((final == 0) | withdrawn, finished, -1),
            "returned": np.where(returned_ok, finished + delay, -1),
            "requested": np.where(sup, requested, -1), "completed": np.where(sup, requested + pause, -1),
            "sup_count": sup_count, "fee": fee_amount, "method": method, "paid_online": paid_online,
            "rating": rating,
            "requested2": np.where(second, requested2, -1), "completed2": np.where(second, completed2, -1),
            "submitted": submitted, "applicant_type": applicant_type, "comp": comp, "reused": reused,
            "store": store, "result_file": result_file, "vneid": vneid, "complaint": complaint,
        }
        truth.update(self._people(rng, unit))
        order = np.argsort(received, kind="stable")
        truth = {k: v[order] for k, v in truth.items()}
        truth["seq"] = _rank_within(truth["unit"], truth["day"])
        return truth

    @staticmethod
    def _office_times(rng: np.random.Generator, n: int) -> np.ndarray:
        return np.where(rng.random(n) < 0.55, rng.integers(*OFFICE_MORNING, n),
                        rng.integers(*OFFICE_AFTERNOON, n))

    def _people(self, rng: np.random.Generator, unit: np.ndarray) -> dict[str, np.ndarray]:
        n = len(unit)
        fam_w = np.array([w for _, w in names.FAMILY_NAMES], dtype=float)
        prov_w = np.array([w for _, w in names.CCCD_PROVINCES], dtype=float)
        home = np.where(rng.random(n) < 0.9, unit, rng.integers(0, len(self.unit_indexes), n))
        return {
            "female": rng.random(n) < 0.5,
            "family": rng.choice(len(fam_w), size=n, p=fam_w / fam_w.sum()),
            "middle": rng.integers(0, 10, n),
            "given": rng.integers(0, 30, n),
            "birth_year": rng.integers(1950, 2007, n),
            "cccd_province": rng.choice(len(prov_w), size=n, p=prov_w / prov_w.sum()),
            "cccd_tail": rng.integers(0, 1_000_000, n),
            "phone_prefix": rng.integers(0, len(names.MOBILE_PREFIXES), n),
            "phone_tail": rng.integers(0, 10_000_000, n),
            "home_unit": home,
            "village_no": rng.integers(1, 31, n),
            "village_named": np.where(rng.random(n) < 0.3, rng.integers(0, len(names.VILLAGES), n), -1),
        }


def _rank_within(unit: np.ndarray, day: np.ndarray) -> np.ndarray:
    """0-based order of each row among the rows of its (unit, day), keeping row order."""
    if len(unit) == 0:
        return np.zeros(0, dtype=np.int64)
    key = day.astype(np.int64) * 1_000_000 + unit
    order = np.argsort(key, kind="stable")
    sorted_key = key[order]
    starts = np.concatenate([[True], sorted_key[1:] != sorted_key[:-1]])
    group_start = np.maximum.accumulate(np.where(starts, np.arange(len(key)), 0))
    rank = np.empty(len(key), dtype=np.int64)
    rank[order] = np.arange(len(key)) - group_start
    return rank
