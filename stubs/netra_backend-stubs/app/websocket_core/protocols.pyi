from _typeshed import Incomplete
from typing import Any

from shared.types.core_types import ConnectionID, ThreadID, UserID, WebSocketID

class WebSocketProtocolValidator:
    @staticmethod
    def validate_manager_protocol(manager: Any) -> dict[str, Any]: ...
    @staticmethod
    def require_protocol_compliance(manager: Any, error_context: str = "WebSocket Manager") -> None: ...

def get_protocol_documentation() -> str: ...

class WebSocketConnectionWrapper:
    websocket: Incomplete
    connection_id: str | None
    user_id: str | None
    is_active: bool
    def __init__(
        self,
        websocket: Incomplete = None,
        connection_id: str | ConnectionID | None = None,
        user_id: str | UserID | None = None,
    ) -> None: ...
    async def send_message(self, message: dict[str, Any]) -> bool: ...
    async def close(self) -> None: ...

# The module first defines a Protocol class of this name, then rebinds the
# name (and the aliases below) to the connection wrapper: that is what callers get.
WebSocketProtocol = WebSocketConnectionWrapper

def ensure_connection_id_type(connection_id: str | ConnectionID) -> ConnectionID: ...
def ensure_user_id_type(user_id: str | UserID) -> UserID: ...
def ensure_thread_id_type(thread_id: str | ThreadID) -> ThreadID: ...
def ensure_websocket_id_type(websocket_id: str | WebSocketID | None) -> WebSocketID | None: ...
def adapt_manager_for_legacy_code(manager: WebSocketProtocol) -> WebSocketProtocol: ...
def validate_migration_compatibility(manager: Any) -> dict[str, Any]: ...

__all__ = [
    "WebSocketProtocol",
    "WebSocketConnectionWrapper",
    "WebSocketProtocolValidator",
    "WebSocketManagerProtocol",
    "WebSocketManagerProtocolValidator",
    "get_protocol_documentation",
    "ensure_connection_id_type",
    "ensure_user_id_type",
    "ensure_thread_id_type",
    "ensure_websocket_id_type",
    "adapt_manager_for_legacy_code",
    "validate_migration_compatibility",
]

WebSocketManagerProtocol = WebSocketProtocol
WebSocketManagerProtocolValidator = WebSocketProtocolValidator
