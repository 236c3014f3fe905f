-- one row per dossier still open at the end of the period and overdue at the reference date
-- No personal data exists in the database: the dossier is named by its id and procedure only.
with overdue as (
    select * from period_dossiers($d0, $d1, $unit_name)
    where is_pending_overdue
),

final as (
    select
        dossier_id,
        unit_name,
        field_name,
        procedure_code,
        procedure_name,
        received_on,
        due_on,
        working_days_overdue
    from overdue
)

select * from final
