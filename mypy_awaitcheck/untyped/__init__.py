"""The checks inside unannotated functions, which mypy leaves unchecked by default.

``driver`` runs once per module after mypy checked it; ``walk`` finds the unchecked
bodies and what binds each name; ``values`` resolves what mypy left ``Any``
(receivers, callees, locals, attributes; ``known``: certain values only), with
``fixtures`` for pytest parameters (``conftest`` for the conftest.py files above a
test) and ``returns`` for unannotated factories of other modules; ``checks``
(awaited sync calls) and ``coroutines`` (coroutines used as values) judge what it
found with the typed path's own functions; ``daemon`` keeps findings under dmypy.
"""
