"""``value_use`` (how each value is used) and the hook gating built on it.

``value_use`` is reused by the pass over unannotated bodies, so its API is tested on
its own here: the uses of calls, the fates of local names, and that its single walk
sees every ``await`` that mypy's own expression walk sees.
"""

from __future__ import annotations

import tempfile
import textwrap
from typing import Final

import pytest
from mypy import build
from mypy.build import BuildSource
from mypy.nodes import (
    AssignmentStmt,
    AwaitExpr,
    Block,
    CallExpr,
    FuncDef,
    MypyFile,
    NameExpr,
    RefExpr,
)
from mypy.options import Options
from mypy.server.subexpr import get_subexpressions

from mypy_awaitcheck.module_index import ModuleIndexes, build_index
from mypy_awaitcheck.value_use import Fate, ModuleValueUses, UseKind, written_name
from mypy_awaitcheck.value_walk import analyze_module

# Shared by the cases: typeshed is analysed once.
_CACHE_DIR: Final = tempfile.mkdtemp(prefix="awaitcheck-value-use-cache-")


def parse(source: str) -> MypyFile:
    """The semantically analyzed tree of ``source`` (module ``m``)."""
    options = Options()
    options.cache_dir = _CACHE_DIR
    options.preserve_asts = True
    result = build.build([BuildSource("m.py", "m", textwrap.dedent(source))], options)
    tree = result.graph["m"].tree
    assert tree is not None
    return tree


def calls_named(tree: MypyFile, name: str) -> list[CallExpr]:
    return [
        e
        for e in get_subexpressions(tree)
        if isinstance(e, CallExpr) and isinstance(e.callee, RefExpr) and e.callee.name == name
    ]


def kinds_of(uses: ModuleValueUses, tree: MypyFile, name: str) -> list[UseKind | None]:
    found = [uses.use_of(call) for call in calls_named(tree, name)]
    return [use.kind if use is not None else None for use in found]


def fates(uses: ModuleValueUses, tree: MypyFile, name: str) -> list[Fate]:
    return [
        uses.assignment_fate(s)
        for e in get_subexpressions(tree)
        if isinstance(e, CallExpr) and isinstance(e.callee, RefExpr) and e.callee.name == name
        for use in [uses.direct_use(e)]
        if use is not None and isinstance(s := use.parent, AssignmentStmt)
    ]


EVERY_AWAIT = """
import contextlib
from typing import Any
async def f(*args: Any, **kwargs: Any) -> Any: ...
def deco(x: Any) -> Any: return x
async def main(items: list[Any], box: dict[Any, Any], flag: Any) -> None:
    @deco(await f())
    async def inner(x: Any = await f()) -> None: ...
    class K(metaclass=await f()): ...
    box[await f()] = await f()
    box[await f()] += await f()
    del box[await f()]
    assert await f(), await f()
    x = [await f() for _ in items if await f()]
    y = {await f(): await f() for _ in items}
    z = await f() if await f() else await f()
    w = (v := await f())
    s = f"{await f()!r:>{await f()}}"
    async with contextlib.AsyncExitStack() as stack:
        await f(stack)
    async for item in await f():
        print(item)
    try:
        raise await f() from await f()
    except await f() as error:
        print(error)
    match await f():
        case 1 if await f():
            pass
    while await f():
        break
    return None
"""


def test_the_walk_sees_every_await() -> None:
    tree = parse(EVERY_AWAIT)
    # mypy's walk reaches a metaclass expression twice (keywords and metaclass): once here.
    operands = list(dict.fromkeys(e.expr for e in get_subexpressions(tree) if isinstance(e, AwaitExpr)))
    uses = analyze_module(tree)
    assert len(operands) == 28
    kinds = [use.kind if use else None for use in map(uses.direct_use, operands)]
    assert kinds == [UseKind.AWAITED] * 28
    assert build_index(tree).awaited == set(operands)  # the call layer sees them all too


