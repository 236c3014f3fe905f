-- one row per (data row, reason) of the file being loaded that cannot be used (METRICS.md §8)
-- Reads temp table ingest_rows, the materialised ingest_parsed of the current file.
create or replace temp view ingest_set_aside as
with problems as (
    select source_row, dossier_id, unnest(problems) as problem
    from ingest_rows
    where len(problems) > 0
)

select
    source_row,
    dossier_id,
    problem.field  as field,
    problem.reason as reason
from problems
