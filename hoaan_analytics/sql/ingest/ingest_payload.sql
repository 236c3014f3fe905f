-- one row per record of a payload file (METRICS.md §2a): one text per canonical field, nothing personal
-- $path: the file; $format: 'array' (.json) or 'newline_delimited' (.jsonl). ingest/read_json.py
-- stores it as a temp table; rowid (file order) gives source_row. The `columns` structure below is the
-- whole list of keys ever read: no personal key is in it, and the lists' links leave this statement as
-- yes/no only. Flags the payload always knows are staged as '1' or '' (empty = 0, METRICS.md §2);
-- has_complaint stays null when the record has no CoPhanAnhKienNghi.
with records as (
    select *
    from read_json($path, format = $format, records = true, columns = {
        -- the record shape {"hoSo": {...}, "tienTrinhDongBo": [...]}
        'hoSo': 'STRUCT(MaHoSo VARCHAR, MaTTHC VARCHAR, TenTTHC VARCHAR, MaLinhVuc VARCHAR, TenLinhVuc VARCHAR,
                        DonViXuLy VARCHAR, KenhThucHien VARCHAR, TrangThaiHoSo VARCHAR, NgayTiepNhan VARCHAR,
                        NgayHenTra VARCHAR, NgayKetThucXuLy VARCHAR, NgayTra VARCHAR, NgayYeuCauBoSung VARCHAR,
                        NgayCongDanBoSung VARCHAR, SoLanBoSung VARCHAR, TongLePhi VARCHAR,
                        HinhThucThanhToan VARCHAR, DuocThanhToanTrucTuyen VARCHAR, DanhGia VARCHAR,
                        NgayNopHoSo VARCHAR, LoaiDoiTuong VARCHAR, CoTepThanhPhan VARCHAR,
                        HoSoCoThanhPhanSoHoa VARCHAR, DuocLayTuKhoDMQG VARCHAR, CoTepKetQua VARCHAR,
                        TaiKhoanDuocXacThucVoiVNeID VARCHAR, CoPhanAnhKienNghi VARCHAR,
                        DanhSachHoSoBoSung JSON, DanhSachLePhi JSON, TaiLieuNop JSON, DanhSachGiayToKetQua JSON)',
        'tienTrinhDongBo': 'JSON',
        -- the record shape of the dossier object itself: the same keys at the top
        'MaHoSo': 'VARCHAR', 'MaTTHC': 'VARCHAR', 'TenTTHC': 'VARCHAR', 'MaLinhVuc': 'VARCHAR',
        'TenLinhVuc': 'VARCHAR', 'DonViXuLy': 'VARCHAR', 'KenhThucHien': 'VARCHAR', 'TrangThaiHoSo': 'VARCHAR',
        'NgayTiepNhan': 'VARCHAR', 'NgayHenTra': 'VARCHAR', 'NgayKetThucXuLy': 'VARCHAR', 'NgayTra': 'VARCHAR',
        'NgayYeuCauBoSung': 'VARCHAR', 'NgayCongDanBoSung': 'VARCHAR', 'SoLanBoSung': 'VARCHAR',
        'TongLePhi': 'VARCHAR', 'HinhThucThanhToan': 'VARCHAR', 'DuocThanhToanTrucTuyen': 'VARCHAR',
        'DanhGia': 'VARCHAR', 'NgayNopHoSo': 'VARCHAR', 'LoaiDoiTuong': 'VARCHAR', 'CoTepThanhPhan': 'VARCHAR',
        'HoSoCoThanhPhanSoHoa': 'VARCHAR', 'DuocLayTuKhoDMQG': 'VARCHAR', 'CoTepKetQua': 'VARCHAR',
        'TaiKhoanDuocXacThucVoiVNeID': 'VARCHAR', 'CoPhanAnhKienNghi': 'VARCHAR',
        'DanhSachHoSoBoSung': 'JSON', 'DanhSachLePhi': 'JSON', 'TaiLieuNop': 'JSON', 'DanhSachGiayToKetQua': 'JSON'
    })
),

