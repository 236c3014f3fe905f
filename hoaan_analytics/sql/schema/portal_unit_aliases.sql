-- one row per line of params/units.csv (alias, unit_name), as the last `hoaan portal766` read it
-- Kept so that an ingest, which rebuilds the matching of the portal's units (sql/published/), matches as
-- the last load did.
create table if not exists portal_unit_aliases (
    alias       varchar not null,
    unit_name   varchar not null,
    line        integer not null
);
