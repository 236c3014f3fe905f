-- one row per non-empty data row of the file being loaded: typed values and the reasons it cannot be used
-- Reads temp table ingest_raw (source_row + one varchar per canonical field) and the procedures catalogue.
-- Reasons are METRICS.md §8 exactly; rows with status 1 or 3 never get one. Reasons never quote a cell's value.
-- The repeated columns (procedure, unit, status, channel, fee, payment, rating, ...) hold a few hundred
-- distinct values in a million rows: each distinct combination is cleaned and typed once (the *_values
-- CTEs) and joined back on the raw cells, since nfc_normalize and the regexes cost 0.3-4 µs per value
-- and DuckDB would otherwise run them on every row. Ids and dates, nearly all distinct, are read per row.
create or replace temp view ingest_parsed as
with procedure_values as (
    select
        procedure_code                       as procedure_code_cell,
        procedure_name                       as procedure_name_cell,
        field_code                           as field_code_cell,
        field_name                           as field_name_cell,
        ingest_text(procedure_code)          as procedure_code,
        ingest_words(procedure_name)         as procedure_name,
        ingest_text(field_code)              as field_code,
        ingest_words(field_name)             as field_name
    from (select distinct procedure_code, procedure_name, field_code, field_name from ingest_raw)
),

procedure_typed as (
    select
        v.*,
        procedures.procedure_code is not null as in_catalogue
    from procedure_values as v
    left join (select distinct procedure_code from procedures) as procedures
        on v.procedure_code = procedures.procedure_code
),

unit_values as (
    select
        unit_name                            as unit_name_cell,
        ingest_words(unit_name)              as unit_name
    from (select distinct unit_name from ingest_raw)
),

state_values as (
    select
        channel                              as channel_cell,
        status                               as status_cell,
        supplement_count                     as supplement_count_cell,
        applicant_type                       as applicant_type_cell,
        ingest_words(channel)                as channel_text,
        ingest_words(status)                 as status_text,
        ingest_text(supplement_count)        as supplement_count_text,
        ingest_words(applicant_type)         as applicant_type_text
    from (select distinct channel, status, supplement_count, applicant_type from ingest_raw)
),

state_keyed as (
    -- text values compare case-insensitively, with single spaces
    select
        *,
        ingest_key(status_text)         as status_key,
        ingest_key(channel_text)        as channel_key,
        ingest_key(applicant_type_text) as applicant_type_key
    from state_values
),

state_typed as (
    select
        channel_cell,
        status_cell,
        supplement_count_cell,
        applicant_type_cell,
        channel_text,
        status_text,
        supplement_count_text,
        applicant_type_text,
        -- an empty channel counts as Trực tiếp (METRICS.md §2)
        if(channel_text is null, 1::utinyint,
           ingest_coded(channel_text, channel_key, ['trực tiếp', 'trực tuyến', 'bưu chính công ích'])) as channel,
        ingest_status(status_text, status_key) as status,
        case
            when regexp_full_match(supplement_count_text, '[0-9]+(\.0+)?')
                then try_cast(regexp_extract(supplement_count_text, '^([0-9]+)', 1) as integer)
        end as supplement_count,
        -- LoaiDoiTuong: a code or its name; anything else is unknown, not a reason to set the row aside
        ingest_coded(applicant_type_text, applicant_type_key,
                     ['công dân', 'doanh nghiệp', 'cơ quan nhà nước', 'khác']) as applicant_type
    from state_keyed
),

payment_values as (
    select
        fee_amount                           as fee_amount_cell,
        payment_method                       as payment_method_cell,
        paid_online                          as paid_online_cell,
        rating                               as rating_cell,
        ingest_text(fee_amount)              as fee_amount_text,
        ingest_words(payment_method)         as payment_method_text,
        ingest_text(paid_online)             as paid_online_text,
        ingest_words(rating)                 as rating_text
    from (select distinct fee_amount, payment_method, paid_online, rating from ingest_raw)
),

payment_keyed as (
    select
        *,
        ingest_key(payment_method_text) as payment_method_key,
        ingest_key(rating_text)         as rating_key,
        -- fee: spaces and currency words removed before reading the number
        ingest_fee_digits(fee_amount_text) as fee_digits
    from payment_values
),

