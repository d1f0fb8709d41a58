"""Benchmark and smoke-test harness for the mypy_awaitcheck plugin (issue 6).

Modules, one concern each:
- ``layout``: paths, corpus packages, the edited module, the two mypy configs.
- ``env``: the private venv, the smoke environment, copying the corpus out of site-packages.
- ``proc``: running mypy / dmypy and measuring child and daemon CPU time.
- ``diagnostics``: parsing mypy's JSON output, crash detection, plain-vs-plugin comparison.
- ``scenarios``: the timed scenarios (cold, warm, edit, dmypy), alternating variants.
- ``report``: medians, spreads, ratios, and the results file.

Entry point: ``bench/run.py``.
"""
