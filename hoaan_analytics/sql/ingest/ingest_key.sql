-- one comparison key per cleaned text value (after ingest_words): lower case, inner white space as one space
-- Status, channel, payment method, rating and applicant type names compare this way (METRICS.md §2).
create or replace temp macro ingest_key(words) as
    lower(regexp_replace(words, '\s+', ' ', 'g'));
