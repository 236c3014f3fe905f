"""`hoaan worklist | head`: a reader that stops early ends the command quietly (exit 0), never with an error."""

import subprocess
import sys

import pytest

from hoaan_analytics import cli

# Prints far more than a pipe holds, so that the writer meets the closed pipe (as under `| head -3`).
_LONG_COMMAND = """
import sys
from hoaan_analytics import cli

class Long:
    @staticmethod
    def register(parser):
        pass

    @staticmethod
    def run(args):
        for n in range(200_000):
            print(f"line {n}")

cli._module = lambda name: Long
sys.exit(cli.main(["worklist"]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="a pipe closed by its reader is the POSIX shell's case")
def test_a_reader_that_stops_early_gets_no_error_line():
    writer = subprocess.Popen([sys.executable, "-c", _LONG_COMMAND], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = writer.stdout.readline()
    writer.stdout.close()  # what `head -1` does once it has its line
    err = writer.stderr.read().decode()
    assert writer.wait(timeout=60) == 0
    assert first == b"line 0\n"
    assert err == ""


def test_other_errors_still_say_what_happened(monkeypatch, capsys):
    class Broken:
        @staticmethod
        def register(parser):
            pass

        @staticmethod
        def run(args):
            raise OSError("disk full")

    monkeypatch.setattr(cli, "_module", lambda name: Broken)
    monkeypatch.delenv("HOAAN_DEBUG", raising=False)
    assert cli.main(["worklist"]) == 1
    assert "OSError: disk full" in capsys.readouterr().err
