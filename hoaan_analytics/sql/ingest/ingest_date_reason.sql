-- one set-aside reason (or null) for one date cell of a row: METRICS.md §8 "cannot be read as a date"
-- `is_bad`: the cell has text but no plausible date; `read_value`: what the text parsed to, any year.
-- A date that parses but falls outside the plausible window (ingest_parsed.sql) says so in its reason.
create or replace temp macro ingest_date_reason(field_name, is_bad, read_value) as
    case
        when is_bad and read_value is null
            then {'field': field_name, 'reason': 'cannot be read as a date'}
        when is_bad
            then {'field': field_name, 'reason': 'cannot be read as a date (year outside 2000–2100)'}
    end;
