from _typeshed import Incomplete
from typing import Any, TypedDict, type_check_only

from netra_backend.app.services.user_execution_context import UserExecutionContext

@type_check_only
class _AuthHealthError(TypedDict):
    status: str
    error: str
    compatibility_layer: str
    user_id_support: bool
    async_methods: bool

@type_check_only
class _SyncAuthHealth(TypedDict):
    status: str
    compatibility_layer: str
    user_id_support: bool
    async_methods: bool
    ssot_authenticator: str

@type_check_only
class _SyncAuthHealthError(TypedDict):
    status: str
    error: str
    compatibility_layer: str

class WebSocketAuthenticator:
    logger: Incomplete
    user_id: str | None
    def __init__(self) -> None: ...
    async def connect(self, client_id: str, user_id: str | None = None) -> str | None: ...
    async def disconnect(self, client_id: str) -> None: ...
    async def authenticate_connection(
        self, token: str | None, connection_id: str
    ) -> tuple[bool, UserExecutionContext | None, str | None]: ...
    # The delegate it asks first has no get_health_status, so the error report is what it returns.
    async def get_health_status(self) -> _AuthHealthError: ...
    def get_health_status_sync(self) -> _SyncAuthHealth | _SyncAuthHealthError: ...
    def get_websocket_auth_stats(self) -> dict[str, Any]: ...

class AuthHandler:
    logger: Incomplete
    def __init__(self) -> None: ...
    async def connect(self, client_id: str, user_id: str | None = None) -> str | None: ...
    async def disconnect(self, client_id: str) -> None: ...
    async def process_message(self, message: dict[str, Any]) -> dict[str, Any]: ...
    async def broadcast(self, event: str, data: dict[str, Any]) -> None: ...

WebSocketAuth = WebSocketAuthenticator

def create_websocket_authenticator() -> WebSocketAuthenticator: ...
async def authenticate_websocket_connection(
    token: str | None, connection_id: str
) -> tuple[bool, UserExecutionContext | None, str | None]: ...
