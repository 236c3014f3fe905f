"""Names of report files and folders, and the check that every path stays in the output folder.

Unit names come from the exports, which we do not control: a slug keeps only
ASCII letters, digits and '-', so no name can carry a path separator, '..',
quotes or a character Windows refuses.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from hoaan_analytics.errors import HoaanError

ALL_UNITS_SLUG = "toan-bo"
MAX_SLUG_LENGTH = 60


def slugify(name: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """A safe file or folder name from a unit or period name: 'UBND xã Hòa An' -> 'ubnd-xa-hoa-an'.

    ASCII letters, digits and '-' only (so never '/', '\\', '..' or quotes, and
    no Windows-reserved characters), at most `max_length` characters; a name with
    nothing usable left becomes 'x-' plus a short hash of it.
    """
    text = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if not text:
        text = "x-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    return text[:max_length].rstrip("-")


def unique_slugs(names: Sequence[str]) -> dict[str, str]:
    """Slugs for several names, made distinct with a short hash where two would collide."""
    slugs: dict[str, str] = {}
    taken: set[str] = {ALL_UNITS_SLUG}
    for name in names:
        slug = slugify(name)
        if slug in taken:
            digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:6]
            slug = f"{slug[: MAX_SLUG_LENGTH - 7]}-{digest}"
        taken.add(slug)
        slugs[name] = slug
    return slugs


def inside(base: Path, candidate: Path) -> Path:
    """`candidate`, after checking that it resolves inside `base` (no escape through names)."""
    resolved = candidate.resolve()
    if not resolved.is_relative_to(base.resolve()):
        raise HoaanError(f"refusing to write {candidate}: outside the output folder {base}")
    return candidate


def run_folder_name(period: str, mode: str) -> str:
    """'2026-Q1', 'calendar' -> '2026-q1_calendar'."""
    return f"{slugify(period)}_{slugify(mode)}"


def page_name(notebook_stem: str) -> str:
    """The HTML file a notebook becomes in its unit's folder: '07_chi_so_766' -> '07-chi-so-766.html'.

    Reports of one unit share a folder, so a report links another by this name alone.
    """
    return f"{slugify(notebook_stem)}.html"
