-- one row per dossier_id of the file being loaded: its last usable row (later rows win, METRICS.md §2)
-- Reads temp table ingest_rows, the materialised ingest_parsed of the current file. A row with a
-- reason never wins; a status 1/3 row without a dossier id cannot be stored and is left out.
-- Most exports name each dossier once: only the ids that repeat go through the window (ordering
-- a million rows by id cost four times as much as finding that none repeats).
create or replace temp view ingest_usable as
-- not materialized: read three times, the CTE was copied whole (every column of a million rows) before the
-- insert; inlined, each use is a filtered scan of ingest_rows, and only `repeated` (a few ids) is kept
with usable as not materialized (
    select *
    from ingest_rows
    where len(problems) = 0
      and dossier_id is not null
),

repeated as (
    select dossier_id
    from usable
    group by dossier_id
    having count(*) > 1
),

latest as (
    select * from usable
    where dossier_id not in (select dossier_id from repeated)
    union all
    select * from usable
    where dossier_id in (select dossier_id from repeated)
    qualify row_number() over (partition by dossier_id order by source_row desc) = 1
)

-- every column of ingest_rows: the insert into dossiers (ingest/load.py) names the ones stored.
-- Only a status 1/3 row can get here with an unreadable channel; it counts nowhere, and the
-- stored column is not null: the portal's default for an empty channel.
select * replace (coalesce(channel, 1) as channel)
from latest
