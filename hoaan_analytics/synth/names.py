"""Name lists for the synthetic exports (hoaan_analytics.synth): units, people, villages.

Plain constants, no logic. Commune and ward names are those of the new Tuyên Quang
province (Tuyên Quang + Hà Giang, merged in 2025) as far as we know them; the
order puts Hòa An, Chiêm Hóa and Kiên Đài first because the shared samples use
them with the unit codes H56.10, H56.11 and H56.12. They are demo data, not an
authoritative list of administrative units.
"""

from __future__ import annotations

PROVINCE = "Tuyên Quang"

# (kind, name): kind is "xã" or "phường"; the unit is "UBND <kind> <name>".
UNITS: tuple[tuple[str, str], ...] = (
    ("xã", "Hòa An"), ("xã", "Chiêm Hóa"), ("xã", "Kiên Đài"), ("xã", "Kim Bình"),
    ("xã", "Tân Mỹ"), ("xã", "Yên Lập"), ("xã", "Tân An"), ("xã", "Trung Hà"),
    ("xã", "Minh Quang"), ("xã", "Bình An"), ("xã", "Lâm Bình"), ("xã", "Thượng Lâm"),
    ("xã", "Nà Hang"), ("xã", "Thượng Nông"), ("xã", "Côn Lôn"), ("xã", "Yên Hoa"),
    ("xã", "Hồng Thái"), ("xã", "Hàm Yên"), ("xã", "Thái Hòa"), ("xã", "Đức Xuân"),
    ("xã", "Thái Sơn"), ("xã", "Phù Lưu"), ("xã", "Bạch Xa"), ("xã", "Yên Phú"),
    ("xã", "Bình Xa"), ("xã", "Tân Thành"), ("xã", "Yên Sơn"), ("xã", "Thái Bình"),
    ("xã", "Tân Long"), ("xã", "Xuân Vân"), ("xã", "Lực Hành"), ("xã", "Kiến Thiết"),
    ("xã", "Trung Sơn"), ("xã", "Hùng Lợi"), ("xã", "Nhữ Khê"), ("xã", "Sơn Dương"),
    ("xã", "Tân Trào"), ("xã", "Minh Thanh"), ("xã", "Bình Ca"), ("xã", "Tú Thịnh"),
    ("xã", "Đông Thọ"), ("xã", "Hồng Sơn"), ("xã", "Phú Lương"), ("xã", "Trường Sinh"),
    ("xã", "Sơn Thủy"), ("xã", "Hùng Đức"), ("xã", "Yên Nguyên"), ("xã", "Hòa Phú"),
    ("xã", "Ngọc Đường"), ("xã", "Phú Linh"), ("xã", "Thượng Sơn"), ("xã", "Cao Bồ"),
    ("xã", "Việt Lâm"), ("xã", "Vị Xuyên"), ("xã", "Bạch Ngọc"), ("xã", "Linh Hồ"),
    ("xã", "Thanh Thủy"), ("xã", "Minh Tân"), ("xã", "Thuận Hòa"), ("xã", "Tùng Bá"),
    ("xã", "Lao Chải"), ("xã", "Bắc Mê"), ("xã", "Minh Ngọc"), ("xã", "Yên Cường"),
    ("xã", "Đường Hồng"), ("xã", "Giáp Trung"), ("xã", "Quản Bạ"), ("xã", "Cán Tỷ"),
    ("xã", "Nghĩa Thuận"), ("xã", "Tùng Vài"), ("xã", "Lùng Tám"), ("xã", "Yên Minh"),
    ("xã", "Mậu Duệ"), ("xã", "Du Già"), ("xã", "Đường Thượng"), ("xã", "Ngọc Long"),
    ("xã", "Lũng Cú"), ("xã", "Đồng Văn"), ("xã", "Sà Phìn"), ("xã", "Phố Bảng"),
    ("xã", "Lũng Phìn"), ("xã", "Mèo Vạc"), ("xã", "Sơn Vĩ"), ("xã", "Sủng Máng"),
    ("xã", "Khâu Vai"), ("xã", "Tát Ngà"), ("xã", "Niêm Sơn"), ("xã", "Pả Vi"),
    ("xã", "Hoàng Su Phì"), ("xã", "Thông Nguyên"), ("xã", "Pờ Ly Ngài"), ("xã", "Nậm Dịch"),
    ("xã", "Tân Tiến"), ("xã", "Bản Máy"), ("xã", "Hồ Thầu"), ("xã", "Thàng Tín"),
    ("xã", "Xín Mần"), ("xã", "Pà Vầy Sủ"), ("xã", "Nấm Dẩn"), ("xã", "Trung Thịnh"),
    ("xã", "Quảng Nguyên"), ("xã", "Khuôn Lùng"), ("xã", "Nà Chì"), ("xã", "Bắc Quang"),
    ("xã", "Vĩnh Tuy"), ("xã", "Đồng Yên"), ("xã", "Đồng Tâm"), ("xã", "Tân Quang"),
    ("xã", "Hùng An"), ("xã", "Liên Hiệp"), ("xã", "Bằng Hành"), ("xã", "Tiên Yên"),
    ("xã", "Quang Bình"), ("xã", "Yên Thành"), ("xã", "Xuân Giang"), ("xã", "Bằng Lang"),
    ("xã", "Tiên Nguyên"), ("xã", "Thắng Mố"), ("xã", "Bạch Đích"),
    ("phường", "Minh Xuân"), ("phường", "Nông Tiến"), ("phường", "An Tường"),
    ("phường", "Bình Thuận"), ("phường", "Mỹ Lâm"), ("phường", "Hà Giang 1"),
    ("phường", "Hà Giang 2"),
)

