from _typeshed import Incomplete
from abc import ABC

class ICoreConnectionManager(ABC):
    def __getattr__(self, name: str) -> Incomplete: ...

class IEventBroadcastingService(ABC):
    def __getattr__(self, name: str) -> Incomplete: ...

class IAuthenticationIntegration(ABC):
    def __getattr__(self, name: str) -> Incomplete: ...

class IUserSessionRegistry(ABC):
    def __getattr__(self, name: str) -> Incomplete: ...

class IPerformanceMonitor(ABC):
    def __getattr__(self, name: str) -> Incomplete: ...

class IConfigurationProvider(ABC):
    def __getattr__(self, name: str) -> Incomplete: ...

class IIntegrationBridge(ABC):
    def __getattr__(self, name: str) -> Incomplete: ...

class IUnifiedWebSocketManager(
    ICoreConnectionManager,
    IEventBroadcastingService,
    IAuthenticationIntegration,
    IUserSessionRegistry,
    IPerformanceMonitor,
    IConfigurationProvider,
    IIntegrationBridge,
):
    def __getattr__(self, name: str) -> Incomplete: ...

def __getattr__(name: str) -> Incomplete: ...
