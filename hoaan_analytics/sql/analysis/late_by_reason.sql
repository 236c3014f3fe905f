-- one row per (field, late reason) of the dossiers resolved late in the period; per reason only when $breakdown = 'none'
-- Late (METRICS.md §5): effective end after the due date, or more than one supplementation request.
-- $breakdown: 'field' | 'none' (field_name is then null).
with late as (
    select * from period_dossiers($d0, $d1, $unit_name)
    where is_resolved and resolution_class = 'late'
),

classified as (
    select
        case when $breakdown = 'field' then field_name end as field_name,
        case
            when coalesce(effective_end_on > due_on, false) and supplement_count > 1 then 'both'
            when coalesce(effective_end_on > due_on, false) then 'after_due'
            else 'repeated_supplement'
        end                                   as late_reason,
        working_days_late
    from late
),

final as (
    select
        field_name,
        late_reason,
        count(*)                              as dossiers,
        avg(working_days_late)                as mean_working_days_late
    from classified
    group by field_name, late_reason
)

select * from final
