import asyncio
from _typeshed import Incomplete
from collections.abc import AsyncGenerator
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any, ClassVar
from typing_extensions import TypeAlias

from netra_backend.app.core.monitoring.base import ComponentMonitor, MonitorableComponent
from netra_backend.app.services.user_execution_context import UserExecutionContext
from netra_backend.app.websocket_core.unified_emitter import UnifiedWebSocketEmitter

EVENT_TRACKER_AVAILABLE: bool

class IntegrationState(Enum):
    UNINITIALIZED = "uninitialized"
    INITIALIZING = "initializing"
    ACTIVE = "active"
    DEGRADED = "degraded"
    FAILED = "failed"

@dataclass
class IntegrationConfig:
    initialization_timeout_s: int = 30
    health_check_interval_s: int = 60
    recovery_max_attempts: int = 3
    recovery_base_delay_s: float = 1.0
    recovery_max_delay_s: float = 30.0
    integration_verification_timeout_s: int = 10

@dataclass
class HealthStatus:
    state: IntegrationState
    websocket_manager_healthy: bool
    registry_healthy: bool
    last_health_check: datetime
    consecutive_failures: int = 0
    total_recoveries: int = 0
    uptime_seconds: float = 0.0
    error_message: str | None = None

@dataclass
class IntegrationResult:
    success: bool
    state: IntegrationState
    error: str | None = None
    duration_ms: float = 0.0
    recovery_attempted: bool = False

@dataclass
class IntegrationMetrics:
    total_initializations: int = 0
    successful_initializations: int = 0
    failed_initializations: int = 0
    recovery_attempts: int = 0
    successful_recoveries: int = 0
    health_checks_performed: int = 0
    current_uptime_start: datetime = ...

class AgentWebSocketBridge(MonitorableComponent):
    user_context: UserExecutionContext | None
    is_connected: bool
    config: IntegrationConfig
    state: IntegrationState
    initialization_lock: asyncio.Lock
    recovery_lock: asyncio.Lock
    health_lock: asyncio.Lock
    metrics: IntegrationMetrics
    health_status: HealthStatus
    WebSocketNotifier: ClassVar[type[_WebSocketNotifierClass]]
    def __init__(self, user_context: UserExecutionContext | None = None) -> None: ...
    @property
    def user_id(self) -> str | None: ...
    def configure(self, *args: Any, **kwargs: Any) -> None: ...
    @property
    def websocket_manager(self) -> Incomplete: ...
    @websocket_manager.setter
    def websocket_manager(self, manager: Incomplete) -> None: ...
    @property
    def registry(self) -> Incomplete: ...
    @registry.setter
    def registry(self, registry: Incomplete) -> None: ...
    async def ensure_integration(
        self, supervisor: Incomplete = None, registry: Incomplete = None, force_reinit: bool = False
    ) -> IntegrationResult: ...
    def is_connection_active(self, user_id: str) -> bool: ...
    async def health_check(self) -> HealthStatus: ...
    async def get_health_status(self) -> dict[str, Any]: ...
    async def get_metrics(self) -> dict[str, Any]: ...
    def register_monitor_observer(self, observer: ComponentMonitor) -> None: ...
    def remove_monitor_observer(self, observer: ComponentMonitor) -> None: ...
    async def recover_integration(self) -> IntegrationResult: ...
    async def get_status(self) -> dict[str, Any]: ...
    async def shutdown(self) -> None: ...
    async def register_run_thread_mapping(
        self, run_id: str, thread_id: str, metadata: dict[str, Any] | None = None
    ) -> bool: ...
    async def unregister_run_mapping(self, run_id: str) -> bool: ...
    async def get_thread_registry_status(self) -> dict[str, Any] | None: ...
    async def create_execution_orchestrator(self, user_id: str, agent_type: str) -> RequestScopedOrchestrator: ...
    async def handle_message(self, *args: Any, **kwargs: Any) -> bool: ...
    def extract_thread_id(self, run_id: str) -> str: ...
    async def notify_agent_started(
        self,
        run_id: str,
        agent_name: str,
        context: dict[str, Any] | None = None,
        trace_context: dict[str, Any] | None = None,
        user_context: UserExecutionContext | None = None,
    ) -> bool: ...
    async def notify_agent_thinking(
        self,
        run_id: str,
        agent_name: str,
        reasoning: str,
        step_number: int | None = None,
        progress_percentage: float | None = None,
        trace_context: dict[str, Any] | None = None,
        user_context: UserExecutionContext | None = None,
    ) -> bool: ...
    async def notify_tool_executing(
        self,
        run_id: str,
        tool_name: str,
        agent_name: str | None = None,
        parameters: dict[str, Any] | None = None,
        user_context: UserExecutionContext | None = None,
    ) -> bool: ...
    async def notify_tool_completed(
        self,
        run_id: str,
        tool_name: str,
        result: dict[str, Any] | None = None,
        agent_name: str | None = None,
        execution_time_ms: float | None = None,
        user_context: UserExecutionContext | None = None,
    ) -> bool: ...
    async def notify_agent_completed(
        self,
        run_id: str,
        agent_name: str,
        result: dict[str, Any] | None = None,
        execution_time_ms: float | None = None,
        trace_context: dict[str, Any] | None = None,
        user_context: UserExecutionContext | None = None,
    ) -> bool: ...
    async def notify_agent_error(
        self,
        run_id: str,
        agent_name: str,
        error: str,
        error_context: dict[str, Any] | None = None,
        trace_context: dict[str, Any] | None = None,
    ) -> bool: ...
    async def notify_agent_death(
        self, run_id: str, agent_name: str, death_cause: str, death_context: dict[str, Any] | None = None
    ) -> bool: ...
    async def notify_progress_update(self, run_id: str, agent_name: str, progress: dict[str, Any]) -> bool: ...
    async def notify_custom(self, run_id: str, agent_name: str, notification_type: str, data: dict[str, Any]) -> bool: ...
    async def emit_agent_event(
        self, event_type: str, data: dict[str, Any], run_id: str | None = None, agent_name: str | None = None
    ) -> bool: ...
    async def emit_event(self, context: Incomplete, event_type: str, event_data: dict[str, Any]) -> bool: ...
    def get_resolution_metrics(self) -> dict[str, Any]: ...
    async def create_user_emitter(
        self,
        user_context: UserExecutionContext | None = None,
        user_id: str | None = None,
        thread_id: str | None = None,
        connection_id: str | None = None,
    ) -> UnifiedWebSocketEmitter: ...
    @classmethod
    async def create_user_emitter_from_ids(
        cls, user_id: str, thread_id: str, run_id: str, websocket_connection_id: str | None = None
    ) -> UnifiedWebSocketEmitter: ...
    # An async generator, not an async context manager (no @asynccontextmanager):
    # iterate it with `async for`; `async with` on it fails at run time.
    @staticmethod
    def create_scoped_emitter(user_context: UserExecutionContext) -> AsyncGenerator[UnifiedWebSocketEmitter, None]: ...

