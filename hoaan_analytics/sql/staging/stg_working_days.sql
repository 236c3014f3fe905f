-- one row per working day of calendar_days, keyed by its running index (used to find the n-th working day)
with source as (
    select * from calendar_days
),

final as (
    select working_day_index, day
    from source
    where is_working_day
)

select * from final
