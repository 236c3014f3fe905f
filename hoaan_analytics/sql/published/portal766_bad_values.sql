-- one row per value of a stored answer that a figure needs and that is not what the portal sends (a number, a name)
-- `hoaan portal766` refuses a load whose answers have any, naming the file, the JSON path and the field.
with nodes as (
    select n.answer_id, n.source_file, n.position, n.page, n.is_root, n.node, n.department_id, n.department_name,
           n.points_text, n.points, n.max_points_text, n.max_points
    from portal766_answer_nodes n
    where n.page is not null
),

problems as (
    select n.answer_id, n.source_file, n.position, 'departmentId' as field, 'missing' as problem
    from nodes n where n.department_id is null and not n.is_root
    union all
    select n.answer_id, n.source_file, n.position, 'departmentName', 'missing'
    from nodes n where n.department_name is null or n.department_name = ''
    union all
    select n.answer_id, n.source_file, n.position, 'points', 'not a number: ' || n.points_text
    from nodes n where n.points_text is not null and n.points is null
    union all
    select n.answer_id, n.source_file, n.position, 'max', 'not a number: ' || n.max_points_text
    from nodes n where n.max_points_text is not null and n.max_points is null
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
