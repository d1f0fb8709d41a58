"""Work done once per module right after mypy has type-checked it.

``Plugin.get_additional_indirect_deps`` is the one hook mypy calls for every
checked module after its check, while function bodies and resolved names are
still there (mypy frees bodies right after). The plugin uses it to look at what
hooks cannot see; it never adds dependencies.
"""

from __future__ import annotations

from mypy.nodes import MypyFile

from mypy_awaitcheck.guard import guarded
from mypy_awaitcheck.sync_inference import SyncReturnInference
from mypy_awaitcheck.typepredicates import TypeFactory


class AfterCheck:
    def __init__(self, inference: SyncReturnInference, types: TypeFactory) -> None:
        self._inference = inference
        self._types = types

    def run(self, tree: MypyFile) -> None:
        guarded(lambda: self._inference.record_module(tree, self._types), None)
