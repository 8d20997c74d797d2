"""``python -m khaldun``: the same as the ``khaldun`` command."""

from khaldun.cli.main import main

main()
