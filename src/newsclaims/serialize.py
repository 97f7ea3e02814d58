"""JSON for analyses, schema ``newsclaims/1``, and article records as readers meet them.

The document carries the article with its text, so it is self-contained: every span is
``{"start": int, "end": int, "text": str}`` with ``text == article["text"][start:end]``, and
:func:`from_dict` gives back an :class:`~newsclaims.model.Analysis` equal to the one
:func:`to_dict` was given::

    {"schema": "newsclaims/1",
     "article": {"id", "title", "url", "published", "outlet", "language", "metadata", "text"},
     "statements": [{"id", "kind", "content": [Span], "attribution": null | {"source": Span|null,
                     "cue": Span|null, "speaker": {"name", "entity", "kind", "role", "title"}|null,
                     "stance"}, "hedges": [id], "certainty", "polarity", "entities": [id],
                     "tags": [str]}],
     "hedges": [{"id", "cue": Span, "kind", "scope": Span|null, "holder"}],
     "entities": [{"id", "name", "type", "wikidata", "mentions": [Span]}],
     "problems": [{"analyzer", "plugin", "message"}]}

Reading is strict about what it understands and lenient about what it does not: keys this
version does not know are ignored (later versions of ``newsclaims/1`` may add fields), while a
wrong type, an unknown vocabulary value, a span whose text does not match the article or an id
that points nowhere raises :class:`SchemaError` naming the field's path, for example
``statements[3].content[0]: text does not match the article``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from newsclaims.model import (
    Analysis,
    Article,
    Attribution,
    Entity,
    Hedge,
    Problem,
    Span,
    Speaker,
    Statement,
)

__all__ = [
    "ARTICLE_FIELDS",
    "SCHEMA",
    "SchemaError",
    "article_from_record",
    "article_to_dict",
    "dumps",
    "from_dict",
    "from_json",
    "to_dict",
    "to_json",
]

SCHEMA = "newsclaims/1"

#: The record keys that become :class:`Article` fields; any other key goes to ``metadata``.
ARTICLE_FIELDS = ("id", "text", "title", "url", "published", "outlet", "language")


class SchemaError(ValueError):
    """A document or record does not fit the schema; ``path`` names the offending field."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.message = message


# -- writing ----------------------------------------------------------------------------------


def _span(span: Span, text: str) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": text[span.start : span.end]}


def _opt_span(span: Span | None, text: str) -> dict[str, Any] | None:
    return None if span is None else _span(span, text)


def article_to_dict(article: Article) -> dict[str, Any]:
    """The ``article`` object of the schema: every field, the text last."""
    return {
        "id": article.id,
        "title": article.title,
        "url": article.url,
        "published": article.published,
        "outlet": article.outlet,
        "language": article.language,
        "metadata": dict(article.metadata),
        "text": article.text,
    }


def _speaker(speaker: Speaker | None) -> dict[str, Any] | None:
    if speaker is None:
        return None
    return {
        "name": speaker.name,
        "entity": speaker.entity,
        "kind": speaker.kind.value,
        "role": speaker.role,
        "title": speaker.title,
    }


def _attribution(a: Attribution | None, text: str) -> dict[str, Any] | None:
    if a is None:
        return None
    return {
        "source": _opt_span(a.source, text),
        "cue": _opt_span(a.cue, text),
        "speaker": _speaker(a.speaker),
        "stance": a.stance,
    }


def to_dict(analysis: Analysis) -> dict[str, Any]:
    """The analysis as a ``newsclaims/1`` document of plain dicts, lists, strings and ints.

    Every span carries its text; ``from_dict(to_dict(analysis)) == analysis`` holds whenever
    the article's metadata holds only JSON values (dicts with string keys, lists, strings,
    numbers, booleans, ``None``).
    """
    text = analysis.article.text
    return {
        "schema": SCHEMA,
        "article": article_to_dict(analysis.article),
        "statements": [
            {
                "id": s.id,
                "kind": s.kind.value,
                "content": [_span(span, text) for span in s.content],
                "attribution": _attribution(s.attribution, text),
                "hedges": list(s.hedges),
                "certainty": s.certainty.value,
                "polarity": s.polarity.value,
                "entities": list(s.entities),
                "tags": list(s.tags),
            }
            for s in analysis.statements
        ],
        "hedges": [
            {
                "id": h.id,
                "cue": _span(h.cue, text),
                "kind": h.kind,
                "scope": _opt_span(h.scope, text),
                "holder": h.holder.value,
            }
            for h in analysis.hedges
        ],
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "wikidata": e.wikidata,
                "mentions": [_span(span, text) for span in e.mentions],
            }
            for e in analysis.entities
        ],
        "problems": [
            {"analyzer": p.analyzer, "plugin": p.plugin, "message": p.message}
            for p in analysis.problems
        ],
    }


