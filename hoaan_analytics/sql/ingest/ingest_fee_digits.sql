-- one fee cell as ingest_amount reads it: lower case, spaces and currency words (đồng, VNĐ, đ) removed
create or replace temp macro ingest_fee_digits(cell) as
    regexp_replace(lower(cell), '\s|đồng|vnđ|vnd|đ', '', 'g');
