-- one row per (period of `periods`, scope, 766 indicator): numerator, denominator, unknown, rate and points
-- METRICS.md §9; counted_unit says what numerator and denominator count ('dossiers', or 'procedures' for
-- 3.5). Scope: one row set for `unit_name` (NULL = all units) when `breakdown` is 'none', one per
-- unit when it is 'unit'. Computable indicators come from index766_list_dossiers; the others (rules with
-- is_computable false) follow with null counts and points. Points: the rule's formula on the exact rate
-- (index766_rules, from params/index766.yaml), rounded half up to 2 decimals; null when the rate is null.
-- `judged_on`, `facts_relation`: see period_list_handled (defaults: the stored dossiers as they are).
-- Macro parameters shadow columns of the same name: every column here is qualified.
create or replace macro index766_list_indicators(periods, unit_name, breakdown, judged_on := NULL,
                                                 facts_relation := 'dossier_facts') as table
with measured as (
    select
        d.*,
        case breakdown
            when 'none' then null
            when 'unit' then d.unit_key
            else error('unknown breakdown ' || breakdown || ': use none or unit')
        end                                                                 as scope_key
    from index766_list_dossiers(periods, unit_name, judged_on := judged_on, facts_relation := facts_relation) d
),

scopes as (
    -- every (period, scope) that has handled dossiers; with none, the period still gets its all-units scope
    select distinct m.period_name, m.period_start, m.period_end, m.scope_key from measured m
    union
    select b.period_name, b.period_start, b.period_end, null::varchar from period_list_bounds(periods) b
    where breakdown = 'none'
),

rules as (
    -- what a computable indicator counts (its numerator's and denominator's unit, shown in report 07):
    -- 3.5 the procedures with a fee (those with a received fee dossier, and those with one paid online),
    -- every other one its dossiers
    select
        ir.*,
        case when not ir.is_computable then null
             when ir.indicator_id = '3.5' then 'procedures'
             else 'dossiers' end                                            as counted_unit
    from index766_rules ir
),

counted as (
    -- both counts for every indicator; `scored` takes the one its rule's counted_unit names (a join to
    -- the rules here, before the aggregate, would cost a probe per dossier row)
    select
        m.period_name,
        m.scope_key,
        m.indicator_id,
        count(*) filter (where m.meets)                                     as dossiers_met,
        count(*)                                                            as dossiers,
        count(distinct m.procedure_code) filter (where m.meets)             as procedures_met,
        count(distinct m.procedure_code)                                    as procedures,
        count(*) filter (where m.meets is null)                             as unknown
    from measured m
    group by m.period_name, m.scope_key, m.indicator_id
),

scored as (
    select
        s.period_name,
        s.period_start,
        s.period_end,
        s.scope_key,
        r.*,
        case when r.is_computable then coalesce(case when r.counted_unit = 'procedures' then c.procedures_met
                                                     else c.dossiers_met end, 0) end
                                                                            as numerator,
        case when r.is_computable then coalesce(case when r.counted_unit = 'procedures' then c.procedures
                                                     else c.dossiers end, 0) end
                                                                            as denominator,
        case when r.is_computable then coalesce(c.unknown, 0) end           as unknown
    from scopes s
    cross join rules r
    left join counted c
      on c.period_name is not distinct from s.period_name
     and c.scope_key is not distinct from s.scope_key
     and c.indicator_id = r.indicator_id
),

rated as (
    select
        sc.*,
        -- null when nothing to count, or when a member's condition is unknown (a flag the export lacks)
        case when sc.denominator > 0 and sc.unknown = 0
             then sc.numerator / sc.denominator end                         as rate
    from scored sc
),

final as (
    select
        r.period_name,
        r.period_start,
        r.period_end,
        -- a unit's own spelling for a per-unit scope; null for the scope asked (all units or `unit_name`)
        (select min(u.unit_name) from dossier_units u where u.unit_key = r.scope_key)
                                                                            as scope_unit_name,
        r.scope_key is null                                                 as is_all_units,
        r.indicator_id,
        r.sort_order,
        r.group_id,
        r.group_name,
        r.group_max_points,
        r.indicator_name,
        r.is_computable,
        r.counted_unit,
        r.numerator,
        r.denominator,
        r.unknown,
        r.rate,
        -- half up: the 1e-9 keeps a product that should end in exactly 5 from rounding down
        case
            when r.rate is null or r.formula = 'none' then null
            when r.formula = 'linear' then floor(r.max_points * r.rate * 100 + 0.5 + 1e-9) / 100
            when r.formula = 'threshold'
                then floor(least(r.max_points, r.max_points * r.rate / r.full_at) * 100 + 0.5 + 1e-9) / 100
        end                                                                 as points,
        r.max_points,
        r.why_not_computable
    from rated r
)

select * from final
order by final.period_name, final.is_all_units desc, final.scope_unit_name, final.sort_order
