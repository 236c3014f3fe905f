-- one row per (period of `as_of`: month or quarter, scenario, measure: a 766 indicator, the total, a plan KPI)
-- The month-end projection (docs/index766.md, "Month-end projection"): the 766 points and the plan's on-time and
-- progress rates at the END of the calendar month and quarter containing `as_of` (NULL: the newest event of the
-- data), within `unit` (NULL = all units; matched as unit_name is everywhere), in two scenarios built from the
-- dossiers as known on as_of:
--   none_close           nothing closes after as_of and nothing new arrives: the open dossiers are judged on the
--                         period's last day;
--   listed_close_on_due  every dossier open on as_of whose due date falls by the quarter's last day closes with
--                         status 9 on its due date, or on as_of when that date has passed (nothing closes in the
--                         past); one waiting for the applicant gets the answer the day it closes.
-- No rule is stated here: the scenarios are dossier relations; dossier_facts_of (sql/facts/dossier_facts.sql)
-- derives their facts and index766_list_indicators / period_list_kpis apply §5, §6 and §9 to them, judging
-- open dossiers on the period's end (judged_on). points_difference and rate_difference: listed_close_on_due
-- minus none_close, on both rows of a measure. measure_kind: 'indicator' (index766_list_indicators' row), 'total'
-- (index766_list_groups' total row; with_totals false leaves it out and saves a third of the work) or 'plan'
-- (on_time_rate, progress_rate of period_list_kpis' total row).
-- Macro parameters shadow columns of the same name, in every view and macro expanded here too: hence `unit`, not
-- unit_name (stg_dossiers, read below, has a column unit_name), and every column here is qualified.
create or replace macro projection766(as_of := NULL, unit := NULL, with_totals := true) as table
with extent as (
    select newest_event_on from dossier_extent
),

as_of_day as (
    -- with no dossier at all, today
    select coalesce(cast(as_of as date), (select e.newest_event_on from extent e), current_date) as as_of_on
),

bounds as (
    select
        a.as_of_on,
        cast(date_trunc('month', a.as_of_on) as date)                                   as month_start,
        last_day(a.as_of_on)                                                            as month_end,
        cast(date_trunc('quarter', a.as_of_on) as date)                                 as quarter_start,
        last_day(cast(date_trunc('quarter', a.as_of_on) + interval 2 month as date))    as quarter_end
    from as_of_day a
),

period_list as (
    -- the `periods` argument of the list macros; period_name is the kind, the display name comes at the end
    select
        [{'period_name': 'month', 'period_start': b.month_start, 'period_end': b.month_end},
         {'period_name': 'quarter', 'period_start': b.quarter_start, 'period_end': b.quarter_end}]
                                                                                        as periods,
        [{'period_name': 'quarter', 'period_start': b.quarter_start, 'period_end': b.quarter_end}]
                                                                                        as quarter_only,
        b.quarter_end                                                                   as judged_on,
        strftime(b.month_start, '%Y-%m')                                                as month_name,
        strftime(b.quarter_start, '%Y') || '-Q' || quarter(b.quarter_start)             as quarter_name
    from bounds b
),

quarter_handled as materialized (
    -- the dossiers the quarter (and so its month) handles in the stored data, by the §5 macro: a scenario only
    -- forgets what came after as_of and closes open dossiers, so it handles none beyond them
    select h.dossier_id, h.due_on
    from period_list_handled((select p.quarter_only from period_list p), unit) h
),

known as (
    -- the dossiers received by as_of that were open on it or have an event after it, as known on as_of: a
    -- finish after it undone (status 4 Đang xử lý), a supplement date after it unknown. supplement_count
    -- stays as exported (it carries no dates). Every other dossier keeps its stored facts.
    select
        s.* replace (
            case when cast(s.finished_at as date) > b.as_of_on then cast(4 as utinyint) else s.status end
                                                                                        as status,
            case when cast(s.finished_at as date) > b.as_of_on then null else s.finished_at end
                                                                                        as finished_at,
            case when cast(s.supplement_requested_at as date) > b.as_of_on then null
                 else s.supplement_requested_at end                                     as supplement_requested_at,
            case when cast(s.supplement_requested_at as date) > b.as_of_on
                   or cast(s.supplement_completed_at as date) > b.as_of_on then null
                 else s.supplement_completed_at end                                     as supplement_completed_at
        )
    from stg_dossiers s
    join quarter_handled q on q.dossier_id = s.dossier_id
    cross join bounds b
    where cast(s.received_at as date) <= b.as_of_on
      and (not is_closing_status(s.status)
           or cast(s.finished_at as date) > b.as_of_on
           or cast(s.supplement_requested_at as date) > b.as_of_on
           or cast(s.supplement_completed_at as date) > b.as_of_on)
),

kept_facts as (
    -- received by as_of, closed by it and untouched since
    select f.*
    from dossier_facts f
    join quarter_handled q on q.dossier_id = f.dossier_id
    cross join bounds b
    where f.received_on <= b.as_of_on
      and f.dossier_id not in (select k.dossier_id from known k)
),

projected_none_close_facts as (
    select * from kept_facts
    union all by name
    select * from dossier_facts_of('known')
),

listed as (
    -- open on as_of and due by the quarter's end (so, for the month, overdue or due by its end: those due later
    -- close after the month and are judged open at its end in both scenarios); no due date, nothing to close on
    select
        k.dossier_id,
        greatest(cast(greatest(q.due_on, b.as_of_on) as timestamp), k.received_at)     as closing_at
    from known k
    join quarter_handled q on q.dossier_id = k.dossier_id
    cross join bounds b
    where not is_closing_status(k.status)
      and q.due_on <= b.quarter_end
),

closing as (
    select
        k.* replace (
            case when l.dossier_id is null then k.status else cast(9 as utinyint) end  as status,
            coalesce(l.closing_at, k.finished_at)                                       as finished_at,
            case when l.dossier_id is not null and k.supplement_requested_at is not null
                 then coalesce(k.supplement_completed_at, l.closing_at)
                 else k.supplement_completed_at end                                     as supplement_completed_at
        )
    from known k
    left join listed l on l.dossier_id = k.dossier_id
),

projected_listed_close_facts as (
    select * from kept_facts
    union all by name
    select * from dossier_facts_of('closing')
),

indicators as (
    select 'none_close' as scenario, i.*
    from index766_list_indicators((select p.periods from period_list p), unit, 'none',
                                  judged_on := (select p.judged_on from period_list p),
                                  facts_relation := 'projected_none_close_facts') i
    union all by name
    select 'listed_close_on_due' as scenario, i.*
    from index766_list_indicators((select p.periods from period_list p), unit, 'none',
                                  judged_on := (select p.judged_on from period_list p),
                                  facts_relation := 'projected_listed_close_facts') i
),

kpis as (
    select 'none_close' as scenario, k.*
    from period_list_kpis((select p.periods from period_list p), unit, 'none',
                          judged_on := (select p.judged_on from period_list p),
                          facts_relation := 'projected_none_close_facts') k
    union all by name
    select 'listed_close_on_due' as scenario, k.*
    from period_list_kpis((select p.periods from period_list p), unit, 'none',
                          judged_on := (select p.judged_on from period_list p),
                          facts_relation := 'projected_listed_close_facts') k
),

totals as (
    -- the scope's total of §9: the sum of the non-null points, out of the sum of their maxima
    select 'none_close' as scenario, g.*
    from index766_list_groups((select p.periods from period_list p), unit, 'none',
                              judged_on := (select p.judged_on from period_list p),
                              facts_relation := 'projected_none_close_facts') g
    where with_totals and g.is_total
    union all by name
    select 'listed_close_on_due' as scenario, g.*
    from index766_list_groups((select p.periods from period_list p), unit, 'none',
                              judged_on := (select p.judged_on from period_list p),
                              facts_relation := 'projected_listed_close_facts') g
    where with_totals and g.is_total
),

measures as (
    select
        i.scenario,
        i.period_name                                                   as period,
        'indicator'                                                     as measure_kind,
        i.indicator_id                                                  as measure_id,
        i.indicator_name                                                as measure_name,
        i.sort_order,
        i.numerator,
        i.denominator,
        i.unknown,
        i.rate,
        i.points,
        i.max_points
    from indicators i
    where i.is_computable
    union all by name
    select
        t.scenario,
        t.period_name                                                   as period,
        'total'                                                         as measure_kind,
        'total'                                                         as measure_id,
        null::varchar                                                   as measure_name,
        1000                                                            as sort_order,
        t.points,
        t.max_points
    from totals t
    union all by name
    select
        k.scenario,
        k.period_name                                                   as period,
        'plan'                                                          as measure_kind,
        rate_key.measure_id,
        null::varchar                                                   as measure_name,
        rate_key.sort_order,
        case rate_key.measure_id when 'on_time_rate' then k.on_time_rate else k.progress_rate end
                                                                        as rate
    from kpis k
    cross join (values ('on_time_rate', 1001), ('progress_rate', 1002)) rate_key(measure_id, sort_order)
    where k.is_total
),

compared as (
    select
        m.*,
        max(m.points) filter (where m.scenario = 'listed_close_on_due') over same_measure
            - max(m.points) filter (where m.scenario = 'none_close') over same_measure
                                                                        as points_difference,
        max(m.rate) filter (where m.scenario = 'listed_close_on_due') over same_measure
            - max(m.rate) filter (where m.scenario = 'none_close') over same_measure
                                                                        as rate_difference
    from measures m
    window same_measure as (partition by m.period, m.measure_id)
),

final as (
    select
        c.period,
        case c.period when 'month' then p.month_name else p.quarter_name end    as period_name,
        case c.period when 'month' then b.month_start else b.quarter_start end  as period_start,
        case c.period when 'month' then b.month_end else b.quarter_end end      as period_end,
        b.as_of_on,
        c.scenario,
        c.measure_kind,
        c.measure_id,
        c.measure_name,
        c.sort_order,
        c.numerator,
        c.denominator,
        c.unknown,
        c.rate,
        c.points,
        c.max_points,
        round(c.points_difference, 2)                                           as points_difference,
        c.rate_difference
    from compared c
    cross join bounds b
    cross join period_list p
)

select * from final
order by final.period_start desc, final.period_end, final.scenario desc, final.sort_order
