-- one scalar macro: the characters a text cell is trimmed of: space, tab, line feed, carriage return, no-break space
-- The one statement of that list: ingest_text, ingest_words, ingest_flag and the payload's link tests
-- trim with it (a constant: DuckDB folds it, and a regex built from it, once per query).
create or replace temp macro ingest_trim_chars() as
    ' ' || chr(9) || chr(10) || chr(13) || chr(160);
