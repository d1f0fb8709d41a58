"""Route handlers: each incident pattern next to its correct form."""

from chat_backend.context import UserContext
from chat_backend.events import AgentEventEmitter
from chat_backend.health import format_uptime, validate_websocket_health
from chat_backend.websocket_manager import (
    create_websocket_manager,
    get_websocket_manager,
    get_websocket_manager_async,
)


async def connect(context: UserContext) -> int:
    manager = await get_websocket_manager(context)  # expect: await-sync-call
    manager = get_websocket_manager(context)
    manager = await get_websocket_manager_async(context)
    count = await manager.get_connection_count()  # expect: await-sync-call
    count = manager.get_connection_count()
    if await manager.is_active:  # expect: await-sync-call
        await manager.close_all()
    return count


async def legacy_connect(context: UserContext) -> None:
    manager = await create_websocket_manager(context)  # expect: await-sync-call (another module's body)
    manager = create_websocket_manager(context)
    await manager.send_to_user({"type": "connected"})


async def health(uptime: int) -> dict[str, str]:
    report = await validate_websocket_health()
    summary = report.get("summary", "")
    uptime_text = await format_uptime(uptime)  # expect: await-sync-call (another module's body)
    uptime_text = format_uptime(uptime)
    return {"summary": summary, "uptime": uptime_text}


async def run_agent(context: UserContext) -> None:
    emitter = AgentEventEmitter(get_websocket_manager(context))
    await emitter.agent_started("triage")
    await emitter.agent_thinking("looking at the logs")
    await emitter.tool_executing("search", {"query": "error"})
    await emitter.agent_completed("done")
    await emitter.event_count()  # expect: await-sync-call
