"""Personal-data audit: is any applicant's name, ID number, phone or address where it must not be?

The loaded exports' personal values are read into this process's memory only
(`read_personal_values`: the loader's own header finding for CSV/XLSX, the keys of
METRICS.md §2a for payload JSON), then these
places are searched for those values and for anything shaped like an ID or phone
number:

- the database: every text column of every stored table, by SQL (DuckDB compresses
  strings, so the file's bytes alone can hide a value), plus the raw bytes of the
  file and its WAL (what compression does not hide, and deleted rows not yet
  overwritten);
- executed notebooks (.ipynb): every string of the JSON, outputs and metadata
  included, images excepted;
- HTML pages: the text with entities and JSON `\\uXXXX` escapes decoded, the inlined
  Vega library (code, not data) left out.

A finding names the place (file and line / JSON path, or table.column) and shows
the value MASKED: the audit never prints what it finds.
"""

from __future__ import annotations

import csv
import html
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from hoaan_analytics import db
from hoaan_analytics.errors import IngestError
from hoaan_analytics.ingest.header import HEADER_SCAN_ROWS, find_header
from hoaan_analytics.ingest.labels import LabelMap
from hoaan_analytics.ingest.read import file_format
from hoaan_analytics.ingest.read_csv import sniff_csv
from hoaan_analytics.ingest.read_json import payload_records
from hoaan_analytics.ingest.staging import first_line

# Shorter values (a one-word name, "Thôn 1") would be found inside ordinary words.
MIN_VALUE_CHARACTERS = 6
# Containment (a value inside a longer text) costs distinct values x personal values
# comparisons; above this a column is checked for whole-cell equality only.
CONTAINMENT_MAX_PAIRS = 200_000_000
# Digits next to a letter or digit belong to something else (a hash, a dossier id),
# and digits right after "." or "<digit>," are the decimals of a number (".448084975506" in JS).
_EDGE_BEFORE = r"(?<![0-9A-Za-z.])(?<![0-9],)"
_EDGE_AFTER = r"(?![0-9A-Za-z])(?![.,][0-9])"
SHAPES: dict[str, re.Pattern[str]] = {
    # citizen ID (CCCD), 12 digits; the old ID card (CMND), 9 digits
    "id_number_shape": re.compile(_EDGE_BEFORE + r"(?:[0-9]{12}|[0-9]{9})" + _EDGE_AFTER),
    # Vietnamese mobile numbers: 0[35789] + 8 digits, or +84 / 84 instead of the 0
    "phone_shape": re.compile(_EDGE_BEFORE + r"(?:0|\+84|84)[35789][0-9]{8}" + _EDGE_AFTER),
}
# A UUID (the portal's departmentId, METRICS.md §10) is a system's key, never a person's number, yet one
# group in a few hundred is 12 decimal digits: the shapes are looked for with every UUID blanked out
# (same length, so that offsets and lines stay where they were).
_UUID = re.compile(r"(?<![0-9A-Za-z])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
                   r"(?![0-9A-Za-z])")


def _without_uuids(text: str) -> str:
    return _UUID.sub(lambda match: "-" * len(match.group()), text)


# The SQL prefilter of candidate cells for SHAPES (RE2 has no look-behind).
_SHAPE_PREFILTER = "[0-9]{9}"
_JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


@dataclass(frozen=True)
class Finding:
    """One personal value (or value-shaped number) found where it must not be."""

    place: str          # "<db>: table.column", "<file> line N", "<notebook> at cells/3/outputs/0/..."
    kind: str           # name, id_number, phone, address, email, personal, id_number_shape, phone_shape
    masked: str         # the value with most characters hidden
    occurrences: int = 1

    def __str__(self) -> str:
        many = f" ({self.occurrences} times)" if self.occurrences > 1 else ""
        return f"{self.place}: {self.kind} {self.masked}{many}"


@dataclass
class AuditResult:
    """What was searched, for how many values, and what was found."""

    findings: list[Finding] = field(default_factory=list)
    scanned: list[str] = field(default_factory=list)
    values_searched: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.findings


