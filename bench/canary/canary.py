"""A known async mistake, checked with both configs to prove the plugin is loaded and active.

bench/run.py requires the plugin run to report at least one diagnostic with an error code
that the plain run does not produce; "no plugin diagnostics on the corpus" means little
otherwise. Not part of the corpus.
"""


def sync_call() -> int:
    return 1


async def awaits_a_sync_call() -> None:
    await sync_call()  # plain mypy: [misc]; the plugin: its own code (await-sync-call)
