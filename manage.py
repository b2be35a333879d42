#!/usr/bin/env python
"""Django's command-line utility; `ideowork` is the same command."""

from ideowork.__main__ import main

if __name__ == "__main__":
    main()