class RequestScopedOrchestrator:
    user_context: UserExecutionContext
    emitter: Incomplete
    websocket_bridge: AgentWebSocketBridge
    def __init__(
        self, user_context: UserExecutionContext, emitter: Incomplete, websocket_bridge: AgentWebSocketBridge
    ) -> None: ...
    async def create_execution_context(
        self, agent_type: str, user_id: str, message: str, context: str | None = None
    ) -> tuple[Incomplete, WebSocketNotifier]: ...
    async def complete_execution(self, exec_context: Incomplete, result: Incomplete) -> None: ...

class WebSocketNotifier:
    emitter: Incomplete
    exec_context: Incomplete
    def __init__(self, emitter: Incomplete, exec_context: Incomplete) -> None: ...
    @classmethod
    def create_for_user(cls, emitter: Incomplete, exec_context: Incomplete) -> WebSocketNotifier: ...
    async def send_agent_thinking(self, exec_context: Incomplete, message: str) -> bool: ...
    async def send_agent_started(self, exec_context: Incomplete, agent_name: str | None = None) -> bool: ...
    async def send_tool_executing(
        self,
        exec_context: Incomplete,
        tool_name: str,
        tool_purpose: str | None = None,
        estimated_duration_ms: int | None = None,
        parameters_summary: str | None = None,
    ) -> bool: ...
    async def send_tool_completed(self, exec_context: Incomplete, tool_name: str, result: dict[str, Any]) -> bool: ...
    async def send_agent_completed(
        self, exec_context: Incomplete, result: dict[str, Any], execution_time_ms: float | None = None
    ) -> bool: ...
    def get_event_delivery_stats(self) -> dict[str, Any]: ...
    # Looks up cls.WebSocketNotifier, which this class does not have: raises AttributeError.
    @classmethod
    def create_websocket_notifier(
        cls, emitter: Incomplete, user_context: UserExecutionContext, validate_context: bool = True
    ) -> WebSocketNotifier: ...

_WebSocketNotifierClass: TypeAlias = WebSocketNotifier

def create_agent_websocket_bridge(
    user_context: UserExecutionContext | None = None, websocket_manager: Incomplete = None
) -> AgentWebSocketBridge: ...
