from _typeshed import Incomplete
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from typing_extensions import TypeAlias

# sqlalchemy.ext.asyncio.AsyncSession and fastapi.Request at run time; not
# imported, so that the stubs need neither package.
_AsyncSession: TypeAlias = Incomplete
_Request: TypeAlias = Incomplete

class InvalidContextError(Exception): ...
class ContextIsolationError(Exception): ...

@dataclass(frozen=True)
class UserExecutionContext:
    user_id: str
    thread_id: str
    run_id: str
    request_id: str = ...
    db_session: _AsyncSession | None = None
    websocket_client_id: str | None = None
    created_at: datetime = ...
    agent_context: dict[str, Any] = ...
    audit_metadata: dict[str, Any] = ...
    operation_depth: int = 0
    parent_request_id: str | None = None
    cleanup_callbacks: list[Callable[..., Any]] = ...
    _isolation_token: str = ...
    _memory_refs: list[Any] = ...
    _validation_fingerprint: str | None = None
    def __post_init__(self) -> None: ...
    @classmethod
    def from_agent_execution_context(
        cls,
        user_id: str,
        thread_id: str,
        run_id: str,
        request_id: str | None = None,
        agent_context: dict[str, Any] | None = None,
        audit_metadata: dict[str, Any] | None = None,
    ) -> UserExecutionContext: ...
    @classmethod
    def from_request(
        cls,
        user_id: str,
        thread_id: str,
        run_id: str,
        request_id: str | None = None,
        db_session: _AsyncSession | None = None,
        websocket_client_id: str | None = None,
        agent_context: dict[str, Any] | None = None,
        audit_metadata: dict[str, Any] | None = None,
    ) -> UserExecutionContext: ...
    @classmethod
    def create_for_user(cls, user_id: str, thread_id: str, run_id: str, **kwargs: Any) -> UserExecutionContext: ...
    @classmethod
    def from_websocket_request(
        cls, user_id: str, websocket_client_id: str | None = None, operation: str = "websocket_session"
    ) -> UserExecutionContext: ...
    @classmethod
    def create_defensive_user_execution_context(
        cls, user_id: str, websocket_client_id: str | None = None, fallback_context: dict[str, Any] | None = None
    ) -> UserExecutionContext: ...
    @classmethod
    def from_fastapi_request(
        cls,
        request: _Request,
        user_id: str,
        thread_id: str,
        run_id: str,
        db_session: _AsyncSession | None = None,
        websocket_client_id: str | None = None,
    ) -> UserExecutionContext: ...
    def create_child_context(
        self,
        operation_name: str,
        additional_agent_context: dict[str, Any] | None = None,
        additional_audit_metadata: dict[str, Any] | None = None,
    ) -> UserExecutionContext: ...
    def with_db_session(self, db_session: _AsyncSession) -> UserExecutionContext: ...
    def with_websocket_connection(self, connection_id: str) -> UserExecutionContext: ...
    def with_websocket_connection_supervisor(self, connection_id: str) -> UserExecutionContext: ...
    def verify_isolation(self) -> bool: ...
    async def cleanup(self) -> None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def get_correlation_id(self) -> str: ...
    def get_scoped_key(self, component: str) -> str: ...
    def get_audit_trail(self) -> dict[str, Any]: ...
    @property
    def websocket_connection_id(self) -> str | None: ...
    @property
    def metadata(self) -> dict[str, Any]: ...
    @classmethod
    def from_request_supervisor(
        cls,
        user_id: str,
        thread_id: str,
        run_id: str,
        request_id: str | None = None,
        db_session: _AsyncSession | None = None,
        websocket_connection_id: str | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> UserExecutionContext: ...
    def create_child_context_supervisor(
        self, operation_name: str, additional_metadata: dict[str, Any] | None = None
    ) -> UserExecutionContext: ...
    def get_dependency(self, dependency_name: str) -> Any | None: ...
    def has_dependency(self, dependency_name: str) -> bool: ...
    def get_llm_manager(self) -> Any | None: ...
    def get_tool_dispatcher(self) -> Any | None: ...
    def get_websocket_bridge(self) -> Any | None: ...
    def set_dependency(self, dependency_name: str, dependency: Any) -> None: ...
    def remove_dependency(self, dependency_name: str) -> bool: ...
    def get_available_dependencies(self) -> list[str]: ...
    def to_execution_context(self) -> Incomplete: ...

def register_shared_object(obj: Any) -> None: ...
def clear_shared_object_registry() -> None: ...
def validate_user_context(context: Any) -> UserExecutionContext: ...
def managed_user_context(
    context: UserExecutionContext, cleanup_db_session: bool = True
) -> AbstractAsyncContextManager[UserExecutionContext]: ...

class UserContextFactory:
    @staticmethod
    def create_context(
        user_id: str,
        thread_id: str,
        run_id: str,
        request_id: str | None = None,
        websocket_client_id: str | None = None,
    ) -> UserExecutionContext: ...
    @staticmethod
    def create_with_session(
        user_id: str,
        thread_id: str,
        run_id: str,
        db_session: _AsyncSession,
        request_id: str | None = None,
        websocket_client_id: str | None = None,
    ) -> UserExecutionContext: ...

UserExecutionContextFactory = UserContextFactory

async def create_isolated_execution_context(
    user_id: str,
    request_id: str,
    database_session: _AsyncSession | None = None,
    websocket_emitter: Any | None = None,
    thread_id: str | None = None,
    run_id: str | None = None,
    validate_user: bool = True,
    isolation_level: str = "standard",
) -> UserExecutionContext: ...
def create_defensive_user_execution_context(
    user_id: str, websocket_client_id: str | None = None, fallback_context: dict[str, Any] | None = None
) -> UserExecutionContext: ...
def create_user_execution_context(
    user_id: str,
    thread_id: str,
    run_id: str | None = None,
    db_session: _AsyncSession | None = None,
    websocket_client_id: str | None = None,
    websocket_connection_id: str | None = None,
) -> UserExecutionContext: ...
def __getattr__(name: str) -> Incomplete: ...
