-- one scalar macro: a date cell's timestamp when it lies in the plausible window, else null (METRICS.md §8)
-- The window is models.PLAUSIBLE_DATES, its only statement: the load binds its edges here when it creates
-- the macro, as the defaults of two parameters (a macro's body cannot hold a bound parameter); the
-- first moment of the first day, and the midnight after the last day. Outside it a date "cannot be
-- read as a date": 31/12/9999 or an Excel serial 1 are placeholders, not dates of a procedure, and
-- would stretch the calendar.
create or replace temp macro ingest_plausible(moment, plausible_from := $plausible_from,
                                              plausible_before := $plausible_before) as
    case when moment >= plausible_from and moment < plausible_before then moment end;
