-- one row per item of the whole 766 score of a unit of ours for [d0, d1], before the portal publishes (METRICS.md §10)
-- Items: one per (page, indicator) of params/index766.yaml's page table. One that §9 scores takes our points
-- (index766) when our rate is known; every other takes its published points (a null score counts 0, as the
-- portal's page totals count it) from [d0, d1] when the unit is on that page of it, else from the latest period
-- of the same kind (as many months) ending before d0 on which it is, page by page. A page on no such period:
-- no total, the page named in missing_pages. Maximum: the table's pages (100). The provisional rank compares the
-- total with the published totals of the other units of its level and province for [d0, d1] when its six pages
-- are loaded, else for the latest period of the same kind before it whose six are: 1 + those strictly greater,
-- `of` = those units + 1. Every row repeats the unit's total, rank and carried_from (the earliest period an item
-- was carried from; null when none was). Macro parameters shadow columns: every column here is qualified.
create or replace macro index766_whole(d0, d1, unit_name) as table
with target as (
    select cast(d0 as date) as d0, cast(d1 as date) as d1,
           date_diff('month', cast(d0 as date), cast(d1 as date) + interval 1 day) as months
),

department as (
    -- the portal's unit of ours (several portal units named as one of ours: the first, as listed)
    select min(m.department_id) as department_id
    from portal766_unit_matches m
    where not m.is_root and lower(trim(nfc_normalize(m.unit_name))) = lower(trim(nfc_normalize(unit_name)))
),

same_kind as (
    select u.*
    from portal766_unit_pages u
    cross join target t
    where not u.is_root
      and date_diff('month', u.period_start, u.period_end + interval 1 day) = t.months
      and ((u.period_start = t.d0 and u.period_end = t.d1) or u.period_end < t.d0)
),

page_periods as (
    -- per page: the period its published points come from
    select s.page, s.period_start, s.period_end, s.period_name, s.province_id, s.level
    from same_kind s
    join department d on d.department_id = s.department_id
    qualify row_number() over (partition by s.page order by s.period_end desc) = 1
),

items as (
    select i.page, p.sort_order as page_order, i.indicator_id, min(i.sort_order) as item_order
    from portal766_page_indicators i
    join portal766_pages p on p.page = i.page
    group by i.page, p.sort_order, i.indicator_id
),

ours as (
    select o.indicator_id, cast(o.points as decimal(9, 2)) as points
    from index766(d0, d1, unit_name, 'none') o
    join index766_rules r on r.indicator_id = o.indicator_id
    where r.is_computable and r.formula <> 'none' and o.points is not null
),

published as (
    select f.page, f.indicator_id, sum(coalesce(f.points, 0)) as points
    from portal766_page_figures f
    join department d on d.department_id = f.department_id
    join page_periods pp on pp.page = f.page and pp.period_start = f.period_start and pp.period_end = f.period_end
    where not f.is_root
    group by f.page, f.indicator_id
),

scored as (
    select
        i.page,
        i.page_order,
        i.item_order,
        i.indicator_id,
        -- on the page but without this figure (or a null score): 0, as the portal's page totals count it
        case when o.points is not null then o.points when pp.page is not null then coalesce(pb.points, 0) end
                                                                                as points,
        case when o.points is not null then 'ours' when pp.page is not null then 'published' end as source,
        case when o.points is null then pp.period_name end                      as period_name,
        case when o.points is null then pp.period_end end                       as period_end,
        o.points is null and pp.period_end < t.d0                               as is_carried
    from items i
    cross join target t
    left join ours o on o.indicator_id = i.indicator_id
    left join page_periods pp on pp.page = i.page
    left join published pb on pb.page = i.page and pb.indicator_id = i.indicator_id
),

unit_place as (
    -- the unit's level and province: those of its latest published page
    select any_value(p.level order by p.period_end desc) as level,
           any_value(p.province_id order by p.period_end desc) as province_id
    from page_periods p
),

totals as (
    select
        case when count(*) filter (where s.points is null) = 0 then sum(s.points) end as total_points,
        (select sum(p.max_points) from portal766_pages p)                       as total_max_points,
        string_agg(distinct s.page, ', ' order by s.page) filter (where s.points is null) as missing_pages,
        arg_min(s.period_name, s.period_end) filter (where s.is_carried)        as carried_from
    from scored s
),

complete_periods as (
    -- periods of the same kind, [d0, d1] or before it, with the unit's province's units on every page
    select u.period_start, u.period_end
    from same_kind u
    cross join unit_place up
    where u.province_id = up.province_id
    group by u.period_start, u.period_end
    having count(distinct u.page) = (select count(*) from portal766_pages)
),

rank_period as (
    select c.period_start, c.period_end from complete_periods c order by c.period_end desc limit 1
),

others as (
    select s.total_points
    from portal766_unit_scores s
    join rank_period rp on rp.period_start = s.period_start and rp.period_end = s.period_end
    cross join unit_place up
    where s.province_id = up.province_id and s.level is not distinct from up.level
      and s.total_points is not null
      and s.department_id <> coalesce((select d.department_id from department d), '')
),

ranked as (
    select
        t.*,
        case when t.total_points is not null and exists (select 1 from rank_period)
             then 1 + (select count(*) from others o where o.total_points > t.total_points) end as rank,
        case when t.total_points is not null and exists (select 1 from rank_period)
             then 1 + (select count(*) from others) end                         as of,
        (select min(c.period_end) from rank_period c)                           as rank_period_end
    from totals t
),

final as (
    select s.page, s.page_order, s.item_order, s.indicator_id, s.points, s.source, s.period_name, s.is_carried,
           (select d.department_id from department d) as department_id, r.*
    from scored s
    cross join ranked r
)

select * from final
order by final.page_order, final.item_order
