from netra_backend.app.websocket_core.protocols import WebSocketManagerProtocol as WebSocketManagerProtocol
from netra_backend.app.websocket_core.types import WebSocketConnection as WebSocketConnection
from netra_backend.app.websocket_core.types import WebSocketManagerMode as WebSocketManagerMode
from netra_backend.app.websocket_core.types import _get_enum_key_representation as _get_enum_key_representation
from netra_backend.app.websocket_core.types import _serialize_message_safely as _serialize_message_safely
from netra_backend.app.websocket_core.types import create_isolated_mode as create_isolated_mode
from netra_backend.app.websocket_core.unified_manager import MAX_CONNECTIONS_PER_USER as MAX_CONNECTIONS_PER_USER
from netra_backend.app.websocket_core.unified_manager import RegistryCompat as RegistryCompat
from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager as UnifiedWebSocketManager
from netra_backend.app.websocket_core.unified_manager import WebSocketManager as WebSocketManager
from netra_backend.app.websocket_core.unified_manager import WebSocketManagerRegistry as WebSocketManagerRegistry
from netra_backend.app.websocket_core.unified_manager import _UnifiedWebSocketManagerImplementation as _UnifiedWebSocketManagerImplementation
from netra_backend.app.websocket_core.unified_manager import _WSFactory as _WSFactory
from netra_backend.app.websocket_core.unified_manager import check_websocket_service_available as check_websocket_service_available
from netra_backend.app.websocket_core.unified_manager import create_test_fallback_manager as create_test_fallback_manager
from netra_backend.app.websocket_core.unified_manager import create_test_user_context as create_test_user_context
from netra_backend.app.websocket_core.unified_manager import create_websocket_manager as create_websocket_manager
from netra_backend.app.websocket_core.unified_manager import get_manager_registry_status as get_manager_registry_status
from netra_backend.app.websocket_core.unified_manager import get_websocket_manager as get_websocket_manager
from netra_backend.app.websocket_core.unified_manager import get_websocket_manager_async as get_websocket_manager_async
from netra_backend.app.websocket_core.unified_manager import reset_manager_registry as reset_manager_registry
from netra_backend.app.websocket_core.unified_manager import (
    validate_no_duplicate_managers_for_user as validate_no_duplicate_managers_for_user,
)

__all__ = [
    "WebSocketManager",
    "WebSocketConnectionManager",
    "WebSocketConnection",
    "_serialize_message_safely",
    "get_websocket_manager",
    "get_websocket_manager_async",
    "check_websocket_service_available",
    "create_test_user_context",
    "create_test_fallback_manager",
    "MAX_CONNECTIONS_PER_USER",
    "WebSocketEventEmitter",
    "UnifiedWebSocketEmitter",
    "get_manager_registry_status",
    "validate_no_duplicate_managers_for_user",
    "reset_manager_registry",
]

WebSocketConnectionManager = _UnifiedWebSocketManagerImplementation
WebSocketEventEmitter = _UnifiedWebSocketManagerImplementation
UnifiedWebSocketEmitter = _UnifiedWebSocketManagerImplementation
