"""`yichuang server --config FILE`: the server's options from a TOML file.

A packaged server (the Debian systemd unit) reads /etc/yichuang/server.toml; each key is
the long option without dashes (``db``, ``host``, ``port``, ``log_level``, and whatever
options later versions add), and an option given on the command line wins over the file.
"""

from __future__ import annotations

import argparse
import pathlib
import tomllib


class ConfigError(ValueError):
    """The file is unreadable, not TOML, or names an option the command does not have."""


def apply(args: argparse.Namespace, parser: argparse.ArgumentParser,
          argv_options: set[str]) -> argparse.Namespace:
    """Fill `args` from args.config where the command line did not say otherwise."""
    path = getattr(args, "config", None)
    if not path:
        return args
    try:
        data = tomllib.loads(pathlib.Path(path).read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    known = {a.dest: a for a in parser._actions if a.dest not in ("help", "config")}
    for key, value in data.items():
        dest = key.replace("-", "_")
        if dest not in known:
            raise ConfigError(f"{path}: unknown option {key!r} "
                              f"(known: {', '.join(sorted(known))})")
        if set(known[dest].option_strings) & argv_options:
            continue  # the command line wins
        action = known[dest]
        setattr(args, dest, action.type(value) if action.type and value is not None else value)
    return args
