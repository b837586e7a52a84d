"""The app's QSettings, kept as an INI file in argmap's config folder (ARGMAP_HOME honoured)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from argmap.io.locations import config_dir

SETTINGS_FILE = "argmap.ini"


def app_settings() -> QSettings:
    """Settings stored in ``config_dir()/argmap.ini`` (window layout, export choices, theme)."""
    return QSettings(str(config_dir() / SETTINGS_FILE), QSettings.Format.IniFormat)


def setting_str(settings: QSettings, key: str, default: str) -> str:
    """A string setting (QSettings may hand back other types from INI files)."""
    value = settings.value(key, default)
    return str(value) if value is not None else default


def setting_bool(settings: QSettings, key: str, default: bool) -> bool:
    """A yes/no setting; INI files store it as the text ``true`` / ``false``."""
    value = settings.value(key, default)
    if isinstance(value, str):
        return value.strip().lower() in {"true", "1", "yes"}
    return bool(value)


def setting_float(settings: QSettings, key: str, default: float) -> float:
    """A number setting, falling back to ``default`` when the stored text is not one."""
    try:
        return float(settings.value(key, default))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
