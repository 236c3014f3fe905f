-- one row per indicator of the 766 index: how the portal scores it (params/index766.yaml, reloaded at every ingest)
-- Computable indicators carry a formula the scorecard applies to its rate (METRICS.md §9); the others
-- (is_computable false) are listed with their max_points and why no export can show them.
create table if not exists index766_rules (
    indicator_id    varchar  not null,  -- '2.1', '3.5', ... as the portal numbers them
    sort_order      integer  not null,  -- the order of params/index766.yaml
    group_id        integer  not null,  -- 1..5: the index's five groups
    group_name      varchar  not null,
    group_max_points double  not null,
    indicator_name  varchar  not null,  -- Vietnamese, for reports
    is_computable   boolean  not null,
    max_points      double   not null,
    formula         varchar,            -- 'linear' | 'threshold' | 'none'; null when not computable
    full_at         double,             -- threshold: the rate that gives max_points
    source_line     varchar,
    why_not_computable varchar
);
