"""What a file under sql/ creates and which relations it names, read from its text.

The build order of the derived models (models.build_plan) and the list of macros a
reader needs follow from the files themselves, so that a new file is built without
being listed anywhere in Python.
"""

from __future__ import annotations

import re

# `create [or replace] [temp] macro|view|table [if not exists] name`, at the start of a statement
_CREATE = re.compile(
    r"\bcreate\s+(?:or\s+replace\s+)?(?:temp(?:orary)?\s+)?(macro|view|table)\s+(?:if\s+not\s+exists\s+)?"
    r"([a-z_][a-z0-9_]*)",
    re.IGNORECASE,
)
# Comments and string literals name no relation ('' is a quote inside a literal).
_COMMENT_OR_STRING = re.compile(r"--[^\n]*|/\*.*?\*/|'(?:[^']|'')*'", re.DOTALL)
_IDENTIFIER = re.compile(r"\b[a-z_][a-z0-9_]*\b", re.IGNORECASE)


def code_only(sql: str) -> str:
    """`sql` without its comments and string literals (each replaced by a space)."""
    return _COMMENT_OR_STRING.sub(" ", sql)


def created_objects(sql: str) -> list[tuple[str, str]]:
    """(kind, name) of each macro, view or table the statements of `sql` create, in order; kind lower case."""
    return [(kind.lower(), name.lower()) for kind, name in _CREATE.findall(code_only(sql))]


def identifiers(sql: str) -> set[str]:
    """Every bare word of `sql`'s code, lower case: relation, column, CTE and function names alike."""
    return {word.lower() for word in _IDENTIFIER.findall(code_only(sql))}
