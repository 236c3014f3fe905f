-- one row per procedure_code of the catalogue (params/procedures.csv as loaded into `procedures`)
with source as (
    select * from procedures
),

final as (
    -- a code listed twice keeps its strictest (smallest) limit, so that a duplicate never loosens a deadline
    select
        procedure_code,
        min(statutory_days)  as statutory_days,
        bool_or(cutoff_15h)  as cutoff_15h,
        bool_or(has_fee)     as has_fee,       -- null when unknown (METRICS.md §7)
        bool_or(paper_result) as paper_result
    from source
    group by procedure_code
)

select * from final
