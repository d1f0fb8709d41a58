from typing import TypedDict


class HealthReport(TypedDict):
    status: str
    summary: str
    active_connections: int


async def validate_websocket_health() -> HealthReport:
    return {"status": "healthy", "summary": "all good", "active_connections": 0}


def format_uptime(seconds):
    return f"{seconds // 3600}h"
