"""`python -m service`: the command line (see service/cli.py)."""

from service.cli import main

main()
