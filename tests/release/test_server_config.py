"""`yichuang server --config /etc/yichuang/server.toml` (the Debian systemd unit's way)."""

from __future__ import annotations

import argparse

import pytest

from server import cli, config_file


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    cli.add_commands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["server", *argv])
    return config_file.apply(args, args.parser, {a.split("=")[0] for a in argv
                                                 if a.startswith("--")})


def test_file_fills_options_and_the_command_line_wins(tmp_path):
    conf = tmp_path / "server.toml"
    conf.write_text('db = "sqlite:////var/lib/yichuang/server.sqlite3"\n'
                    'host = "0.0.0.0"\nport = 8471\nlog_level = "warning"\n', "utf-8")
    args = _parse(["--config", str(conf), "--port", "9000"])
    assert args.db == "sqlite:////var/lib/yichuang/server.sqlite3"
    assert (args.host, args.port, args.log_level) == ("0.0.0.0", 9000, "warning")


@pytest.mark.parametrize("text, says", [("port = 1\nbogus = 2\n", "unknown option 'bogus'"),
                                        ("port = \n", "server.toml")])
def test_a_bad_file_is_refused_with_a_reason(tmp_path, text, says):
    conf = tmp_path / "server.toml"
    conf.write_text(text, "utf-8")
    with pytest.raises(config_file.ConfigError, match=says):
        _parse(["--config", str(conf)])


def test_the_packaged_example_is_valid():
    import pathlib

    example = pathlib.Path(__file__).resolve().parents[2] / "packaging" / "deb" / "server.toml"
    args = _parse(["--config", str(example)])
    assert args.db.startswith("sqlite:////var/lib/yichuang/")
