from _typeshed import Incomplete
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any, ClassVar
from typing_extensions import TypeAlias

# pydantic.BaseModel at run time; not imported, so that the stubs need no pydantic.
_PydanticBaseModel: TypeAlias = Incomplete

@dataclass
class WebSocketConnection:
    connection_id: str
    user_id: str
    websocket: Any
    connected_at: datetime
    metadata: dict[str, Any] = ...
    thread_id: str | None = ...
    last_activity: datetime = ...
    is_active: bool = ...
    def __post_init__(self) -> None: ...

class WebSocketManagerMode(Enum):
    UNIFIED = "unified"
    ISOLATED = "isolated"
    EMERGENCY = "emergency"
    DEGRADED = "degraded"
    @property
    def instance_id(self) -> str: ...

def create_isolated_mode(mode_value: str = "unified") -> WebSocketManagerMode: ...

class WebSocketConnectionState(str, Enum):
    CONNECTING = "connecting"
    CONNECTED = "connected"
    DISCONNECTING = "disconnecting"
    DISCONNECTED = "disconnected"
    ERROR = "error"
    ACTIVE = "connected"
    CLOSING = "disconnecting"
    CLOSED = "disconnected"
    FAILED = "error"

class ReconnectionState(str, Enum):
    IDLE = "idle"
    ATTEMPTING = "attempting"
    CONNECTED = "connected"
    FAILED = "failed"
    DISABLED = "disabled"

class MessageType(str, Enum):
    CONNECT = "connect"
    DISCONNECT = "disconnect"
    CONNECTION_ESTABLISHED = "connection_established"
    HEARTBEAT = "heartbeat"
    HEARTBEAT_ACK = "heartbeat_ack"
    PING = "ping"
    PONG = "pong"
    USER_MESSAGE = "user_message"
    CHAT = "chat"
    SYSTEM_MESSAGE = "system_message"
    ERROR_MESSAGE = "error_message"
    USER_TYPING = "user_typing"
    AGENT_TYPING = "agent_typing"
    TYPING_STARTED = "typing_started"
    TYPING_STOPPED = "typing_stopped"
    START_AGENT = "start_agent"
    AGENT_STARTED = "agent_started"
    AGENT_START = "agent_start"
    AGENT_COMPLETE = "agent_complete"
    AGENT_COMPLETED = "agent_completed"
    TOOL_EXECUTE = "tool_execute"
    TOOL_EXECUTING = "tool_executing"
    TOOL_COMPLETE = "tool_complete"
    TOOL_COMPLETED = "tool_completed"
    AGENT_REQUEST = "agent_request"
    AGENT_TASK = "agent_task"
    AGENT_TASK_ACK = "agent_task_ack"
    AGENT_RESPONSE = "agent_response"
    AGENT_RESPONSE_CHUNK = "agent_response_chunk"
    AGENT_RESPONSE_COMPLETE = "agent_response_complete"
    AGENT_STATUS_REQUEST = "agent_status_request"
    AGENT_STATUS_UPDATE = "agent_status_update"
    AGENT_PROGRESS = "agent_progress"
    AGENT_THINKING = "agent_thinking"
    AGENT_ERROR = "agent_error"
    THREAD_UPDATE = "thread_update"
    THREAD_MESSAGE = "thread_message"
    BROADCAST = "broadcast"
    BROADCAST_TEST = "broadcast_test"
    DIRECT_MESSAGE = "direct_message"
    ROOM_MESSAGE = "room_message"
    JSONRPC_REQUEST = "jsonrpc_request"
    JSONRPC_RESPONSE = "jsonrpc_response"
    JSONRPC_NOTIFICATION = "jsonrpc_notification"
    RESILIENCE_TEST = "resilience_test"
    RECOVERY_TEST = "recovery_test"
    QUALITY_METRICS = "quality_metrics"
    BATCH = "batch"
    CONNECTION = "connection"
    TYPING = "typing"
    ERROR = "error"

