"""Agent events pushed to the user while an agent works."""

from typing import Any

from chat_backend.websocket_manager import WebSocketManager


class AgentEventEmitter:
    def __init__(self, manager: WebSocketManager) -> None:
        self.manager = manager

    async def agent_started(self, agent: str) -> None:
        await self.manager.send_to_user({"type": "agent_started", "agent": agent})

    async def agent_thinking(self, thought: str) -> None:
        await self.manager.send_to_user({"type": "agent_thinking", "thought": thought})

    async def tool_executing(self, tool: str, arguments: dict[str, Any]) -> None:
        await self.manager.send_to_user({"type": "tool_executing", "tool": tool})

    async def agent_completed(self, result: str) -> None:
        await self.manager.send_to_user({"type": "agent_completed", "result": result})

    def event_count(self) -> int:
        return 4
