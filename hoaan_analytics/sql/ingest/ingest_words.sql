-- one value per Vietnamese text cell (names, status, channel, ...): NFC, trimmed; empty -> null
-- nfc_normalize costs about 1.6 µs per non-ASCII value; NFD text always carries a combining mark
-- (U+0300-U+036F holds every Vietnamese one), so precomposed text skips it, 5x faster on real exports.
-- Trimming with a character list costs as much again, so it runs only when an end needs it.
create or replace temp macro ingest_words(cell) as
    case
        when regexp_matches(cell, '[\x{0300}-\x{036F}]')
            then nullif(trim(nfc_normalize(cell), ingest_trim_chars()), '')
        when regexp_matches(cell, '^[' || ingest_trim_chars() || ']|[' || ingest_trim_chars() || ']$')
            then nullif(trim(cell, ingest_trim_chars()), '')
        else nullif(cell, '')
    end;
