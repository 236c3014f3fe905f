-- one row per (file, field, reason) of the rows set aside at loading (METRICS.md §8), with a few row numbers
with source as (
    select * from set_aside
),

final as (
    select
        min(load_id)                                      as load_id,
        file_name,
        field,
        reason,
        count(*)                                          as rows_set_aside,
        list(source_row order by source_row)[1:5]          as example_source_rows
    from source
    group by file_name, field, reason
)

select * from final
order by load_id, field, reason
