-- one row per dossier handled in [$d0, $d1] within the scope $unit_key (null = all units), with its §5 set flags
-- The one statement of METRICS.md §5's sets: H = R ∪ C, resolved S, pending P = H − S split by r.
-- Read through `period_bounds`; composed in front of period_kpis.sql and analysis/*.sql (db.with_relations).
with bounds as (
    select d0, d1, reference_on from period_bounds
),

handled as (
    -- received by d1, and either received in the period (R) or still open at d0 (C)
    select f.*
    from dossier_facts f
    where ($unit_key is null or f.unit_key = $unit_key)
      and f.received_on <= $d1::date
      and (f.received_on >= $d0::date or f.finished_on is null or f.finished_on >= $d0::date)
),

final as (
    select
        h.*,
        b.reference_on,
        h.received_on >= b.d0                                   as is_received,
        coalesce(h.is_closed and h.finished_on <= b.d1, false)  as is_resolved,
        -- in time at r: not yet due, or waiting for the applicant at r
        coalesce(h.due_on >= b.reference_on, false)
            or coalesce(h.supplement_requested_on <= b.reference_on
                        and (h.supplement_completed_on is null or h.supplement_completed_on > b.reference_on),
                        false)                                  as is_in_time_at_reference
    from handled h
    cross join bounds b
)

select * from final
