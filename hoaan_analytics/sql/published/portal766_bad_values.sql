-- one row per value of a stored answer that a figure needs and that is not what the portal sends (a number, a name)
-- `hoaan portal766` refuses a load whose answers have any, naming the file, the JSON path and the field.
with nodes as (
    select n.answer_id, n.source_file, n.position, n.page, n.shape, n.is_root, n.node, n.department_id,
           n.department_name, n.points_field, n.points_text, n.points, n.max_field, n.max_points_text, n.max_points
    from portal766_answer_nodes n
    where n.page is not null
),

metric_lists as (
    select n.answer_id, n.source_file, n.position, json_extract(n.node, '$.metrics[*]') as metrics
    from nodes n
    where n.shape = 'evaluation'
),

metrics as (
    select m.answer_id, m.source_file, m.position || '.metrics[' || (generate_subscripts(m.metrics, 1) - 1) || ']'
               as position,
           unnest(m.metrics) as metric
    from metric_lists m
),

metric_values as (
    select m.answer_id, m.source_file, m.position, v.field, m.metric ->> v.field as value, v.is_count
    from metrics m
    cross join (values ('numerator', true), ('denominator', true), ('score', false), ('maxScore', false))
        v(field, is_count)
),

problems as (
    select n.answer_id, n.source_file, n.position, 'departmentId' as field, 'missing' as problem
    from nodes n where n.department_id is null and not n.is_root
    union all
    select n.answer_id, n.source_file, n.position, 'departmentName', 'missing'
    from nodes n where n.department_name is null or n.department_name = ''
    union all
    select n.answer_id, n.source_file, n.position, n.points_field, 'not a number: ' || n.points_text
    from nodes n where n.points_text is not null and n.points is null
    union all
    select n.answer_id, n.source_file, n.position, n.max_field, 'not a number: ' || n.max_points_text
    from nodes n where n.max_points_text is not null and n.max_points is null
    union all
    select v.answer_id, v.source_file, v.position, v.field,
           case when v.is_count then 'not a count: ' else 'not a number: ' end || v.value
    from metric_values v
    where v.value is not null
      and (case when v.is_count then try_cast(v.value as ubigint) is null
                else try_cast(v.value as decimal(9, 2)) is null end)
    union all
    select m.answer_id, m.source_file, m.position, 'code', 'missing'
    from metrics m where m.metric ->> 'code' is null
    union all
    select n.answer_id, n.source_file, n.position, i.numerator_field, 'not a count: ' || (n.node ->> i.numerator_field)
    from nodes n join portal766_page_indicators i on i.page = n.page and i.numerator_field is not null
    where n.node ->> i.numerator_field is not null and try_cast(n.node ->> i.numerator_field as ubigint) is null
    union all
    select n.answer_id, n.source_file, n.position, i.denominator_field,
           'not a count: ' || (n.node ->> i.denominator_field)
    from nodes n join portal766_page_indicators i on i.page = n.page and i.denominator_field is not null
    where n.node ->> i.denominator_field is not null and try_cast(n.node ->> i.denominator_field as ubigint) is null
),

final as (
    select * from problems
)

select * from final
order by final.answer_id, final.position, final.field
