"""khaldun: political event data from news reports.

Public API::

    import khaldun
    events = khaldun.code(text, published="2020-07-21")
    pipeline = khaldun.Pipeline()
    for coded in pipeline.pipe(documents, n_process=-1): ...
"""

from khaldun.coding.pipeline import CodedDocument, Pipeline, code
from khaldun.config import Config, load_config
from khaldun.errors import (
    ConfigError,
    DataFileError,
    DocumentTooLargeError,
    InputError,
    KhaldunError,
    ModelNotInstalledError,
    RegistryError,
    UnknownCodeError,
)
from khaldun.model import (
    Actor,
    ActorMention,
    Amount,
    Document,
    Event,
    Evidence,
    Mention,
    Modality,
    Place,
    Precision,
    When,
)

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "ActorMention",
    "Amount",
    "CodedDocument",
    "Config",
    "ConfigError",
    "DataFileError",
    "Document",
    "DocumentTooLargeError",
    "Event",
    "Evidence",
    "InputError",
    "KhaldunError",
    "Mention",
    "Modality",
    "ModelNotInstalledError",
    "Pipeline",
    "Place",
    "Precision",
    "RegistryError",
    "UnknownCodeError",
    "When",
    "__version__",
    "code",
    "load_config",
]
