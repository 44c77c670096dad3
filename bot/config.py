"""Reading config/: bot settings and the extraction word lists.

Every mistake becomes a ConfigError naming file, line and key: an admin editing YAML on a server
should not have to read a traceback. Secrets never live here; the token comes from the
environment (see bot.secrets).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.errors import ConfigError
from bot.extract.lexicon import Country, Lexicon, Portfolio, Topic
from bot.limits import Limits
from bot.urls import FetchSettings
from bot.yamlfile import LineDict, LineList, YamlProblem, line_of, read_yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = PROJECT_ROOT / "config" / "bot.yaml"


@dataclass(frozen=True)
class FuzzySettings:
    """rapidfuzz cut-offs (0-100): below these a match is a miss with suggestions."""

    person: int = 72
    topic: int = 75
    document: int = 60
    suggest: int = 72


@dataclass(frozen=True)
class Settings:
    """Everything in config/bot.yaml, with paths resolved against the project folder."""

    prefix: str = "!"
    seeds_dir: Path = PROJECT_ROOT / "seeds"
    database: Path = PROJECT_ROOT / "data" / "briefbot.sqlite3"
    config_dir: Path = PROJECT_ROOT / "config"
    admin_roles: tuple[str, ...] = ()
    owner_ids: tuple[int, ...] = ()
    channels: tuple[int, ...] = ()
    fuzzy: FuzzySettings = field(default_factory=FuzzySettings)
    page_lines: int = 8
    page_timeout: float = 180.0
    cooldown_rate: int = 5
    cooldown_per: float = 30.0
    upload_max_bytes: int = 256 * 1024
    progress_after: float = 1.5
    home_guilds: tuple[int, ...] = ()
    limits: Limits = field(default_factory=Limits)
    fetch: FetchSettings = field(default_factory=FetchSettings)


def _fail(path: Path, container: Any, key: Any, reason: str) -> ConfigError:
    return ConfigError(
        str(path), line_of(container, key), str(key) if key is not None else None, reason
    )


def _read(path: Path) -> Any:
    try:
        return read_yaml(path)
    except YamlProblem as exc:
        raise ConfigError(str(path), exc.line, None, exc.reason) from None


def _mapping(path: Path, data: Any, what: str) -> LineDict:
    if data is None:
        data = LineDict()
    if not isinstance(data, dict):
        raise ConfigError(str(path), line_of(data), None, f"{what} must be a mapping of keys")
    return data if isinstance(data, LineDict) else LineDict(data)


def _get(path: Path, data: LineDict, key: str, kind: type | tuple[type, ...], default: Any) -> Any:
    if key not in data or data[key] is None:
        return default
    value = data[key]
    if kind in (int, float) and isinstance(value, bool):
        raise _fail(path, data, key, f"must be a number, not {value!r}")
    if not isinstance(value, kind):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise _fail(path, data, key, f"must be {names}, not {type(value).__name__}")
    return value


def _strings(path: Path, data: LineDict, key: str) -> tuple[str, ...]:
    value = _get(path, data, key, list, [])
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, str | int) or isinstance(item, bool):
            raise ConfigError(str(path), line_of(value, i), key, "every item must be text")
        out.append(str(item))
    return tuple(out)


def _ints(path: Path, data: LineDict, key: str) -> tuple[int, ...]:
    value = _get(path, data, key, list, [])
    out = []
    for i, item in enumerate(value):
        try:
            out.append(int(item))
        except (TypeError, ValueError):
            raise ConfigError(
                str(path), line_of(value, i), key, "every item must be an id"
            ) from None
    return tuple(out)


def _resolve(base: Path, value: str) -> Path:
    p = Path(value).expanduser()
    return p if p.is_absolute() else (base / p)


def load_settings(path: Path | str | None = None) -> Settings:
    """Read bot.yaml; a missing file gives the defaults, a wrong key names its line.

    Relative paths are read from the folder that holds `config/`, so the bot finds its seeds
    whatever directory it is started from.
    """
    path = Path(path) if path else DEFAULT_CONFIG
    if not path.exists():
        if path == DEFAULT_CONFIG:
            return Settings()
        raise ConfigError(str(path), None, None, "no such config file")
    data = _mapping(path, _read(path), "bot.yaml")
    base = path.resolve().parent.parent if path.parent.name == "config" else path.resolve().parent
    known = {
        "prefix", "seeds_dir", "database", "admin_roles", "owner_ids", "channels", "fuzzy",
        "pages", "cooldown", "upload", "progress_after_seconds", "home_guilds", "limits",
        "fetch",
    }  # fmt: skip
    for key in data:
        if key not in known:
            raise _fail(path, data, key, f"unknown setting; known: {', '.join(sorted(known))}")
    prefix = _get(path, data, "prefix", str, "!")
    if not prefix.strip() or len(prefix) > 5:
        raise _fail(path, data, "prefix", "must be 1 to 5 characters")
    fuzzy = _mapping(path, data.get("fuzzy"), "fuzzy")
    pages = _mapping(path, data.get("pages"), "pages")
    cooldown = _mapping(path, data.get("cooldown"), "cooldown")
    upload = _mapping(path, data.get("upload"), "upload")
    limits = _mapping(path, data.get("limits"), "limits")
    for key in limits:
        if key not in ("file_bytes", "word_chars", "extract_seconds", "workers"):
            raise _fail(
                path,
                limits,
                key,
                "unknown limit; known: extract_seconds, file_bytes, word_chars, workers",
            )

    def cutoff(key: str, default: int) -> int:
        value = _get(path, fuzzy, key, int, default)
        if not 0 <= value <= 100:
            raise _fail(path, fuzzy, key, "must be between 0 and 100")
        return value

    def positive(section: LineDict, key: str, kind: type, default: Any) -> Any:
        value = _get(path, section, key, (int, float) if kind is float else int, default)
        if value <= 0:
            raise _fail(path, section, key, "must be more than 0")
        return kind(value)

    return Settings(
        prefix=prefix,
        seeds_dir=_resolve(base, _get(path, data, "seeds_dir", str, "seeds")),
        database=_resolve(base, _get(path, data, "database", str, "data/briefbot.sqlite3")),
        config_dir=path.resolve().parent,
        admin_roles=_strings(path, data, "admin_roles"),
        owner_ids=_ints(path, data, "owner_ids"),
        channels=_ints(path, data, "channels"),
        fuzzy=FuzzySettings(
            person=cutoff("person", 72),
            topic=cutoff("topic", 75),
            document=cutoff("document", 60),
            suggest=cutoff("suggest", 72),
        ),
        page_lines=positive(pages, "lines_per_page", int, 8),
        page_timeout=positive(pages, "timeout_seconds", float, 180.0),
        cooldown_rate=positive(cooldown, "rate", int, 5),
        cooldown_per=positive(cooldown, "per_seconds", float, 30.0),
        upload_max_bytes=positive(upload, "max_bytes", int, 256 * 1024),
        progress_after=positive(data, "progress_after_seconds", float, 1.5),
        home_guilds=_ints(path, data, "home_guilds"),
        limits=Limits(
            file_bytes=positive(limits, "file_bytes", int, Limits.file_bytes),
            word_chars=positive(limits, "word_chars", int, Limits.word_chars),
            extract_seconds=positive(limits, "extract_seconds", float, Limits.extract_seconds),
            workers=_non_negative(path, limits, "workers"),
        ),
        fetch=_fetch(path, _mapping(path, data.get("fetch"), "fetch")),
    )


def _fetch(path: Path, section: LineDict) -> FetchSettings:
    """The `fetch` section: how `add <url>` fetches pages (see bot.urls.FetchSettings)."""
    keys = (
        "allow_private",
        "timeout_seconds",
        "read_timeout_seconds",
        "max_redirects",
        "user_agent",
    )
    for key in section:
        if key not in keys:
            raise _fail(path, section, key, f"unknown fetch setting; known: {', '.join(keys)}")
    default = FetchSettings()
    numbers = {}
    for key, kind, value in (
        ("timeout_seconds", float, default.timeout),
        ("read_timeout_seconds", float, default.read_timeout),
        ("max_redirects", int, default.max_redirects),
    ):
        number = _get(path, section, key, (int, float) if kind is float else int, value)
        if number < 0 or (number == 0 and kind is float):
            raise _fail(
                path, section, key, "must be more than 0" if kind is float else "must be 0 or more"
            )
        numbers[key] = kind(number)
    agent = _get(path, section, "user_agent", str, default.user_agent).strip()
    if not agent or len(agent) > 200 or any(c in agent for c in "\r\n"):
        raise _fail(path, section, "user_agent", "must be one line of 1 to 200 characters")
    return FetchSettings(
        allow_private=_get(path, section, "allow_private", bool, default.allow_private),
        timeout=numbers["timeout_seconds"],
        read_timeout=numbers["read_timeout_seconds"],
        max_redirects=numbers["max_redirects"],
        user_agent=agent,
    )


def _non_negative(path: Path, section: LineDict, key: str) -> int:
    value = _get(path, section, key, int, 0)
    if value < 0:
        raise _fail(path, section, key, "must be 0 (one per core) or more")
    return value


def _topics(path: Path) -> tuple[Topic, ...]:
    data = _mapping(path, _read(path), "topics.yaml")
    items = _get(path, data, "topics", list, [])
    out: list[Topic] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise ConfigError(
                str(path), line_of(items, i), "topics", "each topic must be a mapping"
            )
        slug = _get(path, item, "slug", str, None)
        if not slug:
            raise ConfigError(str(path), line_of(items, i), "slug", "each topic needs a slug")
        if slug in seen:
            raise _fail(path, item, "slug", f"topic {slug!r} is listed twice")
        seen.add(slug)
        out.append(
            Topic(
                slug=slug,
                label=_get(path, item, "label", str, slug.replace("-", " ").title()),
                keywords=_strings(path, item, "keywords"),
                synonyms=_strings(path, item, "synonyms"),
            )
        )
    return tuple(out)


def _countries(path: Path) -> tuple[Country, ...]:
    data = _mapping(path, _read(path), "countries.yaml")
    items = _get(path, data, "countries", list, [])
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise ConfigError(str(path), line_of(items, i), "countries", "each needs a name")
        out.append(
            Country(
                name=item["name"],
                aliases=_strings(path, item, "aliases"),
                demonyms=_strings(path, item, "demonyms"),
                bodies=_strings(path, item, "bodies"),
            )
        )
    return tuple(out)


def _roles(path: Path) -> tuple[tuple[Portfolio, ...], tuple[str, ...], tuple[str, ...]]:
    data = _mapping(path, _read(path), "roles.yaml")
    raw = _mapping(path, data.get("portfolios"), "portfolios")
    portfolios = []
    for name, synonyms in raw.items():
        if synonyms is not None and not isinstance(synonyms, list):
            raise _fail(path, raw, name, "synonyms must be a list")
        portfolios.append(Portfolio(str(name), tuple(str(s) for s in synonyms or ())))
    return (
        tuple(portfolios),
        _strings(path, data, "government_titles"),
        _strings(path, data, "former_markers"),
    )


#: Files of free-form word lists, merged into Lexicon.words; a section may appear in one only.
WORD_FILES = ("lexicon", "cues", "speakers")


def _words(paths: list[Path]) -> dict[str, Any]:
    words: dict[str, Any] = {}
    origin: dict[str, Path] = {}
    for path in paths:
        data = _mapping(path, _read(path), path.name)
        for key, value in data.items():
            if not isinstance(value, list | dict):
                raise _fail(path, data, key, "each section must be a list or a mapping")
            if key in words:
                raise _fail(path, data, key, f"section already defined in {origin[key].name}")
            words[key] = value
            origin[key] = path
    return words


def load_lexicon(config_dir: Path | str | None = None) -> Lexicon:
    """Read topics, countries, roles and the word lists (lexicon, cues) from the config folder."""
    config_dir = Path(config_dir) if config_dir else DEFAULT_CONFIG.parent
    names = ("topics", "countries", "roles", *WORD_FILES)
    files = {n: config_dir / f"{n}.yaml" for n in names}
    for name, p in files.items():
        if not p.exists():
            raise ConfigError(str(p), None, None, f"missing; the bot needs config/{name}.yaml")
    portfolios, government_titles, former_markers = _roles(files["roles"])
    return Lexicon(
        topics=_topics(files["topics"]),
        countries=_countries(files["countries"]),
        portfolios=portfolios,
        government_titles=government_titles,
        former_markers=former_markers,
        words=_words([files[n] for n in WORD_FILES]),
    )


__all__ = [
    "ConfigError",
    "FuzzySettings",
    "Limits",
    "LineList",
    "Settings",
    "load_lexicon",
    "load_settings",
]
