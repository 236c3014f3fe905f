-- one row per (file row, reason) that could not be used (METRICS.md §8); never a personal value
create table if not exists set_aside (
    load_id     integer not null,
    file_name   varchar not null,
    source_row  integer not null,  -- 1-based row of the file as a spreadsheet shows it
    dossier_id  varchar,           -- when the row had one
    field       varchar,           -- canonical field at fault, e.g. 'received_at'
    reason      varchar not null   -- plain-language reason
);