dossier as (
    -- a record with hoSo takes every field from it
    select
        if(hoSo is null, MaHoSo, hoSo.MaHoSo)                                           as MaHoSo,
        if(hoSo is null, MaTTHC, hoSo.MaTTHC)                                           as MaTTHC,
        if(hoSo is null, TenTTHC, hoSo.TenTTHC)                                         as TenTTHC,
        if(hoSo is null, MaLinhVuc, hoSo.MaLinhVuc)                                     as MaLinhVuc,
        if(hoSo is null, TenLinhVuc, hoSo.TenLinhVuc)                                   as TenLinhVuc,
        if(hoSo is null, DonViXuLy, hoSo.DonViXuLy)                                     as DonViXuLy,
        if(hoSo is null, KenhThucHien, hoSo.KenhThucHien)                               as KenhThucHien,
        if(hoSo is null, TrangThaiHoSo, hoSo.TrangThaiHoSo)                             as TrangThaiHoSo,
        if(hoSo is null, NgayTiepNhan, hoSo.NgayTiepNhan)                               as NgayTiepNhan,
        if(hoSo is null, NgayHenTra, hoSo.NgayHenTra)                                   as NgayHenTra,
        if(hoSo is null, NgayKetThucXuLy, hoSo.NgayKetThucXuLy)                         as NgayKetThucXuLy,
        if(hoSo is null, NgayTra, hoSo.NgayTra)                                         as NgayTra,
        if(hoSo is null, NgayYeuCauBoSung, hoSo.NgayYeuCauBoSung)                       as NgayYeuCauBoSung,
        if(hoSo is null, NgayCongDanBoSung, hoSo.NgayCongDanBoSung)                     as NgayCongDanBoSung,
        if(hoSo is null, SoLanBoSung, hoSo.SoLanBoSung)                                 as SoLanBoSung,
        if(hoSo is null, TongLePhi, hoSo.TongLePhi)                                     as TongLePhi,
        if(hoSo is null, HinhThucThanhToan, hoSo.HinhThucThanhToan)                     as HinhThucThanhToan,
        if(hoSo is null, DuocThanhToanTrucTuyen, hoSo.DuocThanhToanTrucTuyen)           as DuocThanhToanTrucTuyen,
        if(hoSo is null, DanhGia, hoSo.DanhGia)                                         as DanhGia,
        if(hoSo is null, NgayNopHoSo, hoSo.NgayNopHoSo)                                 as NgayNopHoSo,
        if(hoSo is null, LoaiDoiTuong, hoSo.LoaiDoiTuong)                               as LoaiDoiTuong,
        if(hoSo is null, CoTepThanhPhan, hoSo.CoTepThanhPhan)                           as CoTepThanhPhan,
        if(hoSo is null, HoSoCoThanhPhanSoHoa, hoSo.HoSoCoThanhPhanSoHoa)               as HoSoCoThanhPhanSoHoa,
        if(hoSo is null, DuocLayTuKhoDMQG, hoSo.DuocLayTuKhoDMQG)                       as DuocLayTuKhoDMQG,
        if(hoSo is null, CoTepKetQua, hoSo.CoTepKetQua)                                 as CoTepKetQua,
        if(hoSo is null, TaiKhoanDuocXacThucVoiVNeID, hoSo.TaiKhoanDuocXacThucVoiVNeID) as TaiKhoanDuocXacThucVoiVNeID,
        if(hoSo is null, CoPhanAnhKienNghi, hoSo.CoPhanAnhKienNghi)                     as CoPhanAnhKienNghi,
        if(hoSo is null, DanhSachHoSoBoSung, hoSo.DanhSachHoSoBoSung)                   as DanhSachHoSoBoSung,
        if(hoSo is null, DanhSachLePhi, hoSo.DanhSachLePhi)                             as DanhSachLePhi,
        if(hoSo is null, TaiLieuNop, hoSo.TaiLieuNop)                                   as TaiLieuNop,
        if(hoSo is null, DanhSachGiayToKetQua, hoSo.DanhSachGiayToKetQua)               as DanhSachGiayToKetQua,
        tienTrinhDongBo
    from records
),

