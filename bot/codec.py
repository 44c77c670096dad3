"""Typed JSON for frozen dataclasses: what the store writes, read back as the very same objects.

Serialization is driven by the dataclasses' type hints rather than hand-written per class, so a
field added to `bot.models` is persisted without touching this file, and a stored record that no
longer fits the models raises StaleRecord (the store then reads it as "nothing stored") instead
of building a wrong object. `from_json(DocumentFacts, to_json(DocumentFacts, x)) == x`, with
tuples still tuples and a list inside a correction still a list.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import functools
import json
import types
import zlib
from collections.abc import Callable
from typing import Any, Union, get_args, get_origin, get_type_hints


class StaleRecord(ValueError):
    """Stored JSON that does not fit the current models (they changed since it was written)."""


def _tag(value: Any) -> Any:
    """JSON for a field typed `object` (a correction's new value): keep its exact Python type."""
    if value is None or type(value) in (str, int, float, bool):
        return value
    if isinstance(value, tuple):
        return {"$tuple": [_tag(v) for v in value]}
    if isinstance(value, list):
        return [_tag(v) for v in value]
    if isinstance(value, dict):
        return {"$dict": [[_tag(k), _tag(v)] for k, v in value.items()]}
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, set | frozenset):
        return {"$set": [_tag(v) for v in value], "frozen": isinstance(value, frozenset)}
    if isinstance(value, bytes):
        return {"$bytes": base64.b64encode(value).decode("ascii")}
    raise TypeError(f"the store cannot persist a {type(value).__name__} value: {value!r}")