class ConnectionInfo(_PydanticBaseModel):
    model_config: ClassVar[dict[str, Any]]
    connection_id: str | None
    user_id: str
    websocket: Any | None
    thread_id: str | None
    connected_at: datetime
    last_activity: datetime
    message_count: int
    error_count: int
    last_ping: datetime | None
    is_healthy: bool
    is_closing: bool
    client_info: dict[str, Any] | None
    state: WebSocketConnectionState
    failure_count: int
    def __init__(self, **data: Any) -> None: ...
    def transition_to_failed(self) -> bool: ...
    def transition_to_closing(self) -> bool: ...
    def transition_to_closed(self) -> bool: ...

class WebSocketMessage(_PydanticBaseModel):
    type: MessageType
    payload: dict[str, Any]
    timestamp: float | None
    message_id: str | None
    user_id: str | None
    thread_id: str | None

class ServerMessage(_PydanticBaseModel):
    type: MessageType
    data: dict[str, Any]
    timestamp: float
    server_id: str | None
    correlation_id: str | None

class ErrorMessage(_PydanticBaseModel):
    type: MessageType
    error_code: str
    error_message: str
    details: dict[str, Any] | None
    timestamp: float
    recovery_suggestions: list[str] | None

class BroadcastMessage(_PydanticBaseModel):
    type: MessageType
    content: dict[str, Any]
    target_room: str | None
    exclude_users: list[str] | None
    priority: str

class JsonRpcMessage(_PydanticBaseModel):
    jsonrpc: str
    method: str | None
    params: dict[str, Any] | list[Any] | None
    id: str | int | None
    result: Any | None
    error: dict[str, Any] | None

class WebSocketStats(_PydanticBaseModel):
    active_connections: int
    total_connections: int
    messages_sent: int
    messages_received: int
    errors_handled: int
    uptime_seconds: float
    rooms_active: int
    broadcasts_sent: int

class WebSocketValidationError(_PydanticBaseModel):
    error_type: str
    message: str
    field: str
    received_data: dict[str, Any]

class RateLimitInfo(_PydanticBaseModel):
    requests_count: int
    window_seconds: int
    remaining_requests: int
    reset_time: float
    is_limited: bool

class ConnectionMetrics(_PydanticBaseModel):
    connection_id: str
    user_id: str
    connect_time: datetime
    last_message_time: datetime | None
    total_messages_sent: int
    total_messages_received: int
    total_errors: int
    bytes_sent: int
    bytes_received: int
    average_response_time_ms: float | None

class RoomInfo(_PydanticBaseModel):
    room_id: str
    member_count: int
    created_at: datetime
    last_activity: datetime | None
    room_type: str
    metadata: dict[str, Any] | None

class TypingIndicator(_PydanticBaseModel):
    user_id: str
    thread_id: str
    is_typing: bool
    started_at: float | None
    last_activity: float | None
    timeout_seconds: float
    def is_expired(self) -> bool: ...
    def update_activity(self) -> None: ...

class TypingMessage(_PydanticBaseModel):
    type: MessageType
    user_id: str
    thread_id: str
    is_typing: bool
    timestamp: float

class WebSocketConfig(_PydanticBaseModel):
    max_connections_per_user: int
    max_message_rate_per_minute: int
    max_message_size_bytes: int
    connection_timeout_seconds: int
    heartbeat_interval_seconds: int
    cleanup_interval_seconds: int
    enable_compression: bool
    allowed_origins: list[str]
    accept_completion_timeout_seconds: float
    accept_validation_interval_ms: int
    cloud_run_accept_delay_ms: int
    cloud_run_stabilization_delay_ms: int
    cloud_run_progressive_backoff_ms: list[int]
    handshake_timeout_seconds: float
    connect_timeout_seconds: float
    ping_timeout_seconds: float
    close_timeout_seconds: float
    execution_timeout_seconds: float
    progressive_timeout_phases: list[float]
    @classmethod
    def get_cloud_run_optimized_config(cls) -> WebSocketConfig: ...
    @classmethod
    def detect_and_configure_for_environment(cls) -> WebSocketConfig: ...

