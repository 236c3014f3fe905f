-- one row per stored answer of the portal's 766 page (portal766_answers): its shape and the page it is (METRICS.md §10)
-- A tree answer is the page whose field (portal766_pages.recognised_by) one of its nodes carries; an
-- evaluation answer is the page whose codes (portal766_page_indicators) cover most of the answer's codes.
-- One that fits none, or two equally, has page null: an unknown page, kept and listed, never read as another.
-- Each answer's rows depend on that answer and the page table only: a load that leaves the page table as it
-- was adds the rows of its new answers alone (variable portal766_first_answer_id, the first new answer_id;
-- unset, as in every build: all answers).
create or replace table portal766_answer_pages as
with answers as (
    select a.answer_id, a.answer -> '$.data' as data
    from portal766_answers a
    where a.answer_id >= coalesce(getvariable('portal766_first_answer_id'), 0)
),

-- materialized: several parts below read the answers' shapes; inlined, each would read the JSON again
shaped as materialized (
    select
        s.answer_id,
        s.data,
        case
            when json_exists(s.data, '$.parent') or json_exists(s.data, '$.children') then 'tree'
            when json_exists(s.data, '$.evaluation') or json_exists(s.data, '$.overview') then 'evaluation'
        end                                                                     as shape
    from answers s
),

tree_nodes as (
    select s.answer_id, s.data -> '$.parent' as node from shaped s where s.shape = 'tree'
    union all
    select s.answer_id, unnest(json_extract(s.data, '$.children[*]')) as node from shaped s where s.shape = 'tree'
),

tree_fields as (
    select distinct t.answer_id, unnest(json_keys(t.node)) as field
    from tree_nodes t
    where json_type(t.node) = 'OBJECT'
),

answer_codes as (
    select distinct c.answer_id, c.code
    from (
        select s.answer_id, unnest(json_extract_string(s.data, '$.overview.metrics[*].code')) as code
        from shaped s where s.shape = 'evaluation'
        union all
        select s.answer_id, unnest(json_extract_string(s.data, '$.evaluation[*].metrics[*].code')) as code
        from shaped s where s.shape = 'evaluation'
    ) c
    where c.code is not null
),

candidates as (
    select distinct f.answer_id, p.page, 1 as fit
    from tree_fields f
    join portal766_pages p on p.shape = 'tree' and p.recognised_by = f.field
    union all
    select c.answer_id, i.page, count(distinct c.code) as fit
    from answer_codes c
    join portal766_page_indicators i on i.code = c.code
    join portal766_pages p on p.page = i.page and p.shape = 'evaluation'
    group by c.answer_id, i.page
),

best as (
    select c.answer_id, c.page
    from candidates c
    qualify count(*) over (partition by c.answer_id, c.fit) = 1
        and c.fit = max(c.fit) over (partition by c.answer_id)
),

final as (
    select
        s.answer_id,
        s.shape,
        b.page,                                                                 -- null: an unknown page
        (select count(*) from answer_codes c where c.answer_id = s.answer_id)   as code_count
    from shaped s
    left join best b on b.answer_id = s.answer_id
)

select * from final
