"""Argdown's YAML (front matter and ``{data}``) read as Argdown reads it, into JSON values.

Argdown reads YAML with js-yaml 4: YAML 1.2's core schema (``yes``/``no``/``on`` stay
text, ``012`` is twelve, ``1e999`` is text), dates as JavaScript dates, and a repeated
key is an error. PyYAML's defaults are YAML 1.1, so its resolvers and constructors are
replaced here by js-yaml's rules. Values come back as JSON values (dates as the ISO text
JavaScript writes, keys as text), since that is what a map can keep.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import yaml

JsonLike = Any

_INT = re.compile(r"^[-+]?(?:0b[01]+|0x[0-9a-fA-F]+|0o[0-7]+|[0-9]+)$")
_FLOAT = re.compile(
    r"^(?:[-+]?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
_TIMESTAMP = re.compile(
    r"^([0-9]{4})-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \t]+)([0-9][0-9]?):([0-9]{2}):([0-9]{2})"
    r"(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9][0-9]?)(?::([0-9]{2}))?))?$"
)
_MAX_SAFE = 2**53
MAX_VALUES = 100_000


class YamlError(ValueError):
    """YAML that js-yaml would refuse; ``line`` counts from 1 within the YAML text."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.line = line


_BASE: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built


class _JsYamlLoader(_BASE):  # type: ignore[valid-type,misc]
    """PyYAML's safe loader (libyaml's parser where available) with js-yaml's types."""


_JsYamlLoader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")),
    ("tag:yaml.org,2002:int", _INT, list("-+0123456789")),
    ("tag:yaml.org,2002:float", _FLOAT, list("-+.0123456789")),
    (
        "tag:yaml.org,2002:timestamp",
        re.compile(_DATE.pattern + "|" + _TIMESTAMP.pattern),
        list("0123456789"),
    ),
    ("tag:yaml.org,2002:merge", re.compile(r"^(?:<<)$"), ["<"]),
):
    _JsYamlLoader.add_implicit_resolver(_tag, _pattern, _first)


def _int(loader: _JsYamlLoader, node: yaml.ScalarNode) -> JsonLike:
    text = str(loader.construct_scalar(node))
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    base = {"0b": 2, "0x": 16, "0o": 8}.get(digits[:2], 10)
    value = sign * int(digits[2:] if base != 10 else digits, base)
    return value if abs(value) < _MAX_SAFE else float(value)


def _float(loader: _JsYamlLoader, node: yaml.ScalarNode) -> JsonLike:
    text = str(loader.construct_scalar(node)).lower()
    if text.lstrip("+-") in (".inf", ".nan"):
        return None  # JSON has no infinity or NaN; JSON.stringify writes null
    number = float(text)
    if not math.isfinite(number):
        return text  # js-yaml resolves only finite numbers; "1e999" stays text
    return int(number) if number.is_integer() and abs(number) < _MAX_SAFE else number


def _timestamp(loader: _JsYamlLoader, node: yaml.ScalarNode) -> JsonLike:
    text = str(loader.construct_scalar(node))
    found = _DATE.match(text) or _TIMESTAMP.match(text)
    assert found is not None  # the resolver matched it
    parts = found.groups()
    year, month, day = int(parts[0]), int(parts[1]) - 1, int(parts[2])
    if 0 <= year <= 99:  # JavaScript's Date.UTC reads two-digit years as 19xx
        year += 1900
    year, month = year + month // 12, month % 12
    moment = datetime(year, month + 1, 1, tzinfo=UTC) + timedelta(days=day - 1)
    if len(parts) > 3 and parts[3] is not None:
        fraction = int((parts[6] or "")[:3].ljust(3, "0"))
        moment += timedelta(
            hours=int(parts[3]), minutes=int(parts[4]), seconds=int(parts[5]), milliseconds=fraction
        )
        if parts[8]:
            offset = timedelta(hours=int(parts[9]), minutes=int(parts[10] or 0))
            moment -= offset if parts[8] == "+" else -offset
    # toISOString: four-digit year (strftime's %Y does not pad years before 1000)
    millis = moment.microsecond // 1000
    return f"{moment.year:04d}-" + moment.strftime("%m-%dT%H:%M:%S.") + f"{millis:03d}Z"


def _binary(loader: _JsYamlLoader, node: yaml.ScalarNode) -> JsonLike:
    return str(loader.construct_scalar(node))  # as written: the map keeps text, not bytes


def _mapping(loader: _JsYamlLoader, node: yaml.MappingNode) -> JsonLike:
    loader.flatten_mapping(node)
    result: dict[str, JsonLike] = {}
    for key_node, value_node in node.value:
        key = _js_key(loader.construct_object(key_node, deep=True))
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicated mapping key {key!r}", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
    return result


def _js_key(key: JsonLike) -> str:
    """A key as JavaScript turns it into an object property name."""
    if isinstance(key, bool):
        return "true" if key else "false"
    if key is None:
        return "null"
    if isinstance(key, float) and key.is_integer():
        return str(int(key))
    return str(key)


_JsYamlLoader.add_constructor("tag:yaml.org,2002:int", _int)
_JsYamlLoader.add_constructor("tag:yaml.org,2002:float", _float)
_JsYamlLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
_JsYamlLoader.add_constructor("tag:yaml.org,2002:map", _mapping)
_JsYamlLoader.add_constructor("tag:yaml.org,2002:binary", _binary)


def load_yaml(text: str) -> JsonLike:
    """The JSON value of a YAML text, as js-yaml reads it (YamlError if it cannot).

    Only YAML's plain types are built (a safe loader); anchors and aliases may not expand
    to more than ``MAX_VALUES`` values (no "billion laughs")."""
    loader = _JsYamlLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if _expanded_size(node) > MAX_VALUES:
            raise YamlError(f"expands to more than {MAX_VALUES:,} values (repeated aliases)", None)
        value = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "not valid YAML"
        raise YamlError(problem, where) from None
    except yaml.YAMLError as exc:
        raise YamlError(str(exc).splitlines()[0], None) from None
    except RecursionError:
        raise YamlError("nested too deeply", None) from None
    finally:
        loader.dispose()
    return _json_like(value)


def _expanded_size(root: yaml.Node) -> int:
    """How many values the document has once every alias is expanded (memoised, so a
    short document that would expand exponentially is measured quickly)."""
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if done:
            sizes[id(node)] = min(MAX_VALUES + 1, 1 + sum(sizes[id(c)] for c in children))
            continue
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in sizes)
    return sizes[id(root)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _json_like(value: JsonLike) -> JsonLike:
    """Sets, pairs and byte strings as JSON values (js-yaml's set, pairs, binary)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, child in item.items():
                if isinstance(child, set):
                    item[key] = {_js_key(k): None for k in child}
                elif isinstance(child, bytes):
                    item[key] = child.decode("latin-1")
                stack.append(item[key])
        elif isinstance(item, list):
            stack.extend(item)
    return value
