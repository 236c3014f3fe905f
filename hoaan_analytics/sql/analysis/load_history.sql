-- one row per file loaded (or skipped as already loaded), oldest first; base names only
with source as (
    select * from load_log
),

final as (
    select
        load_id,
        file_name,
        file_format,
        loaded_at,
        rows_read,
        loaded,
        set_aside,
        skipped
    from source
)

select * from final
order by load_id
