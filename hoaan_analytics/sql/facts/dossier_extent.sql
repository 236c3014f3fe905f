-- one row: the newest event date among all stored dossiers, whatever their status or unit
-- It caps the reference date r of METRICS.md §5 (r = min(d1, newest event)); due_at is no event.
with source as (
    select * from dossiers
),

events as (
    select greatest(received_at, finished_at, returned_at, supplement_requested_at, supplement_completed_at)
        as newest_event_at
    from source
),

final as (
    select cast(max(newest_event_at) as date) as newest_event_on
    from events
)

select * from final
