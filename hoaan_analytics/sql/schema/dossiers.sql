-- one row per dossier_id: the latest usable row of all exports loaded (the loader keeps dossier_id unique)
-- No personal data of applicants is ever a column here (METRICS.md §2).
create table if not exists dossiers (
    dossier_id              varchar   not null,  -- MaHoSo / Mã hồ sơ, text as exported
    procedure_code          varchar,             -- MaTTHC, text: '2.000720' stays '2.000720'
    procedure_name          varchar,
    field_code              varchar,
    field_name              varchar,             -- lĩnh vực, NFC
    unit_name               varchar,             -- the commune or agency, NFC and trimmed
    channel                 utinyint  not null,  -- 1 Trực tiếp, 2 Trực tuyến, 3 Bưu chính công ích; empty -> 1
    status                  utinyint  not null,  -- national status code 1..10
    received_at             timestamp,
    due_at                  timestamp,           -- the original appointment, as exported (may be null)
    finished_at             timestamp,
    returned_at             timestamp,
    supplement_requested_at timestamp,
    supplement_completed_at timestamp,
    supplement_count        integer,
    fee_amount              bigint,              -- đồng; null or 0 = no fee
    payment_method          varchar,             -- NFC, trimmed; null = not given (counts as cash)
    paid_online             utinyint,            -- 1 national portal, 2 local gateway, 0 or null = no
    rating                  varchar,             -- 'Rất hài lòng' | 'Hài lòng' | 'Không hài lòng' | other text | null
    load_id                 integer   not null,  -- load_log.load_id of the file this row came from
    source_row              integer   not null,  -- 1-based row of that file as a spreadsheet shows it
    -- added for the 766 scorecard (METRICS.md §2, §9); flags are null when the export had no such column
    submitted_at            timestamp,           -- NgayNopHoSo: submitted by the applicant (online: may precede received_at)
    applicant_type          utinyint,            -- LoaiDoiTuong: 1 Công dân, 2 Doanh nghiệp, 3 Cơ quan nhà nước, 4 Khác
    has_component_files     boolean,             -- the dossier's components were digitised (files attached)
    has_reused_data         boolean,             -- a component reused digitised data
    from_citizen_store      boolean,             -- a component came from (or the result went to) the applicant's store
    has_result_file         boolean,             -- an electronic result file was issued
    vneid_verified          boolean,             -- the applicant's account was verified with VNeID
    has_complaint           boolean              -- a complaint (phản ánh, kiến nghị) was filed about it
);
-- A database built before the scorecard's columns gains them empty (unknown) and keeps its rows.
alter table dossiers add column if not exists submitted_at timestamp;
alter table dossiers add column if not exists applicant_type utinyint;
alter table dossiers add column if not exists has_component_files boolean;
alter table dossiers add column if not exists has_reused_data boolean;
alter table dossiers add column if not exists from_citizen_store boolean;
alter table dossiers add column if not exists has_result_file boolean;
alter table dossiers add column if not exists vneid_verified boolean;
alter table dossiers add column if not exists has_complaint boolean;
