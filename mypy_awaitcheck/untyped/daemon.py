"""The pass's findings under the mypy daemon: kept until their own file is checked again.

The daemon starts every update by dropping all errors, checks the edited files
whole (the pass runs for them), then re-derives every other error by re-checking
single functions, which never runs the pass. Its findings would then vanish from
every file but the last one checked whole. So, in the daemon only, they belong to
no function target and are kept per module: each run of the pass replaces those of
its module and reports the others again if they were dropped. A finding therefore
stays until its file is edited (or the daemon restarts), even when only a
dependency changed: see the README for what refreshes when.
"""

from __future__ import annotations

from mypy.errors import ErrorInfo, Errors
from mypy.nodes import MypyFile

from mypy_awaitcheck.mypy_compat import keep_until_file_is_checked, restore_errors


class KeptFindings:
    def __init__(self) -> None:
        self._by_module: dict[str, tuple[str, list[ErrorInfo]]] = {}

    def replace(self, tree: MypyFile, infos: list[ErrorInfo]) -> None:
        keep_until_file_is_checked(infos)
        if infos:
            self._by_module[tree.fullname] = (tree.path, infos)
        else:
            self._by_module.pop(tree.fullname, None)

    def restore_others(self, errors: Errors, tree: MypyFile, modules: dict[str, MypyFile]) -> None:
        for module, (path, infos) in list(self._by_module.items()):
            current = modules.get(module)
            if current is None or current.path != path:
                del self._by_module[module]  # removed or moved since
            elif module != tree.fullname:
                restore_errors(errors, path, infos)
