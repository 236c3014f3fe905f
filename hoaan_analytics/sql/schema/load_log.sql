-- one row per file loaded (or skipped because the same bytes were loaded before)
create table if not exists load_log (
    load_id     integer   not null,
    file_name   varchar   not null,  -- base name only: folders may name people or machines
    file_sha256 varchar   not null,
    file_format varchar   not null,  -- 'csv' | 'xlsx' | 'json' | 'jsonl'
    loaded_at   timestamp not null,  -- local time of the load
    rows_read   integer   not null,  -- data rows found under the header
    loaded      integer   not null,  -- rows stored (new or replacing an older row)
    set_aside   integer   not null,  -- rows that could not be used, see set_aside
    skipped     boolean   not null   -- true: same bytes as an earlier load, nothing changed
);
