-- one row per (period, portal unit): its published 766 score, total of the six pages and rank (METRICS.md §10)
-- Total and maximum are exact sums of the pages' 2-decimal points (decimal), known only when the unit is on
-- every page of the table for that period with no page's points null. Rank: among the units of the same
-- level and province (the answers' root node) with a known total, 1 + those strictly greater (ties share
-- it); `of` = those units. Level: the first non-null in the table's page order. The province is ranked with none.
create or replace table portal766_unit_scores as
with page_count as (
    select count(*) as pages from portal766_pages
),

per_unit as (
    select
        u.period_start,
        u.period_end,
        min(u.period_name)                                                      as period_name,
        u.department_id,
        arg_min(u.level, p.sort_order) filter (where u.level is not null)       as level,
        arg_min(u.province_id, p.sort_order)                                    as province_id,
        count(*)                                                                as pages_present,
        count(u.points)                                                         as pages_with_points,
        sum(u.points)                                                           as points_sum,
        sum(u.max_points)                                                       as max_points_sum,
        count(u.max_points)                                                     as pages_with_max
    from portal766_unit_pages u
    join portal766_pages p on p.page = u.page
    where not u.is_root
    group by u.period_start, u.period_end, u.department_id
),

totals as (
    select
        s.*,
        case when s.pages_present = c.pages and s.pages_with_points = c.pages then s.points_sum end
                                                                                as total_points,
        case when s.pages_present = c.pages and s.pages_with_points = c.pages and s.pages_with_max = c.pages
             then s.max_points_sum end                                          as total_max_points
    from per_unit s
    cross join page_count c
),

ranked as (
    select
        t.*,
        -- rank(): 1 + the number strictly greater, ties sharing it; the unknown totals are a group apart
        case when t.total_points is not null then rank() over (
            partition by t.period_start, t.period_end, t.province_id, t.level, t.total_points is null
            order by t.total_points desc)
        end                                                                     as rank,
        case when t.total_points is not null then
            count(t.total_points) over (partition by t.period_start, t.period_end, t.province_id, t.level)
        end                                                                     as of
    from totals t
),

final as (
    select
        r.period_start, r.period_end, r.period_name, r.department_id, m.portal_unit_name, m.unit_name,
        m.match_kind, r.level, r.province_id, r.pages_present, r.total_points, r.total_max_points,
        cast(r.rank as integer) as rank, cast(r.of as integer) as of
    from ranked r
    left join portal766_unit_matches m on m.department_id = r.department_id
)

select * from final