class ReconnectionConfig(_PydanticBaseModel):
    enabled: bool
    max_attempts: int
    initial_delay_seconds: float
    max_delay_seconds: float
    backoff_multiplier: float
    jitter_enabled: bool
    max_jitter_seconds: float
    connection_timeout_seconds: float
    ping_interval_seconds: float
    ping_timeout_seconds: float
    def calculate_delay(self, attempt: int) -> float: ...

class AuthInfo(_PydanticBaseModel):
    user_id: str
    email: str | None
    permissions: list[str]
    auth_method: str
    token_expires: datetime | None
    authenticated_at: datetime

MessagePayload: TypeAlias = dict[str, Any]
ConnectionId: TypeAlias = str
UserId: TypeAlias = str
RoomId: TypeAlias = str
ThreadId: TypeAlias = str
MessageId: TypeAlias = str
LEGACY_MESSAGE_TYPE_MAP: dict[str, MessageType]
FRONTEND_MESSAGE_TYPE_MAP: dict[MessageType, str]

def normalize_message_type(message_type: str | MessageType) -> MessageType: ...
def get_frontend_message_type(message_type: str | MessageType) -> str: ...
def create_standard_message(
    msg_type: str | MessageType | None = None,
    payload: dict[str, Any] | None = None,
    user_id: str | None = None,
    thread_id: str | None = None,
    message_type: str | MessageType | None = None,
    content: dict[str, Any] | None = None,
    **kwargs: Any,
) -> WebSocketMessage: ...
def create_error_message(
    error_code: str, error_message: str, details: dict[str, Any] | None = None, suggestions: list[str] | None = None
) -> ErrorMessage: ...
def create_server_message(
    msg_type_or_dict: str | MessageType | dict[str, Any] | None = None,
    data: dict[str, Any] | None = None,
    correlation_id: str | None = None,
    content: dict[str, Any] | None = None,
    **kwargs: Any,
) -> ServerMessage: ...
def is_jsonrpc_message(message: dict[str, Any]) -> bool: ...
def convert_jsonrpc_to_websocket_message(jsonrpc_msg: dict[str, Any]) -> WebSocketMessage: ...
def generate_default_message(
    message_type: str | MessageType, user_id: str, thread_id: str, data: dict[str, Any] | None = None
) -> WebSocketMessage: ...

class MessagePriority(str, Enum):
    CRITICAL = "critical"
    HIGH = "high"
    NORMAL = "normal"
    LOW = "low"

class MessageState(str, Enum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"

class BatchingStrategy(str, Enum):
    SIZE_BASED = "size_based"
    TIME_BASED = "time_based"
    ADAPTIVE = "adaptive"
    PRIORITY_BASED = "priority_based"

class BatchConfig(_PydanticBaseModel):
    max_batch_size: int
    max_wait_time: float
    strategy: BatchingStrategy
    enable_compression: bool
    retry_attempts: int
    retry_delay_seconds: float
    priority_threshold: int

class PendingMessage(_PydanticBaseModel):
    content: dict[str, Any]
    connection_id: str
    user_id: str
    thread_id: str | None
    priority: int
    created_at: float
    state: MessageState
    retry_count: int
    max_retries: int
    last_retry_time: float
    message_id: str | None

class MessageBatch(_PydanticBaseModel):
    messages: list[PendingMessage]
    connection_id: str
    user_id: str
    batch_id: str
    created_at: float
    total_size_bytes: int
    compression_enabled: bool

class ConnectionMetadata(_PydanticBaseModel):
    connection_id: str
    user_id: str
    thread_id: str | None
    connected_at: datetime
    client_info: dict[str, Any] | None
    session_data: dict[str, Any] | None
    def __init__(self, **data: Any) -> None: ...

class AgentEvent(_PydanticBaseModel):
    event_type: str
    agent_id: str | None
    user_id: str | None
    thread_id: str | None
    data: dict[str, Any]
    timestamp: datetime
    event_id: str | None
    def __init__(self, **data: Any) -> None: ...

def _get_enum_key_representation(enum_key: Enum) -> str: ...
def serialize_message_safely(message: Any) -> dict[str, Any]: ...

_serialize_message_safely = serialize_message_safely
ConnectionState = WebSocketConnectionState
