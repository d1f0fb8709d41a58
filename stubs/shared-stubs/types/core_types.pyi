from _typeshed import Incomplete
from typing import Any, NewType

UserID = NewType("UserID", str)
SessionID = NewType("SessionID", str)
ThreadID = NewType("ThreadID", str)
RunID = NewType("RunID", str)
RequestID = NewType("RequestID", str)
WebSocketID = NewType("WebSocketID", str)
ConnectionID = NewType("ConnectionID", str)

def ensure_user_id(value: Any) -> UserID: ...
def ensure_thread_id(value: Any) -> ThreadID: ...
def ensure_websocket_id(value: Any) -> WebSocketID | None: ...
def __getattr__(name: str) -> Incomplete: ...
