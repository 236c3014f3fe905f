-- one row per node of a stored answer: the province's own node (data.parent / data.overview) and each unit under it
-- Names NFC and trimmed; points and maximum as the page publishes them (portal766_pages names the fields),
-- exact 2-decimal values (decimal, never a binary float: sums decide ranks). A value that is not a number
-- is null here and named by portal766_bad_values, which `hoaan portal766` refuses before storing.
-- Each answer's rows depend on that answer and the page table only: a load that leaves the page table as it
-- was adds the rows of its new answers alone (variable portal766_first_answer_id, the first new answer_id;
-- unset, as in every build: all answers).
create or replace table portal766_answer_nodes as
-- materialized: several parts below read each answer's data; inlined, each would read the JSON again
with answers as materialized (
    select a.*, p.shape, p.page, a.answer -> '$.data' as data
    from portal766_answers a
    join portal766_answer_pages p on p.answer_id = a.answer_id
    where a.answer_id >= coalesce(getvariable('portal766_first_answer_id'), 0)
),

roots as (
    select
        a.answer_id,
        true                                                                    as is_root,
        case when a.shape = 'tree' then 'data.parent' else 'data.overview' end  as position,
        case when a.shape = 'tree' then a.data -> '$.parent' else a.data -> '$.overview' end as node
    from answers a
),

unit_lists as (
    select
        a.answer_id,
        case when a.shape = 'tree' then 'data.children' else 'data.evaluation' end as list_path,
        case when a.shape = 'tree' then json_extract(a.data, '$.children[*]')
             else json_extract(a.data, '$.evaluation[*]') end                   as nodes
    from answers a
),

units as (
    select l.answer_id, l.list_path, generate_subscripts(l.nodes, 1) - 1 as list_index, unnest(l.nodes) as node
    from unit_lists l
),

nodes as (
    select r.answer_id, r.is_root, r.position, r.node from roots r where json_type(r.node) = 'OBJECT'
    union all
    select u.answer_id, false, u.list_path || '[' || u.list_index || ']', u.node from units u
),

read_nodes as (
    select
        a.answer_id,
        a.page,
        a.shape,
        a.source_file,
        a.period_start,
        a.period_end,
        a.period_name,
        a.captured_at,
        n.is_root,
        n.position,
        n.v[1]                                                                  as department_id,
        trim(nfc_normalize(n.v[2]))                                             as department_name,
        n.v[3]                                                                  as department_code,
        coalesce(n.v[4], n.v[5])                                                as level,
        case when n.is_root then p.root_points_field else p.points_field end    as points_field,
        case when n.is_root then p.root_max_field else p.max_field end          as max_field,
        n.node ->> (case when n.is_root then p.root_points_field else p.points_field end) as points_text,
        n.node ->> (case when n.is_root then p.root_max_field else p.max_field end)       as max_points_text,
        n.node
    from (
        -- the node's fixed fields in one reading of its JSON (each ->> reads it again)
        select n.*, json_extract_string(n.node, ['$.departmentId', '$.departmentName', '$.departmentCode', '$.level',
                                                 '$.departmentLevel']) as v
        from nodes n
    ) n
    join answers a on a.answer_id = n.answer_id
    left join portal766_pages p on p.page = a.page
),

final as (
    select
        r.* exclude (points_text, max_points_text, node),
        max(case when r.is_root then r.department_id end) over (partition by r.answer_id) as province_id,
        try_cast(r.points_text as decimal(9, 2))                                as points,
        try_cast(r.max_points_text as decimal(9, 2))                            as max_points,
        r.points_text,
        r.max_points_text,
        r.node
    from read_nodes r
)

select * from final
