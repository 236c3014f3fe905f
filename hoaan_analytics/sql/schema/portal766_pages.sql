-- one row per page of the portal's public 766 page (params/index766.yaml, portal_pages; METRICS.md §10)
-- Replaced at every `hoaan ingest` and `hoaan portal766` from the params.
create table if not exists portal766_pages (
    page             varchar   not null,  -- the endpoint: 'dvc-progress-tree', 'transparency', ...
    sort_order       integer   not null,  -- the order of params/index766.yaml (a unit's level: the first page's)
    shape            varchar   not null,  -- 'tree' | 'evaluation'
    recognised_by    varchar,             -- tree: the field one of its nodes carries
    max_points       decimal(9, 2) not null,  -- the page's points in the index
    points_field     varchar   not null,  -- the node's points
    max_field        varchar   not null,  -- the node's maximum
    root_points_field varchar  not null,  -- the same on the province's node
    root_max_field   varchar   not null
);
