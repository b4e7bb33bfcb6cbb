"""`python -m checker` is the same as the `somecheck` command."""

from checker.cli import main

raise SystemExit(main())
