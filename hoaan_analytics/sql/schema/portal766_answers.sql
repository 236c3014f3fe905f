-- one row per answer of the portal's public 766 page as `hoaan portal766` received it (a saved .json, or one entry of a HAR)
-- The answer is kept as the portal sent it (it names units and figures, no person and no session); the
-- figures are derived from it in SQL (sql/published/), so a changed params/index766.yaml re-reads what was
-- loaded. Of a HAR nothing else is kept: not its headers, cookies, query strings or other entries.
create table if not exists portal766_answers (
    answer_id        bigint    not null,  -- the load order: a later id was loaded later
    source_file      varchar   not null,  -- base name only: folders may name people or machines
    source_position  varchar   not null,  -- '(file)' for a saved answer, 'log.entries[5]' in a HAR
    endpoint         varchar,             -- a HAR entry: the page its URL names; null for a saved answer
    period_start     date      not null,  -- from --period, or the HAR entry's request body
    period_end       date      not null,
    period_name      varchar   not null,  -- '2026-08', '2026-Q3', '2026'
    captured_at      timestamp,           -- a HAR entry's startedDateTime (UTC); null for a saved answer
    loaded_at        timestamp not null,  -- local time of the load
    answer           json      not null   -- the answer's text as received (base64 decoded)
);
