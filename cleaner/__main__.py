"""`python -m cleaner` is the `forum-cleaner` command."""

from .cli import main

raise SystemExit(main())
