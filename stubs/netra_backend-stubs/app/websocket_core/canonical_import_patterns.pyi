from collections.abc import Callable
from typing import Any

from netra_backend.app.websocket_core.interfaces import IAuthenticationIntegration as IAuthenticationIntegration
from netra_backend.app.websocket_core.interfaces import IConfigurationProvider as IConfigurationProvider
from netra_backend.app.websocket_core.interfaces import ICoreConnectionManager as ICoreConnectionManager
from netra_backend.app.websocket_core.interfaces import IEventBroadcastingService as IEventBroadcastingService
from netra_backend.app.websocket_core.interfaces import IIntegrationBridge as IIntegrationBridge
from netra_backend.app.websocket_core.interfaces import IPerformanceMonitor as IPerformanceMonitor
from netra_backend.app.websocket_core.interfaces import IUnifiedWebSocketManager as IUnifiedWebSocketManager
from netra_backend.app.websocket_core.interfaces import IUserSessionRegistry as IUserSessionRegistry
from netra_backend.app.websocket_core.protocols import WebSocketManagerProtocol as WebSocketManagerProtocol
from netra_backend.app.websocket_core.protocols import (
    WebSocketManagerProtocolValidator as WebSocketManagerProtocolValidator,
)
from netra_backend.app.websocket_core.types import WebSocketConnection as WebSocketConnection
from netra_backend.app.websocket_core.types import WebSocketManagerMode as WebSocketManagerMode
from netra_backend.app.websocket_core.types import _get_enum_key_representation as _get_enum_key_representation
from netra_backend.app.websocket_core.types import _serialize_message_safely as _serialize_message_safely
from netra_backend.app.websocket_core.types import create_error_message as create_error_message
from netra_backend.app.websocket_core.types import create_server_message as create_server_message
from netra_backend.app.websocket_core.unified_emitter import UnifiedWebSocketEmitter as UnifiedWebSocketEmitter
from netra_backend.app.websocket_core.unified_manager import MAX_CONNECTIONS_PER_USER as MAX_CONNECTIONS_PER_USER
from netra_backend.app.websocket_core.unified_manager import RegistryCompat as RegistryCompat
from netra_backend.app.websocket_core.unified_manager import (
    _UnifiedWebSocketManagerImplementation as _UnifiedWebSocketManagerImplementation,
)
from netra_backend.app.websocket_core.websocket_manager import create_test_user_context as create_test_user_context

WebSocketEventEmitter = UnifiedWebSocketEmitter

class CanonicalImportDeprecationWarning(UserWarning): ...

# Calls itself (it imports its own module's get_websocket_manager), so it never returns normally.
def get_websocket_manager(
    user_context: Any | None = None, mode: WebSocketManagerMode = ..., **kwargs: Any
) -> _UnifiedWebSocketManagerImplementation: ...
async def create_websocket_manager_async(
    user_context: Any | None = None, **kwargs: Any
) -> _UnifiedWebSocketManagerImplementation: ...
def create_test_fallback_manager(user_context: Any | None = None) -> _UnifiedWebSocketManagerImplementation: ...

# Inherits the constructor of the implementation class, to which it forwards every argument.
class UnifiedWebSocketManager(_UnifiedWebSocketManagerImplementation): ...

class WebSocketManagerFactory:
    @staticmethod
    def create_manager(user_context: Any | None = None, **kwargs: Any) -> _UnifiedWebSocketManagerImplementation: ...
    @staticmethod
    def get_manager(user_context: Any | None = None, **kwargs: Any) -> _UnifiedWebSocketManagerImplementation: ...

WebSocketManager = UnifiedWebSocketManager

def get_component_interface(component_name: str) -> type: ...
def create_legacy_compatibility_function(
    func_name: str, new_path: str
) -> Callable[..., _UnifiedWebSocketManagerImplementation]: ...

# Deprecation wrappers built by create_legacy_compatibility_function: plain
# functions forwarding to get_websocket_manager.
def create_websocket_manager(
    user_context: Any | None = None, mode: WebSocketManagerMode = ..., **kwargs: Any
) -> _UnifiedWebSocketManagerImplementation: ...
def get_manager(
    user_context: Any | None = None, mode: WebSocketManagerMode = ..., **kwargs: Any
) -> _UnifiedWebSocketManagerImplementation: ...
def create_manager(
    user_context: Any | None = None, mode: WebSocketManagerMode = ..., **kwargs: Any
) -> _UnifiedWebSocketManagerImplementation: ...

MIGRATION_GUIDE: dict[str, dict[str, Any]]

def get_migration_guide() -> dict[str, Any]: ...
def validate_import_pattern_usage() -> dict[str, Any]: ...
def check_websocket_service_available() -> bool: ...
async def check_websocket_service_available_async() -> bool: ...

__all__ = [
    "get_websocket_manager",
    "create_websocket_manager_async",
    "create_test_fallback_manager",
    "UnifiedWebSocketManager",
    "WebSocketManager",
    "WebSocketManagerFactory",
    "WebSocketConnection",
    "RegistryCompat",
    "MAX_CONNECTIONS_PER_USER",
    "_serialize_message_safely",
    "_get_enum_key_representation",
    "create_server_message",
    "create_error_message",
    "UnifiedWebSocketEmitter",
    "WebSocketEventEmitter",
    "WebSocketManagerProtocol",
    "WebSocketManagerProtocolValidator",
    "get_component_interface",
    "ICoreConnectionManager",
    "IEventBroadcastingService",
    "IAuthenticationIntegration",
    "IUserSessionRegistry",
    "IPerformanceMonitor",
    "IConfigurationProvider",
    "IIntegrationBridge",
    "IUnifiedWebSocketManager",
    "create_websocket_manager",
    "get_manager",
    "create_manager",
    "create_test_user_context",
    "get_migration_guide",
    "validate_import_pattern_usage",
    "check_websocket_service_available",
    "check_websocket_service_available_async",
    "MIGRATION_GUIDE",
]
