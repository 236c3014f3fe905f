"""Seeded, realistic synthetic dossier exports, streamed to disk at any size.

The files look like the three shared samples: the national sync CSV (DVCQG labels,
ISO timestamps, status and channel as codes), the commune's Vietnamese XLSX
(title rows above the header, an STT column, Vietnamese labels, status and channel
as text, `dd/mm/yyyy HH:MM:SS` text dates) and the national sync payload
(`json`/`jsonl`, METRICS.md §2a: `{"hoSo": …, "tienTrinhDongBo": […]}` records with
the supplementation rounds, fee list, component files, result documents and the
processing log). All carry the applicants' personal data, filled with fake but
realistic values, so that privacy checks have something to find. The same seed
gives the same dossiers and canonical values in every format.

The calendar (holidays.VN, worked Saturdays, params/calendar.csv) and the
catalogue (params/procedures.csv, with has_fee and paper_result) are read with the
package's own `calendar.calendar_rows` and `catalogue.read_catalogue`, so the
generator and the KPIs agree on working days and procedures; synth then turns
them into numpy arrays for its vectorised due dates.

The 766 scorecard fields (METRICS.md §2, §9) draw from their own random stream, at
rates chosen to look like a commune in 2025-2026 and to move over time: online
dossiers are submitted 10 minutes to 3 days before reception (walk-in and postal at
the moment of reception); applicant_type is 1 except for household-business
procedures (60% type 2) and land/construction (6%); component files on 80-95% of
online and 20-65% of walk-in dossiers (digitisation at the counter grows);
reused data and the citizen's document store only on dossiers with files, more
online; an electronic result for 45-80% of paper-result procedures (+10 points
online), 25% for the others, and only once processed (status 9/10); VNeID on
55-90% of online and 8-18% of walk-in dossiers; complaints on 0.2% of dossiers,
3% of late ones. Fees exist only where the catalogue's has_fee is 1 (3% of those
dossiers are exempt, fee 0).

How a dossier is made (one "truth" per dossier, then one snapshot per export):

- receipt days are working days (holidays.VN with its worked Saturdays) of the
  requested years up to the export date; the rows are spread over (day, unit)
  cells by a multinomial draw, so `rows` is met exactly;
- the due date follows METRICS.md §5: received + the catalogue's statutory working
  days, one more with the 15:00 rule when received at or after 15:00, at 16:30;
- the finish is early, on the due day or late (late gets rarer over time, a few
  dossiers are stuck for weeks), plus any supplementation pause, which is added as
  a timestamp duration so that the effective end is the planned working day;
- each export is a snapshot at its `as_of` date: what finished later is still open
  (status 2/4/5/6), what was finished but not yet returned is 9, and so on. The
  same dossier in a later export therefore has a newer status.

Generation runs in chunks of whole receipt days (about CHUNK_ROWS rows), with
numpy and polars; CSV is appended chunk by chunk and XLSX is written by xlsxwriter
in constant_memory mode, so memory does not grow with the number of rows. The
same arguments give the same bytes.

Messiness is controlled by `Messiness` (shares of rows) and bad rows (METRICS.md §8)
are planted on otherwise clean closed rows, exactly one reason per row, and
listed in each file's `ExportSummary`.

The package, one module per step: spec.py (what the exports look like, the specs and
summaries), generate.py (the entry points below), working_days.py, population.py
(the truth), text.py (an export's snapshot and text), bad_rows.py, writers.py (CSV,
XLSX), payload.py (JSON) and names.py (the name lists); portal766.py writes the portal's
766 page for the demo's province (the browser's HAR, METRICS.md §10) from counts it is given.
"""

from hoaan_analytics.synth.generate import default_specs, synthesize, write_exports
from hoaan_analytics.synth.spec import (
    BAD_ROW_KINDS,
    CHUNK_ROWS,
    CLEAN,
    DEFAULT_FORMATS,
    FLAG_COLUMNS,
    FORMATS,
    LABELS,
    PAYLOAD_FORMATS,
    RATINGS,
    REALISTIC,
    STATUS_NAMES,
    UNKNOWN_PROCEDURES,
    BadRow,
    ExportSpec,
    ExportSummary,
    Messiness,
)

__all__ = [
    "BAD_ROW_KINDS", "CHUNK_ROWS", "CLEAN", "DEFAULT_FORMATS", "FLAG_COLUMNS", "FORMATS", "LABELS",
    "PAYLOAD_FORMATS", "RATINGS", "REALISTIC", "STATUS_NAMES", "UNKNOWN_PROCEDURES", "BadRow", "ExportSpec",
    "ExportSummary", "Messiness", "default_specs", "synthesize", "write_exports",
]
