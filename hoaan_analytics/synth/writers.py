"""The flat writers: CSV appended chunk by chunk, XLSX in xlsxwriter's constant-memory mode."""

from __future__ import annotations

import csv
import hashlib
import io
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import polars as pl

from hoaan_analytics.synth.bad_rows import plant_bad_rows
from hoaan_analytics.synth.population import Population
from hoaan_analytics.synth.spec import (
    BAD_ROW_KINDS,
    DATE_COLUMNS,
    DAY,
    FORMATS,
    LABEL_SETS,
    LABELS,
    PAYLOAD_DATE_FORMAT,
    PAYLOAD_FORMATS,
    BadRow,
    ExportSpec,
    ExportSummary,
)
from hoaan_analytics.synth.text import TextStyle, apply_messiness, random_mask, snapshot


class Writer:
    def __init__(self, path: Path, spec: ExportSpec, population: Population, index: int) -> None:
        self.path, self.spec, self.population, self.index = path, spec, population, index
        self.as_of = spec.as_of or population.export_date
        self.label_set = spec.label_set or ("dvcqg" if spec.file_format == "csv" else "vi")
        if self.label_set not in LABEL_SETS:
            raise ValueError(f"unknown label set {self.label_set!r}: use one of {', '.join(LABEL_SETS)}")
        status_as = spec.status_as or ("code" if spec.file_format == "csv" else "text")
        date_fmt = "%Y-%m-%d %H:%M:%S" if self.label_set == "dvcqg" else "%d/%m/%Y %H:%M:%S"
        if spec.file_format in PAYLOAD_FORMATS:
            # the payload has one way to write values: codes and yyyyMMddHHmmss dates (METRICS.md §2a)
            status_as, date_fmt = "code", PAYLOAD_DATE_FORMAT
        self.text = TextStyle(date_fmt=date_fmt, status_as=status_as)
        column = 0 if self.label_set == "dvcqg" else 1
        self.columns = [(c, labels[column]) for c, labels in LABELS.items() if labels[column] is not None]
        self.summary = ExportSummary(path=path, file_format=spec.file_format, as_of=self.as_of)
        self.data_rows_written = 0
        cal = population.cal
        self.keep_unit = np.zeros(len(population.unit_indexes), dtype=bool)
        if spec.unit_indexes is None:
            self.keep_unit[:] = True
        else:
            wanted = set(spec.unit_indexes)
            self.keep_unit[[i for i, u in enumerate(population.unit_indexes) if u in wanted]] = True
        self.from_pos = cal.pos(spec.received_from) if spec.received_from else 0
        self.to_pos = cal.pos(self.as_of)
        self.as_of_end = int(cal.epoch[0] + (self.to_pos + 1) * DAY)
        self._plan_bad_rows()

    def _content_key(self) -> list[int]:
        # the same dossiers and bad rows for specs that differ only in how they are written
        units = repr(sorted(self.spec.unit_indexes)) if self.spec.unit_indexes is not None else "all"
        bad = repr(self.spec.bad_rows)
        digest = hashlib.sha256(f"{units}|{bad}".encode()).digest()
        return [self.population.seed, 2, self.from_pos, self.to_pos, int.from_bytes(digest[:8], "little")]

    def _format_key(self) -> int:
        # JSON and JSONL hold the same records, written as an array or one a line
        fmt = self.spec.file_format
        return FORMATS.index("json" if fmt in PAYLOAD_FORMATS else fmt)

    def _plan_bad_rows(self) -> None:
        per_chunk = self.population.cells_rows(self.keep_unit, self.from_pos, self.to_pos)
        total = int(per_chunk.sum())
        bad = self.spec.bad_rows
        per_kind = int(bad) if isinstance(bad, int) else (max(1, round(total * bad)) if bad > 0 else 0)
        n_bad = min(per_kind * len(BAD_ROW_KINDS), total // 4)
        rng = np.random.default_rng(self._content_key())
        positions = np.sort(rng.choice(total, size=n_bad, replace=False)) if n_bad else np.zeros(0, int)
        kinds = rng.permutation(np.repeat(np.array(BAD_ROW_KINDS), per_kind))[:n_bad]
        offsets = np.concatenate([[0], np.cumsum(per_chunk)])
        self.bad_plan = {}
        chunk_of = np.searchsorted(offsets, positions, side="right") - 1
        for c in np.unique(chunk_of):
            at = chunk_of == c
            self.bad_plan[int(c)] = (positions[at] - offsets[c], kinds[at])

    def rows_for(self, truth: dict[str, np.ndarray], chunk_no: int
                 ) -> tuple[pl.DataFrame, dict[str, np.ndarray], np.ndarray]:
        """This export's rows of one chunk as text (bad rows planted, mess added), the snapshot, the bad-row mask."""
        keep = (self.keep_unit[truth["unit"]] & (truth["day"] >= self.from_pos)
                & (truth["day"] <= self.to_pos))
        s = snapshot(truth, keep, self.as_of_end, np.random.default_rng(self._content_key() + [chunk_no]))
        frame = self.text.frame(s, self.population)
        bad_mask = np.zeros(frame.height, dtype=bool)
        if chunk_no in self.bad_plan:
            wanted, kinds = self.bad_plan[chunk_no]
            # only clean closed rows, so that each planted row has exactly one reason
            eligible = np.isin(s["status"], (9, 10)) & self.population.cat.known[s["proc"]]
            local = _move_to_eligible(wanted, eligible)
            kinds = kinds[: len(local)]
            bad_rng = np.random.default_rng(self._content_key() + [chunk_no, 1])
            frame, planted, bad_mask = plant_bad_rows(frame, s, local, kinds, self.text, bad_rng)
            ids = frame["dossier_id"].to_list()
            first = self.summary.first_data_row + self.data_rows_written
            for row, kind, col in planted:
                self.summary.bad_rows.append(BadRow(first + row, kind, col, ids[row]))
        # keyed by content and format, not by position in the list of exports
        rng = np.random.default_rng(self._content_key() + [3, self._format_key(), chunk_no])
        frame = apply_messiness(frame, s, self.spec, self.text.status_as,
                                 self.population.cat.known, bad_mask, rng)
        return frame, s, bad_mask

    def write_chunk(self, truth: dict[str, np.ndarray], chunk_no: int) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


def _move_to_eligible(wanted: np.ndarray, eligible: np.ndarray) -> np.ndarray:
    """Each wanted row, or the next eligible row not taken yet (cyclic); drops what cannot fit."""
    free = eligible.copy()
    chosen = []
    candidates = np.flatnonzero(free)
    for w in wanted.tolist():
        if not len(candidates):
            break
        i = int(np.searchsorted(candidates, w))
        pick = int(candidates[i % len(candidates)])
        chosen.append(pick)
        candidates = np.delete(candidates, i % len(candidates))
    return np.array(sorted(chosen), dtype=np.int64)


class CsvWriter(Writer):
    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.summary.first_data_row = 2
        self.handle = open(self.path, "wb")
        if self.spec.bom:
            self.handle.write("\ufeff".encode("utf-8"))
        header = io.StringIO()
        csv.writer(header, lineterminator="\r\n").writerow([label for _, label in self.columns])
        self.handle.write(header.getvalue().encode("utf-8"))

    def write_chunk(self, truth: dict[str, np.ndarray], chunk_no: int) -> None:
        frame, _, _ = self.rows_for(truth, chunk_no)
        if frame.height == 0:
            return
        numbers = pl.Series(np.arange(self.data_rows_written + 1, self.data_rows_written + frame.height + 1))
        out = frame.with_columns(
            *(pl.lit(None, dtype=pl.String).alias(c) for c, _ in self.columns
              if c not in frame.columns and c != "row_number"),
            numbers.cast(pl.String).alias("row_number"))
        out = out.select([pl.col(c).alias(label) for c, label in self.columns])
        out.write_csv(self.handle, include_header=False, line_terminator="\r\n",
                      quote_style="necessary", null_value="")
        self.data_rows_written += frame.height
        self.summary.rows = self.data_rows_written

    def close(self) -> None:
        self.handle.close()


class XlsxWriter(Writer):
    def __init__(self, *args) -> None:
        super().__init__(*args)
        import xlsxwriter

        titles = self.spec.title_rows
        if titles is None:
            titles = ("ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG", "DANH SÁCH HỒ SƠ THỦ TỤC HÀNH CHÍNH",
                      f"Xuất ngày: {self.as_of:%d/%m/%Y}", "")
        # constant_memory: rows go to a temp file as written, so memory stays flat
        self.book = xlsxwriter.Workbook(str(self.path), {"constant_memory": True,
                                                         "strings_to_numbers": False})
        # a fixed creation time keeps the bytes identical from run to run
        self.book.set_properties({"created": datetime(self.as_of.year, self.as_of.month, self.as_of.day)})
        self.sheet = self.book.add_worksheet("Danh sách hồ sơ")
        self.date_format = self.book.add_format({"num_format": "dd/mm/yyyy hh:mm:ss"})
        bold = self.book.add_format({"bold": True})
        for r, line in enumerate(titles):
            if line:
                self.sheet.write_string(r, 0, line, bold)
        self.header_row = len(titles)
        for c, (_, label) in enumerate(self.columns):
            self.sheet.write_string(self.header_row, c, label, bold)
        self.summary.first_data_row = self.header_row + 2
        self.next_row = self.header_row + 1

    def write_chunk(self, truth: dict[str, np.ndarray], chunk_no: int) -> None:
        frame, s, bad_mask = self.rows_for(truth, chunk_no)
        n = frame.height
        if n == 0:
            return
        m = self.spec.messiness
        rng = np.random.default_rng(self._content_key() + [4, chunk_no])
        date_only = random_mask(rng, n, m.date_only_share) & ~bad_mask
        excel_dates = random_mask(rng, n, m.excel_date_share) & ~bad_mask & ~date_only
        frame = frame.with_columns(
            pl.when(pl.Series(date_only)).then(pl.col(c).str.slice(0, 10)).otherwise(pl.col(c)).alias(c)
            for c in ("due_at", "returned_at"))
        data_cols = [c for c, _ in self.columns if c != "row_number"]
        date_idx = {data_cols.index(c): c for c in DATE_COLUMNS if c in data_cols}
        seconds = {c: s[k] for c, k in (("received_at", "received"), ("due_at", "due"),
                                         ("finished_at", "finished"), ("returned_at", "returned"),
                                         ("supplement_requested_at", "requested"),
                                         ("supplement_completed_at", "completed"),
                                         ("submitted_at", "submitted"))}
        has_stt = self.columns[0][0] == "row_number"
        offset = 1 if has_stt else 0
        sheet, write_string = self.sheet, self.sheet.write_string
        excel_rows = set(np.flatnonzero(excel_dates).tolist())
        epoch = datetime(1970, 1, 1)
        for i, values in enumerate(frame.select(data_cols).iter_rows()):
            r = self.next_row + i
            if has_stt:
                sheet.write_number(r, 0, self.data_rows_written + i + 1)
            if i in excel_rows:
                values = list(values)
                for c, name in date_idx.items():
                    if values[c]:
                        when = epoch + timedelta(seconds=int(seconds[name][i]))
                        sheet.write_datetime(r, c + offset, when, self.date_format)
                        values[c] = None
            for c, v in enumerate(values):
                if v:
                    write_string(r, c + offset, v)
        self.next_row += n
        self.data_rows_written += n
        self.summary.rows = self.data_rows_written

    def close(self) -> None:
        self.book.close()
