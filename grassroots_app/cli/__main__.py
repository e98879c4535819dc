"""Run the `grassroots` command line as `python -m grassroots_app.cli`."""

import sys

from grassroots_app.cli import main

sys.exit(main())