lists as (
    -- each list as typed entries, only the keys a rule needs; a value that is no array is no list
    -- (from_json gives null for it).
    -- Links become yes/no here: the text of a link never leaves this statement.
    select
        * exclude (DanhSachHoSoBoSung, DanhSachLePhi, TaiLieuNop, DanhSachGiayToKetQua),
        -- supplementation rounds; one with an empty NgayBoSung is ignored
        list_filter(
            from_json(DanhSachHoSoBoSung, '[{"NgayBoSung": "VARCHAR", "NgayTiepNhanBoSung": "VARCHAR"}]'),
            lambda round: ingest_text(round.NgayBoSung) is not null
        ) as rounds,
        from_json(DanhSachLePhi, '[{"Gia": "VARCHAR", "HinhThucThu": "VARCHAR"}]') as fees,
        -- component files; a deleted one (IsDeleted 1/true) counts for none of the three flags
        list_transform(
            list_filter(
                from_json(TaiLieuNop, '[{"DuongDanTaiTepTin": "VARCHAR", "IsDeleted": "VARCHAR",
                                         "DuocSoHoa": "VARCHAR", "DuocLayTuKhoDMQG": "VARCHAR"}]'),
                lambda component: not coalesce(ingest_flag(component.IsDeleted), false)
            ),
            lambda component: {
                'has_link': coalesce(trim(component.DuongDanTaiTepTin, ingest_trim_chars()) <> '', false),
                'reused': coalesce(ingest_flag(component.DuocSoHoa), false),
                'from_store': coalesce(ingest_flag(component.DuocLayTuKhoDMQG), false)
            }
        ) as components,
        list_transform(
            from_json(DanhSachGiayToKetQua, '[{"DuongDanTepTinKetQua": "VARCHAR"}]'),
            lambda result: coalesce(trim(result.DuongDanTepTinKetQua, ingest_trim_chars()) <> '', false)
        ) as result_links
    from dossier
),

rounds_read as (
    -- a round's date that cannot be read is passed on first, so that the row is set aside (§8);
    -- otherwise the earliest round by NgayBoSung gives both dates
    select
        * exclude (rounds),
        rounds is not null as has_round_list,
        len(rounds) as round_count,
        list_filter(rounds, lambda round: ingest_timestamp(ingest_text(round.NgayBoSung)) is null)[1].NgayBoSung
            as unreadable_requested,
        list_filter(rounds, lambda round: ingest_text(round.NgayTiepNhanBoSung) is not null
                                          and ingest_timestamp(ingest_text(round.NgayTiepNhanBoSung)) is null
        )[1].NgayTiepNhanBoSung as unreadable_answered,
        list_sort(list_transform(rounds, lambda round: {
            'requested': ingest_timestamp(ingest_text(round.NgayBoSung)),
            'requested_text': round.NgayBoSung,
            'answered_text': round.NgayTiepNhanBoSung
        }))[1] as earliest_round,
        -- fees: the sum of the non-empty amounts, unknown when one cannot be read
        list_transform(
            list_filter(fees, lambda fee: ingest_text(fee.Gia) is not null),
            lambda fee: ingest_amount(ingest_fee_digits(ingest_text(fee.Gia)))
        ) as fee_amounts,
        list_filter(fees, lambda fee: ingest_text(fee.HinhThucThu) is not null)[1].HinhThucThu
            as first_payment_method,
        ingest_key(ingest_words(TrangThaiHoSo)) as status_key
    from lists
),

