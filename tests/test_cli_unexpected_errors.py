"""An unattended batch gets one plain line for an error nobody foresaw, never a traceback."""

import argparse

import pytest

from hoaan_analytics import cli


@pytest.fixture
def broken_command(monkeypatch):
    class Broken:
        @staticmethod
        def register(parser: argparse.ArgumentParser) -> None:
            pass

        @staticmethod
        def run(args):
            raise ValueError("year 10000 is out of range")

    monkeypatch.setattr(cli, "_module", lambda name: Broken)


def test_unexpected_error_is_one_line_and_exit_1(broken_command, capsys, monkeypatch):
    monkeypatch.delenv("HOAAN_DEBUG", raising=False)
    assert cli.main(["kpis"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "hoaan kpis: unexpected error (ValueError: year 10000 is out of range)" in err
    assert "Traceback" not in err


def test_hoaan_debug_shows_the_traceback(broken_command, monkeypatch):
    monkeypatch.setenv("HOAAN_DEBUG", "1")
    with pytest.raises(ValueError):
        cli.main(["kpis"])