def test_uses_of_calls() -> None:
    tree = parse(
        """
        import json
        async def job() -> bool: ...
        def sink(x: object) -> None: ...
        async def main(items: list[int], flag: bool) -> object:
            if job(): pass
            a = flag and job()
            b = job() == 1
            print(f"{job()}", "%s" % job(), sink(job()))
            c = any(job() for _ in items)
            await job()
            job()
            job().close()
            return job() if flag else None
        """
    )
    uses = analyze_module(tree)
    assert kinds_of(uses, tree, "job") == [
        UseKind.CONDITION,
        UseKind.ASSIGNED,  # through "and": the value may be the coroutine
        UseKind.COMPARISON,
        UseKind.FORMATTED,
        UseKind.FORMATTED,
        UseKind.ARGUMENT,
        UseKind.ELEMENT,
        UseKind.AWAITED,
        UseKind.DISCARDED,
        UseKind.METHOD_RECEIVER,
        UseKind.RETURNED,
    ]


def test_fates_of_local_names() -> None:
    tree = parse(
        """
        async def job() -> bool: ...
        async def unread() -> None:
            a = job()
        async def tested() -> None:
            b = job()
            if b is None or not b:
                del b
        async def overwritten() -> None:
            c = job()
            print("x")
            c = job()
            await c
        async def used(store: list[object]) -> None:
            d = job()
            store.append(d)
        async def captured() -> object:
            e = job()
            return lambda: e
        async def dynamic() -> object:
            f = job()
            return locals()
        async def looped(items: list[int]) -> None:
            g = None
            for _ in items:
                if g is not None:
                    await g
                g = job()
        """
    )
    uses = analyze_module(tree)
    assert fates(uses, tree, "job") == [
        Fate.NEVER_READ,
        Fate.ONLY_TESTED,
        Fate.OVERWRITTEN,
        Fate.USED,
        Fate.USED,
        Fate.USED,
        Fate.USED,
        Fate.USED,
    ]


def test_reads_of_parameters() -> None:
    tree = parse(
        """
        def show(c):
            return f"{c}"
        def keep(c, store):
            store.append(c)
        """
    )
    uses = analyze_module(tree)
    functions = {f.name: f for f in uses.functions}
    show, keep = functions["show"], functions["keep"]
    assert [u.kind if u else None for u in uses.reads(show.arguments[0].variable)] == [
        UseKind.FORMATTED
    ]
    assert [u.kind if u else None for u in uses.reads(keep.arguments[0].variable)] == [
        UseKind.ARGUMENT
    ]


_HOOK_GATING_MODULE = """
import asyncio
from typing import Any
async def ready() -> bool: ...
def compute() -> bool: ...
def typed(flag: bool) -> None: ...
async def main(client: Any, loop: asyncio.AbstractEventLoop) -> None:
    {line}
"""


@pytest.mark.parametrize(
    ("line", "hooked", "not_hooked"),
    [
        ("if ready(): pass", {"ready"}, set()),
        ("if compute(): pass", set(), {"compute"}),
        ("if client.ping(): pass", {"ping"}, set()),
        ("x = compute()", set(), {"compute"}),
        ("x = ready()", {"ready"}, set()),
        ("print(''.join(['a']))", set(), {"join", "print"}),
        ("typed(ready())", {"ready"}, {"typed"}),
        ("print(ready())", {"ready"}, {"print"}),
        ("loop.call_soon(ready)", {"call_soon"}, set()),
        # Unresolved before type checking: it might return a coroutine.
        ("loop.call_soon(compute)", {"call_soon"}, set()),
        ("await compute()", {"compute"}, set()),
        ("await ready()", {"ready"}, set()),
    ],
)
def test_daemon_rechecks_hook_every_call_that_may_return_a_coroutine_unawaited(
    line: str, hooked: set[str], not_hooked: set[str]
) -> None:
    tree = parse(textwrap.dedent(_HOOK_GATING_MODULE).format(line=line))
    index = build_index(tree)
    names = index.names_for_rechecks
    assert hooked <= names
    assert not (not_hooked & names)
    assert index.hooked_names <= names


