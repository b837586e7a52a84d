"""setuptools: argmap's packages are found, not listed; the data folders ride along.

resources/ and seeds/ live at the top of the checkout and ship inside the package as
argmap._resources and argmap._seeds (pyproject.toml maps the folders; argmap/resources.py
finds them installed or in a checkout).
"""

from setuptools import find_namespace_packages, find_packages, setup


def bundled(package: str, folder: str) -> list[str]:
    """``package`` and one package per sub-folder of ``folder`` (fonts, icons, ...)."""
    return [package, *(f"{package}.{sub}" for sub in find_namespace_packages(where=folder))]


setup(
    packages=[
        *find_packages(include=["argmap", "argmap.*"]),
        *bundled("argmap._resources", "resources"),
        *bundled("argmap._seeds", "seeds"),
    ]
)
