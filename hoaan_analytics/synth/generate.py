"""The public entry points: one population of dossiers, written to every export asked for."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from hoaan_analytics.synth.payload import PayloadWriter
from hoaan_analytics.synth.population import Population, default_export_date
from hoaan_analytics.synth.spec import DEFAULT_FORMATS, FORMATS, REALISTIC, ExportSpec, ExportSummary, Messiness
from hoaan_analytics.synth.writers import CsvWriter, Writer, XlsxWriter


def write_exports(out_dir: str | os.PathLike[str], *, units: int = 3,
                  years: Sequence[int] | range = (2025, 2026), rows: int | None = None,
                  dossiers_per_unit_year: int = 1000, formats: Sequence[str] = DEFAULT_FORMATS,
                  seed: int = 0, export_date: date | None = None,
                  messiness: Messiness = REALISTIC, bad_rows: int | float = 0.0005,
                  procedures_csv: str | os.PathLike[str] | None = None,
                  progress: Callable[[int], None] | None = None) -> list[Path]:
    """Write one export per format holding the same dossiers, like the shared samples.

    `units` communes of the province (the first three are Hòa An, Chiêm Hóa, Kiên
    Đài), dossiers received on working days of `years` up to `export_date` (default:
    20 November of the last year, so that the last year is still running). Size:
    `rows` dossiers in each file when given, else about `dossiers_per_unit_year` per
    unit and full year (units differ in size). Files: `dossiers_dvcqg_<date>.csv`,
    `dossiers_vi_<date>.xlsx` and `dossiers_payload_<date>.json` / `.jsonl` in `out_dir`.
    `bad_rows` per kind of METRICS.md §8: a count, or a share of rows (at least one each; 0 for none). Same arguments,
    same bytes. `progress` is called with the number of dossiers generated so far.
    """
    summaries = synthesize(
        out_dir, default_specs(formats, messiness=messiness, bad_rows=bad_rows,
                               export_date=export_date, years=years),
        units=units, years=years, rows=rows, dossiers_per_unit_year=dossiers_per_unit_year,
        seed=seed, export_date=export_date, procedures_csv=procedures_csv, progress=progress)
    return [s.path for s in summaries]


def default_specs(formats: Sequence[str] = DEFAULT_FORMATS, *, messiness: Messiness = REALISTIC,
                  bad_rows: int | float = 0.0005, export_date: date | None = None,
                  years: Sequence[int] | range = (2025, 2026)) -> list[ExportSpec]:
    """The specs `write_exports` uses: one file per format, all dossiers, named like the samples."""
    as_of = export_date or default_export_date(years)
    specs = []
    for fmt in formats:
        if fmt not in FORMATS:
            raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
        label = {"csv": "dvcqg", "xlsx": "vi"}.get(fmt, "payload")
        specs.append(ExportSpec(f"dossiers_{label}_{as_of.isoformat()}.{fmt}", fmt, as_of=as_of,
                                messiness=messiness, bad_rows=bad_rows))
    return specs


def synthesize(out_dir: str | os.PathLike[str], exports: Sequence[ExportSpec], *,
               units: int | Sequence[int] = 3, years: Sequence[int] | range = (2025, 2026),
               rows: int | None = None, dossiers_per_unit_year: int = 1000, seed: int = 0,
               export_date: date | None = None,
               procedures_csv: str | os.PathLike[str] | None = None,
               progress: Callable[[int], None] | None = None) -> list[ExportSummary]:
    """Generate one population of dossiers once and write every export of it.

    `units` is a count (the first N units of `names.UNITS`) or the indexes of
    the units to use. `rows` is the number of dossiers in the population (an export
    holds those of its units and receipt window). Returns one summary per export,
    in the order given, with the planted bad rows.
    """
    population = Population.build(units=units, years=years, rows=rows,
                                   dossiers_per_unit_year=dossiers_per_unit_year, seed=seed,
                                   export_date=export_date, procedures_csv=procedures_csv)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    writers = [_writer_for(out, spec, population, i) for i, spec in enumerate(exports)]
    done = 0
    try:
        for chunk_no, chunk in enumerate(population.chunks()):
            truth = population.truth(chunk, chunk_no)
            for writer in writers:
                writer.write_chunk(truth, chunk_no)
            done += len(truth["unit"])
            if progress is not None:
                progress(done)
    finally:
        for writer in writers:
            writer.close()
    return [w.summary for w in writers]


def _writer_for(out: Path, spec: ExportSpec, population: Population, index: int) -> Writer:
    if spec.file_format not in FORMATS:
        raise ValueError(f"unknown export format {spec.file_format!r}: use one of {', '.join(FORMATS)}")
    cls = {"csv": CsvWriter, "xlsx": XlsxWriter}.get(spec.file_format, PayloadWriter)
    return cls(out / spec.file_name, spec, population, index)