payment_typed as (
    select
        fee_amount_cell,
        payment_method_cell,
        paid_online_cell,
        rating_cell,
        fee_amount_text,
        payment_method_text,
        paid_online_text,
        rating_text,
        ingest_amount(fee_digits) as fee_amount,
        case
            when payment_method_key = 'tiền mặt' then 'Tiền mặt'
            when payment_method_key = 'chuyển khoản' then 'Chuyển khoản'
            when payment_method_key = 'thanh toán trực tuyến' then 'Thanh toán trực tuyến'
            else payment_method_text
        end as payment_method,
        case
            when regexp_full_match(paid_online_text, '[0-2](\.0+)?') then cast(left(paid_online_text, 1) as utinyint)
        end::utinyint as paid_online,
        case
            when rating_key = 'rất hài lòng' then 'Rất hài lòng'
            when rating_key = 'hài lòng' then 'Hài lòng'
            when rating_key = 'không hài lòng' then 'Không hài lòng'
            else rating_text
        end as rating
    from payment_keyed
),

cleaned as (
    -- every row with its distinct values' results; `is not distinct from`: an empty cell (null) is a value too
    select
        r.source_row,
        ingest_text(r.dossier_id)              as dossier_id,
        p.procedure_code,
        p.procedure_name,
        p.field_code,
        p.field_name,
        p.in_catalogue,
        u.unit_name,
        s.channel_text,
        s.status_text,
        s.channel,
        s.status,
        -- the dates' cells, x -> x_text (only ingest_raw has columns of these names)
        ingest_text(columns('^(received_at|due_at|finished_at|returned_at|supplement_requested_at'
                            '|supplement_completed_at)$'))                 as '\1_text',
        s.supplement_count_text,
        s.supplement_count,
        f.fee_amount_text,
        f.fee_amount,
        f.payment_method_text,
        f.payment_method,
        f.paid_online_text,
        f.paid_online,
        f.rating_text,
        f.rating,
        ingest_text(r.submitted_at)            as submitted_at_text,
        s.applicant_type_text,
        s.applicant_type,
        -- flags keep '' apart from null: '' is an empty cell (0), null a missing column (unknown)
        ingest_flag(columns('^(has_component_files|has_reused_data|from_citizen_store|has_result_file'
                            '|vneid_verified|has_complaint)$'))
    from ingest_raw as r
    -- each distinct-values table on all its cells at once (a row compares field by field, null equal to null)
    join procedure_typed as p
      on (p.procedure_code_cell, p.procedure_name_cell, p.field_code_cell, p.field_name_cell)
         is not distinct from (r.procedure_code, r.procedure_name, r.field_code, r.field_name)
    join unit_values as u
      on u.unit_name_cell is not distinct from r.unit_name
    join state_typed as s
      on (s.channel_cell, s.status_cell, s.supplement_count_cell, s.applicant_type_cell)
         is not distinct from (r.channel, r.status, r.supplement_count, r.applicant_type)
    join payment_typed as f
      on (f.fee_amount_cell, f.payment_method_cell, f.paid_online_cell, f.rating_cell)
         is not distinct from (r.fee_amount, r.payment_method, r.paid_online, r.rating)
),

non_empty as (
    -- blank lines and footer rows with nothing in a known column are not data rows
    select * from cleaned
    where coalesce(dossier_id, procedure_code, procedure_name, field_code, field_name, unit_name,
                   channel_text, status_text, received_at_text, due_at_text, finished_at_text,
                   returned_at_text, supplement_requested_at_text, supplement_completed_at_text,
                   supplement_count_text, fee_amount_text, payment_method_text, paid_online_text,
                   rating_text, submitted_at_text, applicant_type_text) is not null
),

typed as (
    select
        * exclude (supplement_count_text, fee_amount_text, payment_method_text, paid_online_text,
                   rating_text, applicant_type_text),
        -- every date's cell, x_text -> x_read
        ingest_timestamp(columns('^(received_at|due_at|finished_at|returned_at|supplement_requested_at'
                                 '|supplement_completed_at|submitted_at)_text$')) as '\1_read'
    from non_empty
),

windowed as (
    -- a date outside the plausible window is stored as empty (status 1/3 rows keep it so) and sets
    -- any other row aside
    select
        typed.*,
        -- x_read -> x
        ingest_plausible(columns('^(.*)_read$'))       as '\1'
    from typed
),

