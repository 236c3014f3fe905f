-- one scalar macro: wd(a, b) of METRICS.md §3, the working days d with date(a) < d ≤ date(b), 0 if b ≤ a
-- = index(b) − index(a) on calendar_days' running working_day_index; 0 too when a date is null or
-- outside the calendar (greatest() skips a null: an unfinished dossier has elapsed no working days).
-- DuckDB turns each lookup into one hash join on calendar_days for a whole table (as fast as joining
-- it by hand), never a lookup per row. Created by calendar.build_calendar right after its table (a
-- macro can only name a table that exists); stored, so read-only connections can call it:
-- `select working_days_between(DATE '2026-03-02', DATE '2026-03-09')`.
create or replace macro working_days_between(start_day, end_day) as
    greatest(
        (select c.working_day_index from calendar_days c where c.day = cast(end_day as date))
      - (select c.working_day_index from calendar_days c where c.day = cast(start_day as date)),
        0);
