-- one row per dossier handled in [$d0, $d1] (METRICS.md §5, H = R ∪ C), with its set flags and day counts
-- Parameters: $d0, $d1 (dates), $unit_key (null = all units). Reads `period_handled`
-- (sql/marts/period_handled.sql, the one statement of the sets, also read by period_kpis.sql);
-- feeds the detail analyses (lists, breakdowns), composed in front of them by analyses.py.
-- Day counts are working days: wd(a, b) = index(b) − index(a) on calendar_days (METRICS.md §3).
with returns as (
    select dossier_id, cast(returned_at as date) as returned_on from dossiers
),

calendar as (
    select day, working_day_index from calendar_days
),

flagged as (
    -- the sets of METRICS.md §5, stated once in sql/marts/period_handled.sql
    select h.*, r.returned_on
    from period_handled h
    left join returns r on r.dossier_id = h.dossier_id
),

counted as (
    select
        f.*,
        not f.is_resolved and not f.is_in_time_at_reference             as is_pending_overdue,
        -- working days past the due date: at r for an overdue open dossier, at the effective end for a late one
        case when not f.is_resolved and not f.is_in_time_at_reference
             then ref.working_day_index - due.working_day_index end     as working_days_overdue,
        case when f.is_resolved and f.resolution_class = 'late'
             then greatest(eff.working_day_index - due.working_day_index, 0) end
                                                                        as working_days_late,
        -- the supplementation pause, in the same working days as elapsed_working_days subtracts
        case when f.supplement_requested_on is not null and f.supplement_completed_on is not null
             then greatest(sc.working_day_index - sr.working_day_index, 0) end
                                                                        as supplement_pause_working_days,
        case when f.finished_on is not null and f.returned_on is not null
             then greatest(ret.working_day_index - fin.working_day_index, 0) end
                                                                        as working_days_to_return
    from flagged f
    left join calendar ref on ref.day = f.reference_on
    left join calendar due on due.day = f.due_on
    left join calendar eff on eff.day = f.effective_end_on
    left join calendar sr on sr.day = f.supplement_requested_on
    left join calendar sc on sc.day = f.supplement_completed_on
    left join calendar fin on fin.day = f.finished_on
    left join calendar ret on ret.day = f.returned_on
)

select * from counted