def mask(value: str) -> str:
    """A value with most of it hidden: '0963171691' -> '09******91', 'Hà Thu Quỳnh' -> 'H* T** Q****'."""
    if value.replace("+", "").isdigit():
        keep = 2 if len(value) > 6 else 1
        return value[:keep] + "*" * (len(value) - 2 * keep) + value[-keep:]
    return " ".join(word[:1] + "*" * (len(word) - 1) for word in value.split())


def personal_values(paths: Iterable[str | os.PathLike[str]], params_dir: str | os.PathLike[str]
                    ) -> dict[str, set[str]]:
    """The personal values (by kind) of the given exports, read in memory with the loader's labels."""
    from hoaan_analytics.ingest.labels import load_label_map

    labels = load_label_map(Path(params_dir))
    values: dict[str, set[str]] = {}
    for path in paths:
        for kind, found in read_personal_values(Path(path), labels).items():
            values.setdefault(kind, set()).update(found)
    return values


def export_files(raw_dir: str | os.PathLike[str]) -> list[Path]:
    """The CSV, spreadsheet and payload (JSON) files directly under `raw_dir`, sorted by name.

    A `.json` file counts only when it holds an array (a payload export): a folder of
    exports may also hold settings or expected results as JSON objects.
    """
    suffixes = {".csv", ".txt", ".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".json", ".jsonl", ".ndjson"}
    return sorted(p for p in Path(raw_dir).iterdir()
                  if p.is_file() and p.suffix.lower() in suffixes
                  and (p.suffix.lower() != ".json" or _starts_an_array(p)))


def _starts_an_array(path: Path) -> bool:
    with open(path, "rb") as handle:
        head = handle.read(4096)
    return head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n").startswith(b"[")


def _searchable(values: Mapping[str, set[str]]) -> list[tuple[str, str]]:
    pairs = {(kind, v) for kind, found in values.items() for v in found if len(v) >= MIN_VALUE_CHARACTERS}
    return sorted(pairs)


# ---------------------------------------------------------------- the exports' personal values

# Personal keys of a payload record (METRICS.md §2a) -> kind; inside the lists: ID numbers, file
# names, staff names and contents. Read here, in memory, for the audit only.
PAYLOAD_PERSONAL_KEYS: dict[str, str] = {
    "ChuHoSo": "name", "SoGiayTo": "id_number", "SoGiayToChuHoSo": "id_number", "SoDienThoai": "phone",
    "Fax": "phone", "DiaChi": "address", "Email": "email", "MaDoiTuong": "personal",
    "ThongTinKhac": "personal", "TrichYeuHoSo": "free_text", "GhiChu": "free_text", "ThongTinTra": "free_text",
}
PAYLOAD_LIST_PERSONAL_KEYS: dict[str, str] = {
    "SoDinhDanh": "id_number", "TenTepDinhKem": "file_name", "NguoiXuLy": "staff_name",
    "NguoiYeuCauBoSung": "staff_name", "NoiDungBoSung": "free_text",
}


def read_personal_values(path: str | Path, labels: LabelMap) -> dict[str, set[str]]:
    """The applicants' values in an export's personal columns or keys, by kind (name, id_number, ...).

    For `hoaan audit` only: the values stay in this process's memory and are never
    handed to DuckDB. A flat export is read with the loader's own header finding, so
    the audit sees exactly the columns the loader leaves out; a payload file (JSON,
    JSONL) gives its personal keys (PAYLOAD_PERSONAL_KEYS) and, inside its lists and
    processing log, ID numbers, file names and staff names (PAYLOAD_LIST_PERSONAL_KEYS).
    Values are NFC and trimmed, empty ones dropped. Raises IngestError for a file the
    loader could not read either.
    """
    path = Path(path)
    file_name = path.name
    values: dict[str, set[str]] = {}

    def keep(kind: str, cell: object) -> None:
        if isinstance(cell, (dict, list)):
            return
        text = "" if cell is None else unicodedata.normalize("NFC", str(cell)).strip()
        if text:
            values.setdefault(kind, set()).add(text)

    fmt = file_format(path)
    if fmt in ("json", "jsonl"):
        for _, record in payload_records(path, fmt, file_name):
            dossier = record["hoSo"] if isinstance(record.get("hoSo"), dict) else record
            for part in (record, dossier):
                for key, kind in PAYLOAD_PERSONAL_KEYS.items():
                    keep(kind, part.get(key))
                for entries in part.values():
                    if not isinstance(entries, list):
                        continue
                    for entry in entries:
                        if isinstance(entry, dict):
                            for key, kind in PAYLOAD_LIST_PERSONAL_KEYS.items():
                                keep(kind, entry.get(key))
        return values

    if fmt == "csv":
        layout = sniff_csv(path, labels, file_name)
        personal = layout.header.personal
        encoding = "utf-8-sig" if layout.encoding == "utf-8" else layout.encoding
        try:
            with open(path, encoding=encoding, newline="") as handle:
                reader = csv.reader(handle, delimiter=layout.delimiter)
                for row in reader:
                    if reader.line_num <= layout.lines_through_header:
                        continue
                    for position, kind in personal.items():
                        if position < len(row):
                            keep(kind, row[position])
        except (UnicodeDecodeError, csv.Error) as exc:
            raise IngestError(f"{file_name}: cannot be read as CSV: {exc}") from exc
        return values

    import fastexcel

    try:
        reader = fastexcel.read_excel(path)
        for sheet_name in reader.sheet_names:
            head = reader.load_sheet(sheet_name, header_row=None, skip_rows=0, n_rows=HEADER_SCAN_ROWS,
                                     dtypes="string").to_polars()
            try:
                header = find_header([list(r) for r in head.rows()], labels, file_name)
            except IngestError:
                continue
            if not header.personal:
                continue
            names = head.columns
            sheet = reader.load_sheet(sheet_name, header_row=None, skip_rows=0, dtypes="string",
                                      use_columns=[names[p] for p in header.personal]).to_polars()
            data = sheet.slice(header.row_index + 1)
            for position, kind in header.personal.items():
                for cell in data[names[position]]:
                    keep(kind, cell)
    except IngestError:
        raise
    except Exception as exc:  # calamine/fastexcel raise their own error classes
        raise IngestError(f"{file_name}: cannot be read as a spreadsheet: {first_line(exc)}") from exc
    return values


# ---------------------------------------------------------------- text (HTML, notebooks)

_WORD = re.compile(r"\w+")


class ValueIndex:
    """The personal values keyed by their first word, so a text is read once, not once per value.

    Thousands of names times megabytes of reports made a plain `find` per value
    take minutes; here each word start of the text is one dict look-up. A value
    is found where it starts at a word start (names, numbers and addresses do).
    """

    def __init__(self, values: Mapping[str, set[str]]):
        self.pairs = _searchable(values)
        self.by_first_word: dict[str, list[tuple[str, str]]] = {}
        self.unindexed: list[tuple[str, str]] = []  # values that do not start with a word character
        for kind, value in self.pairs:
            first = _WORD.match(value)
            if first is None:
                self.unindexed.append((kind, value))
            else:
                self.by_first_word.setdefault(first.group(), []).append((kind, value))

    def find(self, text: str) -> Iterator[tuple[str, str, int]]:
        """(kind, value, first offset) of each indexed value present in `text`."""
        found: set[tuple[str, str]] = set()
        for word in _WORD.finditer(text):
            for kind, value in self.by_first_word.get(word.group(), ()):
                if (kind, value) not in found and text.startswith(value, word.start()):
                    found.add((kind, value))
                    yield kind, value, word.start()
        for kind, value in self.unindexed:
            start = text.find(value)
            if start >= 0:
                yield kind, value, start


def _index(values: Mapping[str, set[str]] | ValueIndex) -> ValueIndex:
    return values if isinstance(values, ValueIndex) else ValueIndex(values)


def scan_text(text: str, place: str, values: Mapping[str, set[str]] | ValueIndex) -> list[Finding]:
    """Findings in one text: each known value and each ID/phone-shaped number, with its line."""
    findings: list[Finding] = []

    def line_of(offset: int) -> int:
        return text.count("\n", 0, offset) + 1

    for kind, value, start in _index(values).find(text):
        findings.append(Finding(f"{place} line {line_of(start)}", kind, mask(value), text.count(value)))
    shaped = _without_uuids(text)
    for kind, pattern in SHAPES.items():
        seen: dict[str, tuple[int, int]] = {}
        for match in pattern.finditer(shaped):
            first, count = seen.get(match.group(), (match.start(), 0))
            seen[match.group()] = (first, count + 1)
        for value, (first, count) in seen.items():
            findings.append(Finding(f"{place} line {line_of(first)}", kind, mask(value), count))
    return findings


def _decoded(text: str) -> str:
    text = html.unescape(text)
    return _JSON_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def _without_vega_bundle(page: str) -> str:
    # The inlined Vega library is code, not data, and holds constants shaped like ID numbers
    # (134217729); blanking it (same line count) keeps the line numbers of what is left.
    from hoaan_analytics.report.html import vega_bundle_script

    bundle = vega_bundle_script()
    return page.replace(bundle, "\n" * bundle.count("\n")) if bundle in page else page


def scan_html(path: str | os.PathLike[str], values: Mapping[str, set[str]] | ValueIndex) -> list[Finding]:
    """Findings in one HTML page (the inlined Vega library left out; entities and JSON escapes decoded)."""
    path = Path(path)
    page = _without_vega_bundle(path.read_text(encoding="utf-8", errors="replace"))
    return scan_text(_decoded(page), str(path), values)


def _strings(node: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(node, str):
        yield where, node
    elif isinstance(node, list):
        if node and all(isinstance(item, str) for item in node):
            yield where, "".join(node)  # nbformat splits multi-line text into a list of lines
        else:
            for index, item in enumerate(node):
                yield from _strings(item, f"{where}/{index}")
    elif isinstance(node, dict):
        for key, item in node.items():
            if str(key).startswith("image/"):
                continue  # base64 pixels: no text, and digit runs by chance
            yield from _strings(item, f"{where}/{key}")


def scan_notebook(path: str | os.PathLike[str], values: Mapping[str, set[str]] | ValueIndex) -> list[Finding]:
    """Findings in every string of an executed notebook (sources, outputs, metadata, parameters)."""
    path = Path(path)
    try:
        notebook = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return scan_text(path.read_text(encoding="utf-8", errors="replace"), str(path), values)
    findings = []
    index = _index(values)
    for where, text in _strings(notebook, ""):
        findings += [Finding(f"{path} at {where or '/'}", f.kind, f.masked, f.occurrences)
                     for f in scan_text(_decoded(text), "", index)]
    return findings


def scan_reports(reports_dir: str | os.PathLike[str], values: Mapping[str, set[str]] | ValueIndex
                 ) -> tuple[list[Finding], list[str]]:
    """Findings in every .html and .ipynb under `reports_dir`, and the files scanned."""
    findings: list[Finding] = []
    scanned: list[str] = []
    values = _index(values)
    for path in sorted(Path(reports_dir).rglob("*")):
        suffix = path.suffix.lower()
        if not path.is_file() or suffix not in (".html", ".htm", ".ipynb"):
            continue
        scanned.append(str(path))
        findings += scan_notebook(path, values) if suffix == ".ipynb" else scan_html(path, values)
    return findings, scanned


# ---------------------------------------------------------------- database

def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def text_columns(con: db.Connection) -> list[tuple[str, str, str]]:
    """(schema, table, column) of every text column of every stored (non-temporary) table."""
    frame = db.query(con, """
        select c.schema_name, c.table_name, c.column_name
        from duckdb_columns() as c
        join duckdb_tables() as t using (database_name, schema_name, table_name)
        where c.data_type = 'VARCHAR' and not t.temporary and not t.internal
          and c.database_name = current_database()
        order by all
    """)
    return [tuple(r) for r in frame.rows()]


def scan_connection(con: db.Connection, values: Mapping[str, set[str]], *, label: str = "database"
                    ) -> tuple[list[Finding], list[str]]:
    """Findings in every text column of an open database, and notes on what was checked less deeply.

    The values are handed to this connection as a registered in-memory frame,
    which writes nothing to the database file.
    """
    pairs = _searchable(values)
    findings: list[Finding] = []
    notes: list[str] = []
    known = pl.DataFrame({"kind": [k for k, _ in pairs], "value": [v for _, v in pairs]},
                         schema={"kind": pl.String, "value": pl.String})
    con.register("audit_personal_values", known)
    try:
        for schema_name, table, column in text_columns(con):
            source = f"{_identifier(schema_name)}.{_identifier(table)}"
            col = _identifier(column)
            place = f"{label}: {table}.{column}"
            distinct = db.scalar(con, f"select count(distinct {col}) from {source}") or 0
            contains = distinct * max(len(pairs), 1) <= CONTAINMENT_MAX_PAIRS
            if not contains:
                notes.append(f"{place}: {distinct:,} distinct values, checked for whole-cell equality only")
            condition = "contains(t.cell, v.value)" if contains else "t.cell = v.value"
            if pairs and distinct:
                hits = db.query(con, f"""
                    with cells as (select {col} as cell, count(*) as occurrences from {source}
                                   where {col} is not null group by all)
                    select v.kind, v.value, sum(t.occurrences)::bigint as occurrences
                    from cells as t join audit_personal_values as v on {condition}
                    group by all order by all
                """)
                findings += [Finding(place, kind, mask(value), occurrences)
                             for kind, value, occurrences in hits.rows()]
            candidates = db.query(con, f"""
                select {col} as cell, count(*) as occurrences from {source}
                where regexp_matches({col}, $pattern) group by all limit 10000
            """, {"pattern": _SHAPE_PREFILTER})
            counts: dict[tuple[str, str], int] = {}
            for cell, occurrences in candidates.rows():
                shaped = _without_uuids(cell)
                for kind, pattern in SHAPES.items():
                    for match in set(pattern.findall(shaped)):
                        counts[(kind, match)] = counts.get((kind, match), 0) + occurrences
            findings += [Finding(place, kind, mask(value), n) for (kind, value), n in sorted(counts.items())]
    finally:
        con.unregister("audit_personal_values")
    return findings, notes


def scan_database_bytes(db_path: str | os.PathLike[str], values: Mapping[str, set[str]]) -> list[Finding]:
    """Known values in the raw bytes of the database file and its WAL (UTF-8 encoded)."""
    findings = []
    digit_runs = re.compile(rb"\+?[0-9]{6,}")
    for path in (Path(db_path), Path(f"{db_path}.wal")):
        if not path.is_file():
            continue
        content = path.read_bytes()
        runs = {m.group().decode() for m in digit_runs.finditer(content)}
        for kind, value in _searchable(values):
            if value.lstrip("+").isdigit():
                hit = value in runs or any(value in run for run in runs if len(run) > len(value))
            else:
                hit = value.encode("utf-8") in content
            if hit:
                findings.append(Finding(f"{path} (file bytes)", kind, mask(value)))
    return findings


# ---------------------------------------------------------------- all of it

def audit(*, db_path: str | os.PathLike[str] | None = None,
          reports_dir: str | os.PathLike[str] | None = None,
          exports: Iterable[str | os.PathLike[str]] = (),
          params_dir: str | os.PathLike[str] | None = None,
          wait_seconds: float = 0.0) -> AuditResult:
    """Search the database and the reports for the exports' personal values and ID/phone shapes.

    Without exports only the shapes are searched (and a note says so). The
    database is opened read-only; `wait_seconds` is how long to wait for an ingest
    that holds it.
    """
    from hoaan_analytics import paths

    result = AuditResult()
    export_paths = [Path(p) for p in exports]
    values = personal_values(export_paths, paths.params_dir(params_dir)) if export_paths else {}
    result.values_searched = len(_searchable(values))
    if not export_paths:
        result.notes.append("no exports given: only ID- and phone-shaped numbers were searched")
    if db_path is not None:
        con = db.connect(db_path, read_only=True, wait_seconds=wait_seconds)
        try:
            found, notes = scan_connection(con, values, label=str(db_path))
        finally:
            con.close()
        result.findings += found
        result.notes += notes
        result.findings += scan_database_bytes(db_path, values)
        result.scanned.append(str(db_path))
    if reports_dir is not None:
        found, scanned = scan_reports(reports_dir, values)
        result.findings += found
        result.scanned += scanned
    return result
