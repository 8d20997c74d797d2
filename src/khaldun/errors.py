"""One exception tree for khaldun.

Every error the library raises derives from :class:`KhaldunError`. Messages say
what failed, the offending value, and how to fix it. The library never prints
or exits; only the CLI turns these into messages and exit codes.
"""

from __future__ import annotations


class KhaldunError(Exception):
    """Base class of every error khaldun raises on purpose."""


class ConfigError(KhaldunError):
    """A configuration value or file is invalid."""


class RegistryError(KhaldunError):
    """No component is registered under the requested name."""


class ModelNotInstalledError(KhaldunError):
    """The NLP model package is not installed."""


class DataFileError(KhaldunError):
    """A bundled or user data file (ontology, actors, lexicon) is malformed."""


class UnknownCodeError(KhaldunError, KeyError):
    """A CAMEO or PLOVER code is not in the ontology tables."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class InputError(KhaldunError):
    """An input document or file cannot be read or coded."""


class DocumentTooLargeError(InputError):
    """A document exceeds the configured size limit."""


class GoldFormatError(KhaldunError):
    """A gold-standard file does not follow a known format."""


class StoreError(KhaldunError):
    """A store cannot be opened, migrated or written."""


class QueryError(KhaldunError):
    """A query was asked with an invalid value (an unknown code, modality or filter)."""


class ServeError(KhaldunError):
    """The server cannot start as asked (an exposed host without a token, a store it cannot open)."""


class ApiError(KhaldunError):
    """An API request that is answered in the error envelope with an HTTP status (4xx)."""

    def __init__(self, status: int, code: str, message: str, detail: object = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.detail = status, code, message, detail


class DictionaryError(DataFileError):
    """A PETRARCH/TABARI dictionary a user gave has a malformed entry (the message names file and line)."""


class OutputError(KhaldunError):
    """An output file cannot be written (its folder is missing, it is a folder, or access is denied)."""