# Family names with rough weights for the province (Kinh, Tày, Dao, H'Mông, Nùng families).
FAMILY_NAMES: tuple[tuple[str, int], ...] = (
    ("Nguyễn", 22), ("Trần", 8), ("Lê", 6), ("Phạm", 5), ("Hoàng", 6), ("Hà", 6),
    ("Ma", 5), ("Quan", 3), ("Nông", 4), ("Triệu", 3), ("Lý", 3), ("Đặng", 3),
    ("Bàn", 2), ("Vũ", 3), ("Đỗ", 2), ("Bùi", 2), ("Lộc", 1), ("Chu", 1), ("Giàng", 2),
    ("Vàng", 2), ("Sùng", 1), ("Thào", 1), ("Lục", 1), ("Dương", 2), ("Phùng", 1),
)

MIDDLE_NAMES_MALE: tuple[str, ...] = ("Văn", "Đức", "Minh", "Quốc", "Xuân", "Hữu", "Thanh", "Ngọc", "Công", "Mạnh")
MIDDLE_NAMES_FEMALE: tuple[str, ...] = ("Thị", "Thu", "Ngọc", "Minh", "Thanh", "Hồng", "Kim", "Phương", "Thúy", "Diệu")

GIVEN_NAMES_MALE: tuple[str, ...] = (
    "An", "Bình", "Cường", "Dũng", "Đạt", "Đông", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy",
    "Khánh", "Kiên", "Long", "Mạnh", "Nam", "Nghĩa", "Phúc", "Quang", "Quân", "Sơn",
    "Thắng", "Thành", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Hưng",
)
GIVEN_NAMES_FEMALE: tuple[str, ...] = (
    "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Huyền", "Hương", "Lan",
    "Liên", "Linh", "Loan", "Mai", "My", "Ngân", "Nga", "Nhung", "Oanh", "Phương",
    "Quỳnh", "Thảo", "Thủy", "Trang", "Tuyết", "Uyên", "Vân", "Yến", "Hiền",
)

