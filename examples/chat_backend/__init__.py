"""A small async WebSocket chat backend that reproduces the incidents the plugin prevents.

Lines marked ``# expect: <code>`` are mistakes the plugin must report; every other
line is correct code that must stay silent. ``tests/test_example_project.py``
holds the two in sync.
"""
