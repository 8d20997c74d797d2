"""The ``khaldun`` command line: ``main.py`` builds the group, one module per command group,
``options.py`` the options every data command shares, ``progress.py`` progress on stderr."""
