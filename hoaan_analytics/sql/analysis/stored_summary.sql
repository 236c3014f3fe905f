-- one row: what the database holds, whatever the period (counts of stored dossiers and their date range,
-- files loaded and rows set aside over every load)
with source as (
    select * from dossiers
),

extent as (
    select newest_event_on from dossier_extent
),

loads as (
    select
        count(*)                          as loaded_files,
        coalesce(sum(set_aside), 0)       as set_aside_rows
    from load_log
),

final as (
    select
        count(*)                                                  as stored_dossiers,
        count(*) filter (where is_never_received_status(status)) as never_received_dossiers,
        count(distinct unit_name)                                  as units,
        cast(min(received_at) filter (where not is_never_received_status(status)) as date)
                                                                   as first_received_on,
        (select newest_event_on from extent)                       as newest_event_on,
        (select loaded_files from loads)                           as loaded_files,
        (select set_aside_rows from loads)                         as set_aside_rows
    from source
)

select * from final
