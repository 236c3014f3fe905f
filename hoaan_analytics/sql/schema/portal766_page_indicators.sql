-- one row per (page, indicator figure) of params/index766.yaml's portal_pages: how a page's figures become indicators
-- A tree page names the fields of a node (numerator, denominator) and a formula; an evaluation page names
-- a metric code (several codes may give one indicator). Replaced with portal766_pages.
create table if not exists portal766_page_indicators (
    page             varchar   not null,
    sort_order       integer   not null,
    indicator_id     varchar   not null,  -- §9's ids ('2.1', '5.4') or a key ('online_services')
    code             varchar,             -- evaluation: the metric's code
    numerator_field  varchar,             -- tree: the node's field of n
    denominator_field varchar,            -- tree: the node's field of m
    formula          varchar,             -- tree: 'page' (the node's points) | 'linear' | 'threshold'
    max_points       decimal(9, 2),       -- tree: the indicator's maximum
    full_at          decimal(9, 4)        -- threshold: the rate that gives max_points
);