# Villages (thôn, bản) used in addresses besides numbered ones ("Thôn 12").
VILLAGES: tuple[str, ...] = (
    "Nà Héc", "Khuổi Hóp", "Bản Ba", "Nà Mụ", "Pác Cáp", "Nà Tông", "Bản Pài", "Làng Chẻ",
    "Đồng Chùa", "Khuôn Khiếu", "Nà Khà", "Phiêng Luông", "Bản Tát", "Nặm Đăm", "Lũng Hòa",
    "Tân Lập", "Đoàn Kết", "Trung Tâm", "Cầu Cao", "Làng Đồn",
)

# First three digits of a CCCD number: the province of birth registration.
# 008 Tuyên Quang, 002 Hà Giang, then neighbours and big cities.
CCCD_PROVINCES: tuple[tuple[str, int], ...] = (
    ("008", 62), ("002", 25), ("006", 3), ("010", 2), ("019", 2), ("025", 2), ("001", 2),
    ("079", 1), ("026", 1),
)

MOBILE_PREFIXES: tuple[str, ...] = (
    "086", "096", "097", "098", "032", "033", "034", "035", "036", "037", "038", "039",
    "088", "091", "094", "083", "084", "085", "081", "082", "089", "090", "093", "070",
    "079", "077", "076", "078", "092", "056", "058",
)

# The portal's 766 page (METRICS.md §10, hoaan_analytics.synth.portal766): its own names, as it sends them.
PORTAL766_PROVINCE_NAME = f"UBND tỉnh {PROVINCE}"
PORTAL766_PROVINCE_CODE = "H56"
# The province-level departments listed beside the communes (level PROVINCE, ranked apart).
PORTAL766_DEPARTMENTS: tuple[str, ...] = (
    f"Văn phòng UBND Tỉnh - Tỉnh {PROVINCE}", f"Sở Tư pháp - Tỉnh {PROVINCE}",
)
# metric code -> the name the portal gives it
PORTAL766_METRIC_NAMES: dict[str, str] = {
    "PUBLISH_ON_TIME": "Tỷ lệ TTHC công bố đúng hạn",
    "PUBLIC_UPDATE_ON_TIME": "Tỷ lệ TTHC cập nhật, công khai đúng hạn",
    "PUBLIC_CONTENT_FULL": "Tỷ lệ TTHC công khai đầy đủ nội dung",
    "DOSSIER_SYNC": "Tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG",
    "ORIGINAL_RESULT_AVAILABLE": "Tỷ lệ hồ sơ thủ tục hành chính có cấp kết quả giải quyết thủ tục hành chính "
                                 "điện tử",
    "SO_HOA_GIAY_TO_GIAI_QUYET": "Tỷ lệ hồ sơ thủ tục hành chính thực hiện số hóa hồ sơ",
    "REUSED_DIGITIZED_DATA": "Tỷ lệ hồ sơ khai thác, sử dụng lại thông tin, dữ liệu số hóa",
    "SYNCED_WITH_DVCQG_PERSONAL_STORAGE": "Tỷ lệ hồ sơ TTHC được số hóa có kết nối, chia sẻ dữ liệu phục vụ tái "
                                          "sử dụng",
    "CITIZEN_DATA_CONNECTED_DOSSIER": "Tỷ lệ hồ sơ TTHC có sử dụng thông tin, dữ liệu dân cư",
    "CITIZEN_DATA_CONNECTED_FORMALITY": "Tỷ lệ TTHC triển khai kết nối, chia sẻ dữ liệu dân cư phục vụ GQ TTHC",
    "ELECTRONIC_CERTIFIED_COPY": "Tỷ lệ cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính",
    "PETITION_CLASSIFICATION_TTHC": "Tỷ lệ PAKN về quy định, thủ tục hành chính",
    "DOSSIER_RECEIVING_SATISFACTION": "Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC",
    "PETITION_PROCESSING_ON_TIME": "Tỷ lệ PAKN xử lý đúng hạn",
    "PETITION_HANDLING_SATISFACTION": "Tỷ lệ hài lòng trong xử lý PAKN",
    "PETITION_CLASSIFICATION_STAFF": "Tỷ lệ PAKN về hành vi cán bộ, công chức, viên chức",
}