closing as (
    -- when NgayKetThucXuLy is empty and the status is closing (7-10), the processing log gives
    -- finished_at: the earliest ThoiDiemXuLy of status 9, else 10, else 8, else 7
    select
        *,
        ingest_text(NgayKetThucXuLy) is null
            and coalesce(is_closing_status(ingest_status(ingest_words(TrangThaiHoSo), status_key)), false)
            as needs_logged_finish
    from rounds_read
),

logged as (
    select
        *,
        case when needs_logged_finish then
            list_sort(list_filter(list_transform(
                from_json(tienTrinhDongBo, '[{"TrangThai": "VARCHAR", "ThoiDiemXuLy": "VARCHAR"}]'),
                lambda step: {
                    -- preference of the step's status: 9, then 10, 8, 7 (others: null)
                    'preference': list_position([9, 10, 8, 7], ingest_status(
                        ingest_words(step.TrangThai), ingest_key(ingest_words(step.TrangThai)))),
                    -- a time that cannot be read comes first and sets the row aside
                    'readable': ingest_timestamp(ingest_text(step.ThoiDiemXuLy)) is not null,
                    'at': ingest_timestamp(ingest_text(step.ThoiDiemXuLy)),
                    'text': step.ThoiDiemXuLy
                }),
                lambda step: step.preference is not null and ingest_text(step.text) is not null
            ))[1].text
        end as logged_finish
    from closing
)

select
    MaHoSo                  as dossier_id,
    MaTTHC                  as procedure_code,
    TenTTHC                 as procedure_name,
    MaLinhVuc               as field_code,
    TenLinhVuc              as field_name,
    DonViXuLy               as unit_name,
    KenhThucHien            as channel,
    TrangThaiHoSo           as status,
    NgayTiepNhan            as received_at,
    NgayHenTra              as due_at,
    if(needs_logged_finish, logged_finish, NgayKetThucXuLy) as finished_at,
    NgayTra                 as returned_at,
    -- a list, when the record has it, defines its fields; otherwise the top-level names count
    if(has_round_list, coalesce(unreadable_requested, earliest_round.requested_text), NgayYeuCauBoSung)
        as supplement_requested_at,
    if(has_round_list, coalesce(unreadable_answered, earliest_round.answered_text), NgayCongDanBoSung)
        as supplement_completed_at,
    if(has_round_list, cast(round_count as varchar), SoLanBoSung) as supplement_count,
    case
        when fees is null then TongLePhi
        when len(fee_amounts) = 0 then null
        when list_bool_or(list_transform(fee_amounts, lambda amount: amount is null)) then null
        else cast(list_sum(fee_amounts) as varchar)
    end as fee_amount,
    if(fees is null, HinhThucThanhToan, first_payment_method) as payment_method,
    DuocThanhToanTrucTuyen  as paid_online,
    DanhGia                 as rating,
    NgayNopHoSo             as submitted_at,
    LoaiDoiTuong            as applicant_type,
    -- a flag the lists decide: the record's own cell without the list, else '1' when an entry says so
    if(components is null, coalesce(CoTepThanhPhan, ''),
       if(list_bool_or(list_transform(components, lambda component: component.has_link)), '1', ''))
        as has_component_files,
    if(components is null, coalesce(HoSoCoThanhPhanSoHoa, ''),
       if(coalesce(ingest_flag(HoSoCoThanhPhanSoHoa), false)
          or list_bool_or(list_transform(components, lambda component: component.reused)), '1', ''))
        as has_reused_data,
    if(components is null, coalesce(DuocLayTuKhoDMQG, ''),
       if(list_bool_or(list_transform(components, lambda component: component.from_store)), '1', ''))
        as from_citizen_store,
    if(result_links is null, coalesce(CoTepKetQua, ''), if(list_bool_or(result_links), '1', ''))
        as has_result_file,
    coalesce(TaiKhoanDuocXacThucVoiVNeID, '') as vneid_verified,
    CoPhanAnhKienNghi       as has_complaint
from logged
