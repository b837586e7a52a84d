"""Locate bundled resources and seed articles, installed or in a checkout."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent


def _root(package: str, checkout_dir: str) -> Traversable:
    try:
        return resources.files(package)
    except ModuleNotFoundError:  # running from a checkout without installing
        return _CHECKOUT / checkout_dir


def resource(name: str) -> Traversable:
    """A file under resources/ (e.g. ``sample.argmap.json``, ``fonts/DejaVuSans.ttf``)."""
    node = _root("argmap._resources", "resources")
    for part in name.split("/"):
        node = node / part
    return node


def seed_articles() -> list[Traversable]:
    """The bundled seed articles, in file-name order."""
    root = _root("argmap._seeds", "seeds")
    return sorted((p for p in root.iterdir() if p.name.endswith(".txt")), key=lambda p: p.name)
