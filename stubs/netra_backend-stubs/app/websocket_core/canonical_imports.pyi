from _typeshed import Incomplete
from datetime import datetime
from typing import Any, TypedDict, type_check_only

from netra_backend.app.websocket_core.canonical_import_patterns import WebSocketManager as WebSocketManager
from netra_backend.app.websocket_core.migration_adapter import get_legacy_websocket_manager as get_legacy_websocket_manager
from netra_backend.app.websocket_core.migration_adapter import migrate_singleton_usage as migrate_singleton_usage
from netra_backend.app.websocket_core.protocols import WebSocketManagerProtocol as WebSocketManagerProtocol
from netra_backend.app.websocket_core.protocols import (
    WebSocketManagerProtocolValidator as WebSocketManagerProtocolValidator,
)
from netra_backend.app.websocket_core.types import WebSocketManagerMode
from netra_backend.app.websocket_core.unified_manager import WebSocketConnection as WebSocketConnection
from netra_backend.app.websocket_core.unified_manager import _UnifiedWebSocketManagerImplementation

@type_check_only
class _ComponentStates(TypedDict):
    websocket_manager: str
    connection_pool: str
    event_emitter: str

@type_check_only
class _ComponentHealth(TypedDict):
    status: str
    components: _ComponentStates
    ssot_migration: str

@type_check_only
class _MockWebSocketManagerFactory:
    max_managers_per_user: int
    connection_timeout_seconds: int
    def __init__(self, max_managers_per_user: int = 3, connection_timeout_seconds: int = 10) -> None: ...
    def create_manager(self, user_context: Any | None) -> _UnifiedWebSocketManagerImplementation: ...

class FactoryInitializationError(Exception): ...
class WebSocketComponentError(Exception): ...

class ConnectionLifecycleManager:
    user_context: Incomplete
    ws_manager: Incomplete
    def __init__(self, user_context: Incomplete, ws_manager: Incomplete) -> None: ...
    def register_connection(self, connection: Incomplete) -> None: ...
    def health_check_connection(self, connection_id: str) -> bool: ...
    async def auto_cleanup_expired(self) -> int: ...
    async def force_cleanup_all(self) -> None: ...

async def create_websocket_manager(
    user_context: Any | None = None, **kwargs: WebSocketManagerMode
) -> _UnifiedWebSocketManagerImplementation: ...
def create_websocket_manager_sync(
    user_context: Any | None = None, **kwargs: WebSocketManagerMode
) -> _UnifiedWebSocketManagerImplementation: ...
def get_websocket_manager_factory() -> _MockWebSocketManagerFactory: ...
def validate_websocket_component_health() -> _ComponentHealth: ...
def _validate_ssot_user_context(user_context: Incomplete) -> bool: ...
def _validate_ssot_user_context_staging_safe(user_context: Incomplete) -> bool: ...

# Built with type() from lambdas at run time.
class IsolatedWebSocketManager:
    user_context: Incomplete
    created_at: datetime
    def __init__(self, user_context: Incomplete) -> None: ...
    def add_connection(self, connection: Incomplete) -> None: ...
    def remove_connection(self, conn_id: str) -> None: ...
    def get_connection(self, conn_id: str) -> Incomplete | None: ...
    def get_user_connections(self) -> set[str]: ...
    def is_connection_active(self, user_id: str) -> bool: ...
    def send_to_user(self, message: Any) -> None: ...
    def emit_critical_event(self, event_type: str, data: Any) -> None: ...
    def cleanup_all_connections(self) -> None: ...
    def get_manager_stats(self) -> dict[str, Any]: ...

_factory_instance: None
_factory_lock: Incomplete

UnifiedWebSocketManager = WebSocketManager

__all__ = [
    "create_websocket_manager",
    "WebSocketManagerProtocol",
    "WebSocketManagerProtocolValidator",
    "UnifiedWebSocketManager",
    "WebSocketConnection",
    "get_legacy_websocket_manager",
    "migrate_singleton_usage",
    "ConnectionLifecycleManager",
    "create_websocket_manager_sync",
    "get_websocket_manager_factory",
    "validate_websocket_component_health",
    "_validate_ssot_user_context",
    "_validate_ssot_user_context_staging_safe",
    "IsolatedWebSocketManager",
    "_factory_instance",
    "_factory_lock",
    "FactoryInitializationError",
    "WebSocketComponentError",
]

def validate_canonical_import_usage() -> dict[str, Any]: ...
def get_canonical_import_guide() -> str: ...
