"""A report's read-only connection (ReportConnection): each distinct statement run once, its result kept."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

import polars as pl

from hoaan_analytics import db

T = TypeVar("T")


class ReportConnection:
    """A read-only DuckDB connection that runs each statement at most once per report, and logs it.

    db.query, db.records and db.scalar reach DuckDB through `sql(...).pl()`,
    `sql(...).fetchall()` and `execute(...).fetchall()`; here each keeps its
    result under (statement, parameters), so a second section asking the same
    question gets the kept frame or rows, whatever module asks. `log` receives each statement actually
    run: a test or bench/report_queries.py counts them. Anything else is the
    wrapped connection's own.
    """

    def __init__(self, con: db.Connection, log: list[tuple[str, str]], results: dict[Hashable, Any]):
        self._con = con
        self._log = log
        self._results = results

    def _once(self, key: tuple[str, str, str], run: Callable[[], T]) -> T:
        if key not in self._results:
            self._log.append(key[1:])
            self._results[key] = run()
        return self._results[key]

    def sql(self, query: str, params: Any = None) -> _KeptRelation:
        return _KeptRelation(self, query, params)

    def execute(self, query: str, parameters: Any = None) -> _KeptRows:
        return _KeptRows(self, query, parameters)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


@dataclass(frozen=True)
class _KeptRelation:
    """What `sql()` returns: a polars frame (db.query) or columns and rows (db.records), each made once."""

    owner: ReportConnection
    query: str
    params: Any

    def pl(self) -> pl.DataFrame:
        return self.owner._once(("pl", self.query, repr(self.params)),
                                lambda: self.owner._con.sql(self.query, params=self.params).pl())

    @property
    def columns(self) -> list[str]:
        return self._records()[0]

    def fetchall(self) -> list[tuple]:
        return self._records()[1]

    def _records(self) -> tuple[list[str], list[tuple]]:
        def run() -> tuple[list[str], list[tuple]]:
            relation = self.owner._con.sql(self.query, params=self.params)
            return relation.columns, relation.fetchall()

        return self.owner._once(("records", self.query, repr(self.params)), run)


@dataclass(frozen=True)
class _KeptRows:
    """What `execute()` returns: its rows fetched once (db.scalar and db.run fetch all)."""

    owner: ReportConnection
    query: str
    params: Any

    def fetchall(self) -> list[tuple]:
        return self.owner._once(("rows", self.query, repr(self.params)),
                                lambda: self.owner._con.execute(self.query, self.params).fetchall())