@pytest.mark.parametrize(
    ("line", "hooked", "not_hooked"),
    [
        # Coroutine values are judged after the check (coroutine_sweep): no hook.
        ("if ready(): pass", set(), {"ready"}),
        ("print(ready())", set(), {"ready", "print"}),
        ("x = client.ping()", set(), {"ping"}),
        ("await compute()", {"compute"}, set()),
        ("await client.ping()", {"ping"}, set()),
        ("await client.pending", {"pending"}, set()),
        ("loop.call_soon(ready)", {"call_soon"}, set()),
        ("loop.call_soon(lambda: None)", {"call_soon"}, set()),
        ("loop.call_soon(compute)", set(), {"call_soon"}),
    ],
)
def test_hooks_go_to_awaited_names_and_calls_handed_async_functions(
    line: str, hooked: set[str], not_hooked: set[str]
) -> None:
    tree = parse(textwrap.dedent(_HOOK_GATING_MODULE).format(line=line))
    index = build_index(tree)
    assert hooked <= index.hooked_names
    assert not (not_hooked & index.hooked_names)


def test_the_call_layer_lists_calls_and_await_operands_without_walking_values() -> None:
    tree = parse(
        """
        from typing import cast
        async def ready() -> bool: ...
        async def main() -> None:
            first = await ready()
            second = ready()
            third = cast(int, 3)
        """
    )
    index = build_index(tree)
    main = tree.defs[-1]
    assert isinstance(main, FuncDef)
    first, second, third = main.body.body
    assert isinstance(first, AssignmentStmt) and isinstance(first.rvalue, AwaitExpr)
    assert isinstance(second, AssignmentStmt) and isinstance(second.rvalue, CallExpr)
    assert isinstance(third, AssignmentStmt)
    assert index.awaited == {first.rvalue.expr}
    assert index.calls == [first.rvalue.expr, second.rvalue]  # cast() is no call at run time
    assert index._uses is None


def test_a_name_is_a_local_only_inside_functions() -> None:
    tree = parse(
        """
        async def job() -> bool: ...
        _ = job()
        value = job()
        """
    )
    uses = analyze_module(tree)
    assignments = [s for s in tree.defs if isinstance(s, AssignmentStmt)]
    targets = [s.lvalues[0] for s in assignments]
    assert all(isinstance(t, NameExpr) for t in targets)
    assert [uses.assignment_fate(s) for s in assignments] == [Fate.NEVER_READ, Fate.USED]


def test_uses_around_a_call_walk_only_the_definition_that_holds_it() -> None:
    tree = parse(
        """
        import functools
        async def job() -> bool: ...
        def register(flag: object) -> object: ...
        def first() -> None:
            pending = job()
        @register(job())
        def second() -> None:
            if job():
                pass
        """
    )
    index = build_index(tree)
    calls = {(call.line, written_name(call.callee)): call for call in index.calls}
    pending = calls[(6, "job")]
    decorated = calls[(7, "job")]
    tested = calls[(9, "job")]
    uses = index.uses_around(pending)
    assert uses.use_of(pending) is not None
    assert uses.use_of(tested) is None  # second() not walked yet
    assert index.uses_around(decorated).use_of(decorated) is not None
    after = index.uses_around(tested).use_of(tested)
    assert after is not None and after.kind is UseKind.CONDITION
    whole = analyze_module(tree)
    for call in (pending, decorated, tested):
        assert uses.use_of(call) == whole.use_of(call)
    site = next(s for s in uses.sites if s.line == 6)
    assert uses.assignment_fate(site) is whole.assignment_fate(site) is Fate.NEVER_READ


def test_uses_around_module_level_code_walk_the_whole_module() -> None:
    tree = parse(
        """
        async def job() -> bool: ...
        _ = job()
        def reader() -> None:
            print(_)
        """
    )
    index = build_index(tree)
    (call,) = index.calls[:1]
    uses = index.uses_around(call)
    site = next(iter(uses.sites))
    assert uses.assignment_fate(site) is Fate.USED  # read in reader(): walked too


