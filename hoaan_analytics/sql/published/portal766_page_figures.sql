-- one row per (page, period, node, indicator figure) the portal published: the pages' figures as indicators of §9
-- Through params/index766.yaml's table (portal766_page_indicators). A tree node gives each indicator its
-- fields n and m and a formula: 'page' = the node's points; 'linear' / 'threshold' on n/m, rounded half up
-- to 2 decimals, 0 when m = 0, null when a count is null (the payment page publishes only their sum). An
-- evaluation metric's points are its score; a code the table does not know is kept (is_mapped false,
-- indicator_id = the code). A null stays null (unknown), never 0.
create or replace table portal766_page_figures as
-- materialized: several parts below read the winners' nodes; inlined, each would read the JSON again
with winners as materialized (
    select u.*, n.node
    from portal766_unit_pages u
    join portal766_answer_nodes n on n.answer_id = u.answer_id and n.position = u.position
),

tree_figures as (
    select
        w.*,
        i.sort_order                                                            as figure_order,
        i.indicator_id,
        true                                                                    as is_mapped,
        cast(null as varchar)                                                   as code,
        cast(null as varchar)                                                   as portal_indicator_name,
        try_cast(w.node ->> i.numerator_field as bigint)                        as numerator,
        try_cast(w.node ->> i.denominator_field as bigint)                      as denominator,
        i.formula,
        i.max_points                                                            as rule_max_points,
        i.full_at
    from winners w
    join portal766_page_indicators i on i.page = w.page and i.code is null
    where w.shape = 'tree'
),

tree_points as (
    select
        t.* exclude (formula, rule_max_points, full_at, points, max_points),
        case when t.denominator > 0 then 100.0 * t.numerator / t.denominator end as ratio_percent,
        -- half up: the 1e-9 keeps a product that should end in exactly 5 from rounding down
        cast(case
            when t.formula = 'page' then t.points
            when t.numerator is null or t.denominator is null then null
            when t.denominator = 0 then 0
            when t.formula = 'linear'
                then floor(t.rule_max_points * t.numerator / t.denominator * 100 + 0.5 + 1e-9) / 100
            when t.formula = 'threshold'
                then floor(least(t.rule_max_points, t.rule_max_points * t.numerator / t.denominator / t.full_at)
                           * 100 + 0.5 + 1e-9) / 100
        end as decimal(9, 2))                                                   as points,
        case when t.formula = 'page' then t.max_points else t.rule_max_points end as max_points
    from tree_figures t
),

metric_lists as (
    select w.*, json_extract(w.node, '$.metrics[*]') as metrics
    from winners w
    where w.shape = 'evaluation'
),

metrics as (
    select m.* exclude (metrics, position, points, max_points),
        m.position || '.metrics[' || (generate_subscripts(m.metrics, 1) - 1) || ']' as position,
        unnest(m.metrics)                                                        as metric
    from metric_lists m
),

metric_values as (
    -- the metric's fields in one reading of its JSON (each ->> reads it again): code, name, numerator,
    -- denominator, ratio, score, maxScore
    select m.* exclude (metric),
        json_extract_string(m.metric, ['$.code', '$.name', '$.numerator', '$.denominator', '$.ratio', '$.score',
                                       '$.maxScore'])                           as v
    from metrics m
),

metric_figures as (
    select
        m.* exclude (v, node),
        coalesce(i.sort_order, 1000 + row_number() over (
            partition by m.answer_id, m.position order by m.position))           as figure_order,
        coalesce(i.indicator_id, m.v[1])                                        as indicator_id,
        i.indicator_id is not null                                              as is_mapped,
        m.v[1]                                                                  as code,
        trim(nfc_normalize(m.v[2]))                                             as portal_indicator_name,
        try_cast(m.v[3] as bigint)                                              as numerator,
        try_cast(m.v[4] as bigint)                                              as denominator,
        try_cast(m.v[5] as double)                                              as ratio_percent,
        try_cast(m.v[6] as decimal(9, 2))                                       as points,
        try_cast(m.v[7] as decimal(9, 2))                                       as max_points
    from metric_values m
    left join portal766_page_indicators i on i.page = m.page and i.code = m.v[1]
),

final as (
    select * exclude (node) from tree_points
    union all by name
    select * from metric_figures
)

select * from final
