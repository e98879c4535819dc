"""Entry script of the frozen window, `grassroots-app` (with `--self-check` it checks the installation)."""

import sys

from grassroots_app.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
