"""Start Grassroots: `python -m grassroots_app` opens the main window."""

from __future__ import annotations

import sys

from grassroots_app.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
