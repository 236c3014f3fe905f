-- one comparison key per unit name: how `hoaan portal766` matches the portal's unit names to the exports' (scalar macro)
-- NFC, lower case, runs of white space as one space, trimmed; then a leading "UBND" / "Ủy ban nhân dân" and a
-- trailing province (" - Tỉnh Phú Thọ", ", Thành phố Hà Nội", " (TP. Huế)") are removed: every unit of a
-- province carries them alike, so they never tell two communes apart. "xã", "phường" and "thị trấn" stay:
-- a xã and a thị trấn of the same name can be neighbours. Districts stay too (two xã of one name in two
-- districts). Whatever else differs is an alias in params/units.csv.
create or replace macro portal_unit_key(name) as
    trim(regexp_replace(
        regexp_replace(
            trim(regexp_replace(lower(nfc_normalize(name)), '[\s\p{Z}]+', ' ', 'g')),
            '^(ubnd|ủy ban nhân dân|uỷ ban nhân dân)(\s*[-:.,]\s*|\s+)', ''),
        '\s*[-–—,(]\s*(tỉnh|thành phố|tp\.|tp\s)[^-–—,()]*\)?$', ''));
