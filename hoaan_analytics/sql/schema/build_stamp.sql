-- one row: which hoaan built the derived tables and macros, from which SQL and which params files (models.py)
-- Rewritten by every build (models.refresh, at the end of each ingest); a reader compares it with its own.
create or replace table build_stamp as
select
    cast($hoaan_version as varchar)       as hoaan_version,
    cast($sql_digest as varchar)          as sql_digest,
    cast($params_dir as varchar)          as params_dir,
    cast($procedures_digest as varchar)   as procedures_digest,
    cast($calendar_digest as varchar)     as calendar_digest,
    cast($index766_digest as varchar)     as index766_digest,
    cast($built_at as timestamp)          as built_at
