-- one row per procedure_code: the statutory limits (params/procedures.csv), reloaded at every ingest
create table if not exists procedures (
    procedure_code varchar  not null,
    procedure_name varchar,
    field_name     varchar,
    statutory_days integer  not null,  -- working days; 0 = the same day
    cutoff_15h     boolean  not null,  -- received at or after 15:00 counts from the next working day
    confidence     varchar,
    note           varchar,
    has_fee        boolean,            -- METRICS.md §7: a fee or charge in the national database; null = unknown
    paper_result   boolean             -- the result is a paper document (certificate, licence, extract, ...)
);
-- A database built before §9 gains the two columns empty (unknown).
alter table procedures add column if not exists has_fee boolean;
alter table procedures add column if not exists paper_result boolean;