def _untag(value: Any) -> Any:
    if isinstance(value, list):
        return [_untag(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "$tuple" in value:
        return tuple(_untag(v) for v in value["$tuple"])
    if "$dict" in value:
        return {_untag(k): _untag(v) for k, v in value["$dict"]}
    if "$datetime" in value:
        return dt.datetime.fromisoformat(value["$datetime"])
    if "$date" in value:
        return dt.date.fromisoformat(value["$date"])
    if "$set" in value:
        items = (_untag(v) for v in value["$set"])
        return frozenset(items) if value.get("frozen") else set(items)
    if "$bytes" in value:
        return base64.b64decode(value["$bytes"])
    raise StaleRecord(f"unknown tagged value {value!r}")


Codec = tuple[Callable[[Any], Any], Callable[[Any], Any]]


def _scalar_codec(tp: type) -> Codec:
    def check(value: Any) -> Any:
        if type(value) is tp or (tp is float and type(value) is int):
            return value
        raise StaleRecord(f"expected {tp.__name__}, found {value!r}")

    def encode(value: Any) -> Any:
        if type(value) is tp or (tp is float and type(value) is int):
            return value
        raise TypeError(f"expected {tp.__name__}, found {type(value).__name__} {value!r}")

    return encode, check


def _union_codec(args: tuple[Any, ...]) -> Codec:
    nullable = type(None) in args
    options = [(a, _codec(a)) for a in args if a is not type(None)]

    def encode(value: Any) -> Any:
        if value is None and nullable:
            return None
        errors = []
        for _, (enc, _dec) in options:
            try:
                return enc(value)
            except TypeError as exc:
                errors.append(str(exc))
        raise TypeError("; ".join(errors) or f"unexpected {value!r}")

    def decode(value: Any) -> Any:
        if value is None and nullable:
            return None
        for _, (_enc, dec) in options:
            try:
                return dec(value)
            except StaleRecord:
                continue
        raise StaleRecord(f"{value!r} fits none of {args}")

    return encode, decode


def _tuple_codec(args: tuple[Any, ...]) -> Codec:
    if len(args) == 2 and args[1] is Ellipsis:
        enc_item, dec_item = _codec(args[0])

        def encode(value: Any) -> Any:
            if not isinstance(value, tuple | list):
                raise TypeError(f"expected a tuple, found {type(value).__name__} {value!r}")
            return [enc_item(v) for v in value]

        def decode(value: Any) -> Any:
            if not isinstance(value, list):
                raise StaleRecord(f"expected a list, found {value!r}")
            return tuple(dec_item(v) for v in value)

        exact = _EXACT_TYPES.get(args[0])
        if exact is None:
            return encode, decode

        def decode_scalars(value: Any) -> Any:
            """A list of scalars of the right type is the tuple's items as they are: checked
            in one C-level pass (`map(type, …)`), not one decoder call per item."""
            if type(value) is list and set(map(type, value)) <= exact:
                return tuple(value)
            return decode(value)

        return encode, decode_scalars

    codecs = [_codec(a) for a in args]

    def encode_fixed(value: Any) -> Any:
        if not isinstance(value, tuple | list) or len(value) != len(codecs):
            raise TypeError(f"expected a {len(codecs)}-tuple, found {value!r}")
        return [enc(v) for (enc, _), v in zip(codecs, value, strict=True)]

    def decode_fixed(value: Any) -> Any:
        if not isinstance(value, list) or len(value) != len(codecs):
            raise StaleRecord(f"expected {len(codecs)} items, found {value!r}")
        return tuple(dec(v) for (_, dec), v in zip(codecs, value, strict=True))

    if not all(len(_EXACT_TYPES.get(a, ())) == 1 for a in args):
        return encode_fixed, decode_fixed
    want = tuple(next(iter(_EXACT_TYPES[a])) for a in args)

    def decode_scalars(value: Any) -> Any:
        """(1, 0, 54) for a list of the right scalars, checked in one pass; else as above."""
        if type(value) is list and tuple(map(type, value)) == want:
            return tuple(value)
        return decode_fixed(value)

    def encode_scalars(value: Any) -> Any:
        """The same, encoding: a generation's (file name, hash) pairs cost one pass each."""
        if type(value) in (tuple, list) and tuple(map(type, value)) == want:
            return list(value)
        return encode_fixed(value)

    return encode_scalars, decode_scalars


def _dataclass_codec(cls: type) -> Codec:
    hints = get_type_hints(cls)
    names = [f.name for f in dataclasses.fields(cls)]
    codecs = {name: _codec(hints[name]) for name in names}

    def encode(value: Any) -> Any:
        if not isinstance(value, cls):
            raise TypeError(f"expected {cls.__name__}, found {type(value).__name__}")
        out = {}
        for name in names:
            try:
                out[name] = codecs[name][0](getattr(value, name))
            except TypeError as exc:
                raise TypeError(f"{cls.__name__}.{name}: {exc}") from None
        return out

    def decode(value: Any) -> Any:
        if not isinstance(value, dict):
            raise StaleRecord(f"expected a {cls.__name__} object, found {value!r}")
        unknown = value.keys() - codecs.keys()
        if unknown:
            raise StaleRecord(f"{cls.__name__} has no field(s) {sorted(unknown)}")
        try:
            return cls(**{k: codecs[k][1](v) for k, v in value.items()})
        except TypeError as exc:  # a field the stored record lacks and that has no default
            raise StaleRecord(f"{cls.__name__}: {exc}") from None

    return encode, _fast_decoder(cls, hints, names, codecs, decode)


#: Scalar types a decoded value must have exactly (a float field also takes an int).
_EXACT_TYPES: dict[Any, frozenset[type]] = {
    str: frozenset({str}),
    int: frozenset({int}),
    bool: frozenset({bool}),
    float: frozenset({float, int}),
}


def _inline_check(tp: Any, var: str) -> str | None:
    """A Python expression true when `var` already is its decoded value (a scalar or None), or
    None when the type needs its decoder: str → "type(v0) is str"."""
    options = get_args(tp) if get_origin(tp) in (Union, types.UnionType) else (tp,)
    checks = []
    for option in options:
        if option is type(None):
            checks.append(f"{var} is None")
        elif option in _EXACT_TYPES:
            checks.extend(
                f"type({var}) is {t.__name__}" for t in sorted(_EXACT_TYPES[option], key=str)
            )
        else:
            return None
    return " or ".join(checks)


def _fast_decoder(
    cls: type, hints: dict[str, Any], names: list[str], codecs: dict[str, Codec], slow: Any
) -> Callable[[Any], Any]:
    """A decoder for a record as this code writes it (every field present, scalars of their
    exact type), generated once per class so each field costs an inline check, not a call;
    anything else goes to `slow`, the general decoder, which gives the same value or error.

    The generated function reads, for a class with fields `id: str` and `source: Source`:
        if type(value) is not dict or len(value) != 2: return slow(value)
        try: v0 = value['id']; v1 = value['source']
        except KeyError: return slow(value)
        if not (type(v0) is str): return slow(value)
        v1 = dec1(v1)
        return cls(id=v0, source=v1)
    """
    scope: dict[str, Any] = {"cls": cls, "slow": slow}
    body = [
        "def fast(value):",
        f"    if type(value) is not dict or len(value) != {len(names)}:",
        "        return slow(value)",
        "    try:",
        *(f"        v{i} = value[{name!r}]" for i, name in enumerate(names)),
        "    except KeyError:",
        "        return slow(value)",
    ]
    for i, name in enumerate(names):
        check = _inline_check(hints[name], f"v{i}")
        if check is not None:
            body += [f"    if not ({check}):", "        return slow(value)"]
        else:
            scope[f"dec{i}"] = codecs[name][1]
            body.append(f"    v{i} = dec{i}(v{i})")
    fields = ", ".join(f"{name}=v{i}" for i, name in enumerate(names))
    body += [
        "    try:",
        f"        return cls({fields})",
        "    except TypeError:",
        "        return slow(value)",
    ]
    exec("\n".join(body), scope)  # generated from the class's own field names
    return scope["fast"]


@functools.cache
def _codec(tp: Any) -> Codec:
    """Encoder and decoder for one type hint, built once per type."""
    if tp is object or tp is Any:
        return _tag, _untag
    if tp in (str, int, float, bool):
        return _scalar_codec(tp)
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        return _union_codec(get_args(tp))
    if origin is tuple:
        return _tuple_codec(get_args(tp))
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _dataclass_codec(tp)
    raise TypeError(f"the store has no encoding for {tp!r}")


def to_json(tp: Any, value: Any) -> str:
    """JSON for a value of type `tp`; TypeError names the field that does not fit its type."""
    return json.dumps(_codec(tp)[0](value), ensure_ascii=False, separators=(",", ":"))


def from_json(tp: Any, text: str) -> Any:
    """The exact object `to_json` was given; StaleRecord if the text no longer fits `tp`."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise StaleRecord(f"not JSON: {exc}") from None
    return _codec(tp)[1](data)


def pack(tp: Any, value: Any) -> bytes:
    """A value of type `tp` as stored: its typed JSON, zlib-compressed."""
    return zlib.compress(to_json(tp, value).encode("utf-8"), 6)


def unpack(tp: Any, blob: bytes) -> Any:
    """The value `pack` was given; StaleRecord if the blob is not one or no longer fits `tp`.
    Example: `unpack(DocumentFacts, pack(DocumentFacts, facts)) == facts`."""
    try:
        text = zlib.decompress(blob).decode("utf-8")
    except (zlib.error, UnicodeDecodeError) as exc:
        raise StaleRecord(f"not a stored record: {exc}") from None
    return from_json(tp, text)