def to_json(analysis: Analysis, *, indent: int | None = None) -> str:
    """The analysis as a JSON text (one line unless ``indent`` is given).

    Non-ASCII characters are written as they are, not escaped. Raises :class:`SchemaError`
    naming ``article.metadata`` if the metadata holds something JSON cannot represent
    (including NaN and infinite floats, which are not JSON).
    """
    try:
        return dumps(to_dict(analysis), indent=indent)
    except (TypeError, ValueError) as exc:
        raise SchemaError("article.metadata", f"cannot be written as JSON: {exc}") from None


def dumps(data: Any, *, indent: int | None = None) -> str:
    """``data`` as strict JSON that encodes to UTF-8, non-ASCII characters unescaped.

    A string holding a lone surrogate (possible in a Python ``str``, not in UTF-8) would make
    the text unwritable to a UTF-8 file; such a document is written with ``\\uXXXX`` escapes
    instead, which read back to the same string. Raises ``TypeError`` or ``ValueError`` for
    values JSON cannot represent, NaN and infinities included.
    """
    out = json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False)
    try:
        out.encode("utf-8")
    except UnicodeEncodeError:
        out = json.dumps(data, ensure_ascii=True, indent=indent, allow_nan=False)
    return out


# -- reading ----------------------------------------------------------------------------------

_T = TypeVar("_T")


