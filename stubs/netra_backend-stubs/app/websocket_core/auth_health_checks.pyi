from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any, TypedDict, type_check_only

class HealthStatus(Enum):
    HEALTHY = "healthy"
    DEGRADED = "degraded"
    UNHEALTHY = "unhealthy"
    UNKNOWN = "unknown"

class ComponentType(Enum):
    AUTHENTICATION = "authentication"
    MONITORING = "monitoring"
    ALERTING = "alerting"
    LOGGING = "logging"
    DATABASE = "database"
    EXTERNAL_SERVICE = "external_service"
    CONFIGURATION = "configuration"

@type_check_only
class _HealthCheckResultDict(TypedDict):
    name: str
    status: str
    message: str
    execution_time_ms: float
    timestamp: str
    details: dict[str, Any]
    error: str | None

@type_check_only
class _HealthSummary(TypedDict):
    total_checks: int
    passed_checks: int
    failed_checks: int
    degraded_checks: int
    critical_failures: int
    success_rate: float

@type_check_only
class _OverallHealthDict(TypedDict):
    status: str
    message: str
    timestamp: str
    summary: _HealthSummary
    execution_time_ms: float
    individual_checks: list[_HealthCheckResultDict]

@type_check_only
class _SystemInfo(TypedDict):
    uptime_seconds: float
    health_check_enabled: bool
    total_health_checks: int
    enabled_health_checks: int

@type_check_only
class _ExecutionStats(TypedDict):
    total_checks_run: int
    total_failures: int
    success_rate: float
    checks_per_hour: float

@type_check_only
class _CurrentStatus(TypedDict):
    last_check_status: str
    last_check_time: str | None
    history_size: int

@type_check_only
class _HealthStatistics(TypedDict):
    system_info: _SystemInfo
    execution_stats: _ExecutionStats
    current_status: _CurrentStatus

@type_check_only
class _DependencyStatus(TypedDict):
    redis: bool
    postgresql: bool
    auth_service: bool
    websocket_monitoring: bool
    metrics_collector: bool
    alert_system: bool

@dataclass
class HealthCheck:
    name: str
    description: str
    component_type: ComponentType
    check_function: Callable[[], Any]
    timeout_seconds: float = 5.0
    critical: bool = True
    enabled: bool = True
    dependencies: list[str] = ...
    def __post_init__(self) -> None: ...

@dataclass
class HealthCheckResult:
    name: str
    status: HealthStatus
    message: str
    execution_time_ms: float
    timestamp: datetime
    details: dict[str, Any] = ...
    error: str | None = None
    def to_dict(self) -> _HealthCheckResultDict: ...

@dataclass
class OverallHealthStatus:
    status: HealthStatus
    message: str
    timestamp: datetime
    total_checks: int
    passed_checks: int
    failed_checks: int
    degraded_checks: int
    critical_failures: int
    execution_time_ms: float
    check_results: list[HealthCheckResult] = ...
    def to_dict(self) -> _OverallHealthDict: ...

class AuthHealthChecker:
    def __init__(self) -> None: ...
    def add_health_check(self, health_check: HealthCheck) -> None: ...
    def remove_health_check(self, name: str) -> bool: ...
    def enable_health_check(self, name: str) -> bool: ...
    def disable_health_check(self, name: str) -> bool: ...
    async def check_health(self, check_names: list[str] | None = None) -> OverallHealthStatus: ...
    async def check_component_health(self, component_type: ComponentType) -> list[HealthCheckResult]: ...
    def get_last_health_status(self) -> OverallHealthStatus | None: ...
    def get_health_history(self, hours: int = 1) -> list[OverallHealthStatus]: ...
    def get_health_statistics(self) -> _HealthStatistics: ...
    async def validate_dependencies(self) -> _DependencyStatus: ...
    def enable_health_checks(self) -> None: ...
    def disable_health_checks(self) -> None: ...

def get_auth_health_checker() -> AuthHealthChecker: ...
async def check_auth_health(check_names: list[str] | None = None) -> _OverallHealthDict: ...
async def check_component_health(component_type: str) -> list[_HealthCheckResultDict]: ...
def get_last_health_status() -> _OverallHealthDict | None: ...
def get_health_statistics() -> _HealthStatistics: ...
async def validate_auth_dependencies() -> _DependencyStatus: ...

__all__ = [
    "AuthHealthChecker",
    "HealthCheck",
    "HealthCheckResult",
    "OverallHealthStatus",
    "HealthStatus",
    "ComponentType",
    "get_auth_health_checker",
    "check_auth_health",
    "check_component_health",
    "get_last_health_status",
    "get_health_statistics",
    "validate_auth_dependencies",
]
