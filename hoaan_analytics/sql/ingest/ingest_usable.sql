-- one row per dossier_id of the file being loaded: its last usable row (later rows win, METRICS.md §2)
-- Reads temp table ingest_rows, the materialised ingest_parsed of the current file. A row with a
-- reason never wins; a status 1/3 row without a dossier id cannot be stored and is left out.
-- Most exports name each dossier once: only the ids that repeat go through the window (ordering
-- a million rows by id cost four times as much as finding that none repeats).
create or replace temp view ingest_usable as
with usable as (
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

select
    dossier_id,
    procedure_code,
    procedure_name,
    field_code,
    field_name,
    unit_name,
    -- only a status 1/3 row can get here with an unreadable channel; it counts nowhere,
    -- and the stored column is not null: the portal's default for an empty channel
    coalesce(channel, 1) as channel,
    status,
    received_at,
    due_at,
    finished_at,
    returned_at,
    supplement_requested_at,
    supplement_completed_at,
    supplement_count,
    fee_amount,
    payment_method,
    paid_online,
    rating,
    submitted_at,
    applicant_type,
    has_component_files,
    has_reused_data,
    from_citizen_store,
    has_result_file,
    vneid_verified,
    has_complaint,
    source_row
from latest
