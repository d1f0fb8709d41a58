"""The checks inside unannotated functions, which mypy leaves unchecked by default.

``driver`` runs once per module after mypy checked it; ``walk`` finds the unchecked
bodies and what binds each name; ``values`` resolves what mypy left ``Any``
(receivers, callees, locals, attributes), with ``fixtures`` for pytest parameters;
``checks`` judges what it found with the typed path's own functions.
"""
