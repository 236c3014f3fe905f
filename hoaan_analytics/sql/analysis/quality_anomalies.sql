-- one row per kind of anomaly found among the dossiers handled in the period: how many, a few ids
-- None of these changes a KPI (the rules of METRICS.md apply as written); they are worth a look in the
-- source system. Dossier ids only: the database holds no personal data.
with dossiers as (
    select * from period_dossiers($d0, $d1, $unit_name)
),

flags as (
    select dossier_id, 'finished_after_due_not_late' as anomaly
    from dossiers
    where is_resolved and finished_on > due_on and resolution_class <> 'late'
    union all
    select dossier_id, 'due_before_received' from dossiers where due_on < received_on
    union all
    select dossier_id, 'due_from_catalogue' from dossiers where due_source = 'catalogue'
    union all
    select dossier_id, 'returned_before_finished' from dossiers where returned_on < finished_on
    union all
    select dossier_id, 'supplement_completed_without_request'
    from dossiers where supplement_completed_on is not null and supplement_requested_on is null
    union all
    select dossier_id, 'supplement_completed_before_request'
    from dossiers where supplement_completed_on < supplement_requested_on
    union all
    select dossier_id, 'supplement_without_count'
    from dossiers where supplement_requested_on is not null and coalesce(supplement_count, 0) = 0
    union all
    select dossier_id, 'open_with_finished_date' from dossiers where not is_closed and finished_on is not null
    union all
    select dossier_id, 'paid_online_in_cash' from dossiers where has_fee and is_paid_online and not is_cashless
    union all
    select dossier_id, 'not_in_catalogue' from dossiers where not in_catalogue
),

final as (
    select
        anomaly,
        count(*)                                          as dossiers,
        list(dossier_id order by dossier_id)[1:5]          as example_dossier_ids
    from flags
    group by anomaly
)

select * from final