def test_uses_around_a_method_walk_that_method_then_the_rest_once() -> None:
    tree = parse(
        """
        async def job() -> bool: ...
        class Service:
            flag = bool(job())
            def first(self) -> None:
                pending = job()
            def second(self) -> None:
                if job():
                    pass
        """
    )
    index = build_index(tree)
    in_class, pending, tested = index.calls[1], index.calls[2], index.calls[3]
    assert [call.line for call in (in_class, pending, tested)] == [4, 6, 8]
    uses = index.uses_around(pending)
    assert uses.use_of(pending) is not None
    assert uses.use_of(tested) is None  # only first() walked
    assert index.uses_around(in_class).use_of(in_class) is not None  # the whole class
    whole = analyze_module(tree)
    assert index.uses.recorded == whole.recorded
    assert {var: (a.reads, a.writes) for var, a in index.uses.variables.items()} == {
        var: (a.reads, a.writes) for var, a in whole.variables.items()
    }


_ARGUMENTS_EVERYWHERE = """
import asyncio
import functools
from typing import Any, cast
async def fetch(n: int = 0) -> int: ...
def use(*args: Any, **kwargs: Any) -> Any: ...
def deco(value: Any) -> Any: ...
@deco(fetch())
def decorated(x: Any = use(fetch())) -> None:
    use(fetch(), key=fetch(), *[fetch()], **{"k": fetch()})
    use(lambda: use(fetch()))
    [use(fetch()) for _ in range(3)]
    print(f"{fetch()}", "{}".format(fetch()), "%s" % fetch())
    use(cast(Any, fetch()))
    use(use(use(fetch())))
    functools.partial(use, fetch())
class Holder(use(fetch())):
    field = use(fetch())
    async def method(self) -> None:
        await asyncio.gather(fetch(), fetch(1))
        asyncio.create_task(fetch())
        value = use(fetch()) if use(fetch()) else use(fetch())
        while use(fetch()):
            del value
use(fetch())
"""


def test_the_call_layer_knows_the_use_of_every_call_argument_as_the_walk_does() -> None:
    tree = parse(_ARGUMENTS_EVERYWHERE)
    index = build_index(tree)
    uses = analyze_module(tree)
    known = 0
    for call in index.calls:
        fast = index.argument_use(call)
        if fast is not None:
            known += 1
            assert fast == uses.use_of(call), (call.line, fast, uses.use_of(call))
        elif call.callee.name == "fetch":  # type: ignore[attr-defined]
            use = uses.use_of(call)
            assert use is None or use.kind is not UseKind.ARGUMENT, (call.line, use)
    assert known >= 20


def test_the_daemon_keeps_a_modules_calls_until_it_parses_the_module_again() -> None:
    tree = parse(
        """
        import asyncio
        async def fetch() -> int:
            return 1
        class Service:
            async def run(self) -> None:
                await fetch()
                asyncio.create_task(fetch())
        """
    )
    indexes = ModuleIndexes(in_daemon=True)
    first = indexes.for_tree(tree)
    first.uses_around(first.calls[-1])
    # Re-checking single functions: a new list of the same statements, analyzed again.
    tree.defs = list(tree.defs)
    second = indexes.for_tree(tree)
    assert second is not first and second.defs is tree.defs
    assert second.calls is first.calls and second.awaited is first.awaited
    assert second.hooked_names == first.hooked_names == {"fetch"}
    assert second.argument_use(second.calls[-1]) == first.argument_use(first.calls[-1])
    assert indexes.for_tree(tree) is second
    # A new parse merged into the old tree: functions keep their identity, not their body.
    fetch = next(s for s in tree.defs if isinstance(s, FuncDef))
    fetch.body = Block(list(fetch.body.body))
    tree.defs = list(tree.defs)
    assert indexes.for_tree(tree).calls is not first.calls
