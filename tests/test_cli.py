"""The command line: every command has help, errors become messages and exit codes."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import build_parser, main

COMMANDS = ["generate", "build", "serve", "check"]


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "--content" in out and len(out.splitlines()) > 4


def test_cli_every_option_has_help_text() -> None:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, sub in subparsers.choices.items():
        assert sub.description, name
        for action in sub._actions:
            assert action.help, (name, action.dest)


def test_cli_python_m_generator_works() -> None:
    result = subprocess.run([sys.executable, "-m", "generator", "--help"], capture_output=True,
                            text=True)
    assert result.returncode == 0 and "Exit codes" in result.stdout


def test_cli_check_reports_all_problems_with_file_and_line(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "empty.txt").write_text("")
    (tmp_path / "articles" / "a.md").write_text("---\nurl: javascript:x\n---\nBody.\n")
    (tmp_path / "site.yml").write_text("tittle: x\n")
    assert main(["check", "--content", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "empty.txt: error: the file is empty" in err
    assert "a.md:2: error: url must be an http(s) address" in err
    assert "site.yml:1: error: unknown key 'tittle'" in err
    assert "Traceback" not in err


def test_cli_generate_exits_1_on_bad_content(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "x.txt").write_bytes(b"\x00")
    assert main(["generate", "--content", str(tmp_path / "c"), "--docs", str(tmp_path / "d")]) == 1
    assert not (tmp_path / "d").exists()


def test_cli_usage_error_exits_2() -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["frobnicate"])
    assert exit_info.value.code == 2


def test_cli_check_prints_suspected_merges_as_information(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(
        "Guard posts fall silent\n\nThe Valley Guard said the bridge held.\n\n"
        "The Sela Valley Guard said it had sent boats.\n")
    assert main(["check", "--content", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert "0 error(s), 0 warning(s)" in captured.err
    assert "1 suspected merge(s)" in captured.out
    assert "why: every word of 'Valley Guard' is in 'Sela Valley Guard'" in captured.out
    assert "      - name: Sela Valley Guard\n        aliases: [Valley Guard]\n" in captured.out
