-- one row per received dossier (status not 1 Mới đăng ký / 3 Không được tiếp nhận: those count nowhere, METRICS.md §2)
with source as (
    select * from dossiers
),

received as (
    select * from source where not is_never_received_status(status)
),

final as (
    -- dossiers' columns but the return date and the load's bookkeeping
    select
        * exclude (returned_at, load_id, source_row) replace (
            coalesce(supplement_count, 0)                       as supplement_count,
            nullif(trim(nfc_normalize(rating)), '')             as rating
        ),
        -- units compare after NFC, trimming and case folding (METRICS.md §2)
        text_key(unit_name)                                     as unit_key
    from received
)

select * from final
