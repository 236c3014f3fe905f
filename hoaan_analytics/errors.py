"""Errors meant for the person at the keyboard: the CLI prints them without a traceback."""


class HoaanError(Exception):
    """A problem the user can fix (bad file, unknown period, unknown unit ...).

    The message must say what is wrong and where (file, row, field) in plain words.
    """


class IngestError(HoaanError):
    """A file that cannot be read at all; nothing of that ingest call is stored."""


class PeriodError(HoaanError):
    """An unknown period name or mode."""


class UnknownUnitError(HoaanError):
    """A unit name that is not in the data."""
