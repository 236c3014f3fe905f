-- one row per (period of `periods`, scope, 766 group), plus one total row per (period, scope) (is_total)
-- METRICS.md §9: a scope's total is the sum of the non-null points, "x of y" with y the sum of max_points
-- of the indicators whose points are not null; a group's points and max_points are the same sums over its
-- indicators. group_max_points is the group's weight in the index (all five: 100), computable_max_points
-- what its computable indicators can give, not_computable_max_points what no export can show (48 in all).
-- With breakdown 'unit', scope_rank ranks the units of a period by their total points (rank(): equal
-- points, equal rank); null for the scope asked. Report 07 and `hoaan index766` read every total from
-- here. Scopes, breakdown and unit_name as index766_list_indicators.
-- `judged_on`, `facts_relation`: see period_list_handled (defaults: the stored dossiers as they are).
-- Macro parameters shadow columns of the same name: every column here is qualified.
create or replace macro index766_list_groups(periods, unit_name, breakdown, judged_on := NULL,
                                             facts_relation := 'dossier_facts') as table
with indicators as (
    select * from index766_list_indicators(periods, unit_name, breakdown, judged_on := judged_on,
                                           facts_relation := facts_relation)
),

grouped as (
    select
        i.period_name,
        i.period_start,
        i.period_end,
        i.scope_unit_name,
        i.is_all_units,
        i.group_id,
        i.group_name,
        i.group_max_points,
        -- 0, not null, for a group none of whose points could be computed: "0 / 0 điểm tính được"
        coalesce(round(sum(i.points), 2), 0)                                    as points,
        coalesce(sum(i.max_points) filter (where i.points is not null), 0)     as max_points,
        coalesce(sum(i.max_points) filter (where i.is_computable), 0)          as computable_max_points,
        coalesce(sum(i.max_points) filter (where not i.is_computable), 0)      as not_computable_max_points,
        false                                                                   as is_total
    from indicators i
    group by all
),

totals as (
    select
        g.period_name,
        g.period_start,
        g.period_end,
        g.scope_unit_name,
        g.is_all_units,
        null::integer                                                           as group_id,
        null::varchar                                                           as group_name,
        sum(g.group_max_points)                                                 as group_max_points,
        round(sum(g.points), 2)                                                 as points,
        sum(g.max_points)                                                       as max_points,
        sum(g.computable_max_points)                                            as computable_max_points,
        sum(g.not_computable_max_points)                                        as not_computable_max_points,
        true                                                                    as is_total
    from grouped g
    group by all
),

ranked as (
    select
        t.*,
        case when breakdown = 'unit' and not t.is_all_units
             then rank() over (partition by t.period_name, t.is_all_units order by t.points desc) end
                                                                                as scope_rank
    from totals t
),

final as (
    select g.*, r.scope_rank
    from grouped g
    join ranked r
      on r.period_name is not distinct from g.period_name
     and r.scope_unit_name is not distinct from g.scope_unit_name
     and r.is_all_units = g.is_all_units
    union all by name
    select * from ranked
)

select * from final
order by final.period_start, final.period_name, final.is_all_units desc, final.scope_rank nulls first,
         final.scope_unit_name, final.is_total, final.group_id
