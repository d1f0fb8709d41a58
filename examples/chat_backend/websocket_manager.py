"""The manager that owns the users' WebSocket connections, and its factories.

Like the real backend, the factory exists in a synchronous and an asynchronous
flavour, which is exactly what callers mixed up.
"""

from typing import Any, Protocol

from chat_backend.context import UserContext


class WebSocket(Protocol):
    async def send_json(self, data: dict[str, Any]) -> None: ...
    async def close(self, code: int = 1000) -> None: ...


class WebSocketManager:
    def __init__(self, context: UserContext) -> None:
        self.context = context
        self._connections: dict[str, WebSocket] = {}

    def add_connection(self, connection_id: str, websocket: WebSocket) -> None:
        self._connections[connection_id] = websocket

    def get_connection_count(self) -> int:
        return len(self._connections)

    @property
    def is_active(self) -> bool:
        return bool(self._connections)

    async def send_to_user(self, message: dict[str, Any]) -> None:
        for websocket in self._connections.values():
            await websocket.send_json(message)

    async def close_all(self) -> None:
        for websocket in self._connections.values():
            await websocket.close()


def get_websocket_manager(context: UserContext) -> WebSocketManager:
    return WebSocketManager(context)


async def get_websocket_manager_async(context: UserContext) -> WebSocketManager:
    return WebSocketManager(context)


def create_websocket_manager(context):
    return WebSocketManager(context)
