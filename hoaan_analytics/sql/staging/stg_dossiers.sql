-- one row per received dossier (status not 1 Mới đăng ký / 3 Không được tiếp nhận: those count nowhere, METRICS.md §2)
with source as (
    select * from dossiers
),

received as (
    select * from source where not is_never_received_status(status)
),

final as (
    select
        dossier_id,
        procedure_code,
        procedure_name,
        field_code,
        field_name,
        unit_name,
        -- units compare after NFC, trimming and case folding (METRICS.md §2)
        text_key(unit_name)                                     as unit_key,
        channel,
        status,
        received_at,
        due_at,
        finished_at,
        supplement_requested_at,
        supplement_completed_at,
        coalesce(supplement_count, 0)                           as supplement_count,
        fee_amount,
        payment_method,
        paid_online,
        nullif(trim(nfc_normalize(rating)), '')                 as rating,
        submitted_at,
        applicant_type,
        has_component_files,
        has_reused_data,
        from_citizen_store,
        has_result_file,
        vneid_verified,
        has_complaint
    from received
)

select * from final
