-- one row per (group, payment class) of the dossiers with a fee received in the period
-- $breakdown: 'field' | 'procedure' | 'unit' | 'none'. Classes are exclusive: paid online (paid_online 1 or 2)
-- first, then other cashless methods, then cash (an empty method counts as cash, METRICS.md §6).
-- group_dossiers: the group's dossiers with a fee (every class), the total a report shows beside the classes.
with fee_dossiers as (
    select * from period_dossiers($d0, $d1, $unit_name)
    where is_received and has_fee
),

classified as (
    select
        case $breakdown
            when 'field' then field_name
            when 'procedure' then procedure_name
            when 'unit' then unit_name
            else 'all'
        end                                   as group_name,
        case
            when is_paid_online then 'online'
            when is_cashless then 'cashless'
            else 'cash'
        end                                   as payment_class
    from fee_dossiers
),

counted as (
    select group_name, payment_class, count(*) as dossiers
    from classified
    group by group_name, payment_class
),

final as (
    select
        group_name,
        payment_class,
        dossiers,
        sum(dossiers) over (partition by group_name) as group_dossiers
    from counted
)

select * from final
