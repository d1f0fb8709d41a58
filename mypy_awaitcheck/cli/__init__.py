"""The command line: ``python -m mypy_awaitcheck`` and the ``mypy-awaitcheck`` command.

``dispatch`` routes the arguments; ``list_codes`` prints the error-code table;
``check`` is the legacy-codebase mode (``options`` splits its own flags from
mypy's, ``mypy_session`` runs mypy once with the plugin, ``selection`` keeps the
async-misuse diagnostics, ``formats`` prints them). Modules import mypy only when
a command needs it, so ``--list-codes`` and ``--help`` stay fast.
"""