def _get(obj: Mapping[str, Any], key: str, path: str, *, required: bool = True) -> Any:
    if key not in obj:
        if required:
            raise SchemaError(_join(path, key), "missing")
        return None
    return obj[key]


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _object(value: Any, path: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise SchemaError(path, f"expected an object, got {_describe(value)}")
    return value


def _list(value: Any, path: str) -> list[Any]:
    if not isinstance(value, list | tuple):
        raise SchemaError(path, f"expected a list, got {_describe(value)}")
    return list(value)


def _str(value: Any, path: str, *, optional: bool = False) -> Any:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        kind = "a string or null" if optional else "a string"
        raise SchemaError(path, f"expected {kind}, got {_describe(value)}")
    return value


def _int(value: Any, path: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise SchemaError(path, f"expected an integer, got {_describe(value)}")
    return value


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the string {shown!r}"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list | tuple):
        return "a list"
    return type(value).__name__


def _build(path: str, make: Callable[[], _T]) -> _T:
    """Call a model constructor, re-raising its validation error under ``path``."""
    try:
        return make()
    except (TypeError, ValueError) as exc:
        raise SchemaError(path, str(exc)) from None


def _read_span(value: Any, path: str, text: str) -> Span:
    obj = _object(value, path)
    start = _int(_get(obj, "start", path), _join(path, "start"))
    end = _int(_get(obj, "end", path), _join(path, "end"))
    if start < 0 or end < start or end > len(text):
        raise SchemaError(
            path, f"[{start}, {end}) is not a span of the article text ({len(text)} characters)"
        )
    if "text" in obj:
        words = _str(obj["text"], _join(path, "text"))
        if words != text[start:end]:
            raise SchemaError(path, "text does not match the article")
    return Span(start, end)


def _read_opt_span(value: Any, path: str, text: str) -> Span | None:
    return None if value is None else _read_span(value, path, text)


def _read_ids(value: Any, path: str, known: set[str], what: str) -> tuple[str, ...]:
    ids = []
    for i, item in enumerate(_list(value, path)):
        where = f"{path}[{i}]"
        _str(item, where)
        if item not in known:
            raise SchemaError(where, f"no {what} with id {item!r}")
        ids.append(item)
    return tuple(ids)


def _unique_ids(items: Iterable[Any], path: str) -> set[str]:
    seen: set[str] = set()
    for i, item in enumerate(items):
        obj = _object(item, f"{path}[{i}]")
        ident = _str(_get(obj, "id", f"{path}[{i}]"), f"{path}[{i}].id")
        if ident in seen:
            raise SchemaError(f"{path}[{i}].id", f"duplicate id {ident!r}")
        seen.add(ident)
    return seen


def _read_article(value: Any, path: str) -> Article:
    obj = _object(value, path)
    fields = {}
    for key in ("id", "text"):
        fields[key] = _str(_get(obj, key, path), _join(path, key))
    for key in ("title", "url", "published", "outlet"):
        fields[key] = _str(obj.get(key), _join(path, key), optional=True)
    language = _str(obj.get("language"), _join(path, "language"), optional=True)
    metadata = obj.get("metadata")
    if metadata is not None:
        metadata = _object(metadata, _join(path, "metadata"))
    return _build(
        path,
        lambda: Article(**fields, language=language or "en", metadata=metadata),
    )


def _read_speaker(value: Any, path: str, entity_ids: set[str]) -> Speaker | None:
    if value is None:
        return None
    obj = _object(value, path)
    name = _str(_get(obj, "name", path), _join(path, "name"))
    entity = _str(obj.get("entity"), _join(path, "entity"), optional=True)
    if entity is not None and entity not in entity_ids:
        raise SchemaError(_join(path, "entity"), f"no entity with id {entity!r}")
    kind = obj.get("kind")
    role = _str(obj.get("role"), _join(path, "role"), optional=True)
    title = _str(obj.get("title"), _join(path, "title"), optional=True)
    return _build(
        _join(path, "kind"),
        lambda: Speaker(
            name=name,
            kind="unknown" if kind is None else kind,
            entity=entity,
            role=role,
            title=title,
        ),
    )


def _read_attribution(value: Any, path: str, text: str, entity_ids: set[str]) -> Attribution | None:
    if value is None:
        return None
    obj = _object(value, path)
    return Attribution(
        source=_read_opt_span(obj.get("source"), _join(path, "source"), text),
        cue=_read_opt_span(obj.get("cue"), _join(path, "cue"), text),
        speaker=_read_speaker(obj.get("speaker"), _join(path, "speaker"), entity_ids),
        stance=_str(obj.get("stance"), _join(path, "stance"), optional=True),
    )


def _read_statement(
    value: Any, path: str, text: str, hedge_ids: set[str], entity_ids: set[str]
) -> Statement:
    obj = _object(value, path)
    ident = _str(_get(obj, "id", path), _join(path, "id"))
    content = tuple(
        _read_span(span, f"{path}.content[{i}]", text)
        for i, span in enumerate(_list(_get(obj, "content", path), _join(path, "content")))
    )
    attribution = _read_attribution(
        obj.get("attribution"), _join(path, "attribution"), text, entity_ids
    )
    hedges = _read_ids(obj.get("hedges", []), _join(path, "hedges"), hedge_ids, "hedge")
    entities = _read_ids(obj.get("entities", []), _join(path, "entities"), entity_ids, "entity")
    tags = tuple(
        _str(tag, f"{path}.tags[{i}]")
        for i, tag in enumerate(_list(obj.get("tags", []), _join(path, "tags")))
    )
    fields: dict[str, Any] = {}
    for key in ("kind", "certainty", "polarity"):
        if obj.get(key) is not None:
            fields[key] = obj[key]
    if "kind" not in fields:
        raise SchemaError(_join(path, "kind"), "missing")
    return _build(
        path,
        lambda: Statement(
            id=ident,
            content=content,
            attribution=attribution,
            hedges=hedges,
            entities=entities,
            tags=tags,
            **fields,
        ),
    )


def _read_hedge(value: Any, path: str, text: str) -> Hedge:
    obj = _object(value, path)
    ident = _str(_get(obj, "id", path), _join(path, "id"))
    cue = _read_span(_get(obj, "cue", path), _join(path, "cue"), text)
    kind = _str(_get(obj, "kind", path), _join(path, "kind"))
    scope = _read_opt_span(obj.get("scope"), _join(path, "scope"), text)
    holder = obj.get("holder")
    return _build(
        path,
        lambda: Hedge(
            id=ident,
            cue=cue,
            kind=kind,
            scope=scope,
            holder="source" if holder is None else holder,
        ),
    )


def _read_entity(value: Any, path: str, text: str) -> Entity:
    obj = _object(value, path)
    ident = _str(_get(obj, "id", path), _join(path, "id"))
    name = _str(_get(obj, "name", path), _join(path, "name"))
    kind = _str(_get(obj, "type", path), _join(path, "type"))
    wikidata = _str(obj.get("wikidata"), _join(path, "wikidata"), optional=True)
    mentions = tuple(
        _read_span(span, f"{path}.mentions[{i}]", text)
        for i, span in enumerate(_list(obj.get("mentions", []), _join(path, "mentions")))
    )
    return _build(
        path,
        lambda: Entity(id=ident, name=name, type=kind, wikidata=wikidata, mentions=mentions),
    )


def _read_problem(value: Any, path: str) -> Problem:
    obj = _object(value, path)
    return Problem(
        analyzer=_str(_get(obj, "analyzer", path), _join(path, "analyzer")),
        message=_str(_get(obj, "message", path), _join(path, "message")),
        plugin=_str(obj.get("plugin"), _join(path, "plugin"), optional=True),
    )


def from_dict(data: Any) -> Analysis:
    """The :class:`Analysis` a ``newsclaims/1`` document describes.

    Checks the schema tag, every type and vocabulary value, that each span lies inside the
    article text and that its ``text`` (when given) is exactly the article's text there, and
    that every hedge, entity and speaker id a statement refers to exists. The first problem
    found raises :class:`SchemaError` with the field's path. Lists other than
    ``statements[*].content`` may be left out; keys not in the schema are ignored.
    """
    doc = _object(data, "")
    schema = _get(doc, "schema", "")
    if schema != SCHEMA:
        raise SchemaError("schema", f"expected {SCHEMA!r}, got {_describe(schema)}")
    article = _read_article(_get(doc, "article", ""), "article")
    text = article.text
    raw_statements = _list(doc.get("statements", []), "statements")
    raw_hedges = _list(doc.get("hedges", []), "hedges")
    raw_entities = _list(doc.get("entities", []), "entities")
    raw_problems = _list(doc.get("problems", []), "problems")
    hedge_ids = _unique_ids(raw_hedges, "hedges")
    entity_ids = _unique_ids(raw_entities, "entities")
    _unique_ids(raw_statements, "statements")
    hedges = tuple(_read_hedge(h, f"hedges[{i}]", text) for i, h in enumerate(raw_hedges))
    entities = tuple(_read_entity(e, f"entities[{i}]", text) for i, e in enumerate(raw_entities))
    statements = tuple(
        _read_statement(s, f"statements[{i}]", text, hedge_ids, entity_ids)
        for i, s in enumerate(raw_statements)
    )
    problems = tuple(_read_problem(p, f"problems[{i}]") for i, p in enumerate(raw_problems))
    return _build(
        "",
        lambda: Analysis(
            article=article,
            statements=statements,
            hedges=hedges,
            entities=entities,
            problems=problems,
        ),
    )


def from_json(text: str | bytes) -> Analysis:
    """The :class:`Analysis` in a ``newsclaims/1`` JSON text; see :func:`from_dict`.

    Invalid JSON raises :class:`SchemaError` with the line and column where parsing stopped.
    """
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError and UnicodeDecodeError too
        raise SchemaError("", f"not valid JSON: {exc}") from None
    return from_dict(data)


# -- article records --------------------------------------------------------------------------


def article_from_record(record: Any, *, default_id: str) -> Article:
    """The :class:`Article` in an input record such as one line of a ``.jsonl`` file.

    ``text`` is required and must be a string, taken exactly as given. ``id`` may be a string
    or an integer (made a string) and defaults to ``default_id``; ``title``, ``url``,
    ``published``, ``outlet`` and ``language`` are optional strings (``null`` means absent);
    every other key is kept in ``metadata``. A bad record raises :class:`SchemaError` naming
    the field, e.g. ``text: missing`` or ``title: expected a string or null, got the number 5``.
    """
    obj = _object(record, "record")
    if "text" not in obj:
        raise SchemaError("text", "missing")
    text = _str(obj["text"], "text")
    ident = obj.get("id")
    if ident is None:
        ident = default_id
    elif isinstance(ident, int) and not isinstance(ident, bool):
        ident = str(ident)
    else:
        _str(ident, "id")
        if not ident:
            raise SchemaError("id", "must not be empty")
    optional = {
        k: _str(obj.get(k), k, optional=True) for k in ("title", "url", "published", "outlet")
    }
    language = _str(obj.get("language"), "language", optional=True)
    metadata = {k: v for k, v in obj.items() if k not in ARTICLE_FIELDS}
    return _build(
        "record",
        lambda: Article(
            id=ident, text=text, language=language or "en", metadata=metadata, **optional
        ),
    )
