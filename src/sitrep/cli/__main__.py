"""`python -m sitrep.cli`."""

from .main import main

main()