flagged as (
    -- one flag per reason of METRICS.md §8, so that the list of reasons is built only for the
    -- few rows that have one (building a list per row cost more than all the flags together)
    select
        *,
        coalesce(is_never_received_status(status), false)                      as is_never_received,
        dossier_id is null                                                     as has_no_dossier_id,
        received_at_text is not null and received_at is null                   as has_bad_received_at,
        due_at_text is not null and due_at is null                             as has_bad_due_at,
        finished_at_text is not null and finished_at is null                   as has_bad_finished_at,
        returned_at_text is not null and returned_at is null                   as has_bad_returned_at,
        supplement_requested_at_text is not null and supplement_requested_at is null
                                                                               as has_bad_supplement_requested_at,
        supplement_completed_at_text is not null and supplement_completed_at is null
                                                                               as has_bad_supplement_completed_at,
        submitted_at_text is not null and submitted_at is null                 as has_bad_submitted_at,
        status is null and status_text is null                                 as has_no_status,
        status is null and status_text is not null                            as has_bad_status,
        channel is null                                                        as has_bad_channel,
        received_at_text is null                                               as has_no_received_at,
        coalesce(finished_at < received_at, false)                             as is_finished_before_received,
        coalesce(is_closing_status(status), false) and finished_at_text is null as is_closed_without_finish,
        due_at_text is null and not in_catalogue                               as has_no_due_date
    from windowed
),

checked as (
    select
        *,
        case
            when is_never_received then []
            when has_no_dossier_id or has_bad_received_at or has_bad_due_at or has_bad_finished_at
                 or has_bad_returned_at or has_bad_supplement_requested_at
                 or has_bad_supplement_completed_at or has_bad_submitted_at or has_no_status or has_bad_status
                 or has_bad_channel or has_no_received_at or is_finished_before_received
                 or is_closed_without_finish or has_no_due_date
            then list_filter([
                case when has_no_dossier_id
                    then {'field': 'dossier_id', 'reason': 'no dossier id'} end,
                ingest_date_reason('received_at', has_bad_received_at, received_at_read),
                ingest_date_reason('due_at', has_bad_due_at, due_at_read),
                ingest_date_reason('finished_at', has_bad_finished_at, finished_at_read),
                ingest_date_reason('returned_at', has_bad_returned_at, returned_at_read),
                ingest_date_reason('supplement_requested_at', has_bad_supplement_requested_at, supplement_requested_at_read),
                ingest_date_reason('supplement_completed_at', has_bad_supplement_completed_at, supplement_completed_at_read),
                ingest_date_reason('submitted_at', has_bad_submitted_at, submitted_at_read),
                case when has_no_status
                    then {'field': 'status', 'reason': 'no status'}
                    when has_bad_status
                    then {'field': 'status', 'reason': 'status is neither a code 1-10 nor a status name'} end,
                case when has_bad_channel
                    then {'field': 'channel', 'reason': 'channel is neither a code 1-3 nor a channel name'} end,
                case when has_no_received_at
                    then {'field': 'received_at', 'reason': 'no received date'} end,
                case when is_finished_before_received
                    then {'field': 'finished_at', 'reason': 'finished before it was received'} end,
                case when is_closed_without_finish
                    then {'field': 'finished_at', 'reason': 'closing status without a finished date'} end,
                case when has_no_due_date
                    then {'field': 'due_at', 'reason': 'no due date and the procedure is not in the catalogue'} end
            ], lambda problem: problem is not null)
            else []
        end as problems
    from flagged
)

-- the cells' texts served the checks above; only values and reasons are kept
select * exclude (
    channel_text, status_text, received_at_text, due_at_text, finished_at_text, returned_at_text,
    supplement_requested_at_text, supplement_completed_at_text, submitted_at_text,
    received_at_read, due_at_read, finished_at_read, returned_at_read, supplement_requested_at_read,
    supplement_completed_at_read, submitted_at_read, in_catalogue, is_never_received, has_no_dossier_id, has_bad_received_at, has_bad_due_at,
    has_bad_finished_at, has_bad_returned_at, has_bad_supplement_requested_at,
    has_bad_supplement_completed_at, has_bad_submitted_at, has_no_status, has_bad_status, has_bad_channel,
    has_no_received_at, is_finished_before_received, is_closed_without_finish, has_no_due_date
) from checked
