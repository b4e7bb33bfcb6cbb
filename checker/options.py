"""Command-line options that several commands share."""

from __future__ import annotations

import argparse
from pathlib import Path


def rules_option(parser: argparse.ArgumentParser) -> None:
    """--rules PATH, repeatable."""
    parser.add_argument("--rules", action="append", type=Path, metavar="PATH",
                        help="a rule pack folder (repeat to layer packs); default: the bundled pack")


def log_options(parser: argparse.ArgumentParser) -> None:
    """--log-level and --log-file."""
    parser.add_argument("--log-level", choices=("debug", "info", "warning", "error"), default="info",
                        help="how much the service logs (default info); post texts are never logged")
    parser.add_argument("--log-file", type=Path, help="append the log to this file (default: standard error)")
