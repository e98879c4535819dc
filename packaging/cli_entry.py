"""Entry script of the frozen command line, `grassroots`."""

import sys

from grassroots_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
