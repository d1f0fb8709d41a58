from _typeshed import Incomplete
from typing import Any

from netra_backend.app.websocket_core.protocols import WebSocketManagerProtocol as WebSocketManagerProtocol
from netra_backend.app.websocket_core.types import create_error_message as create_error_message
from netra_backend.app.websocket_core.types import create_server_message as create_server_message
from netra_backend.app.websocket_core.unified_emitter import UnifiedWebSocketEmitter as UnifiedWebSocketEmitter
from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager as UnifiedWebSocketManager
from netra_backend.app.websocket_core.websocket_manager import WebSocketManager as WebSocketManager
from netra_backend.app.websocket_core.websocket_manager import create_test_user_context as create_test_user_context
from netra_backend.app.websocket_core.websocket_manager import get_websocket_manager as get_websocket_manager

# Imported in try blocks that fall back to None; the imports succeed at the pinned commit.
ConnectionStateMachine: Incomplete
MessageQueue: Incomplete
WebSocketHeartbeat: Incomplete

def get_connection_monitor() -> Incomplete: ...

# A plain def: it builds the manager synchronously, so its result is not awaitable.
def create_websocket_manager(user_context: Any | None = None) -> WebSocketManager: ...

WebSocketEventEmitter = UnifiedWebSocketEmitter
CRITICAL_EVENTS: list[str]

__all__ = [
    "WebSocketManager",
    "UnifiedWebSocketManager",
    "UnifiedWebSocketEmitter",
    "WebSocketManagerProtocol",
    "create_server_message",
    "create_error_message",
    "get_websocket_manager",
    "create_test_user_context",
    "create_websocket_manager",
    "WebSocketEventEmitter",
    "CRITICAL_EVENTS",
    "ConnectionStateMachine",
    "MessageQueue",
    "get_connection_monitor",
    "WebSocketHeartbeat",
]
