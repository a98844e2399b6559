"""Stage `load`: read the content folder into RawArticles, reporting every bad file at once."""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

from .editorial import load_editorial
from .errors import Problem, problem_at
from .models import Corpus, RawArticle, SiteConfig, SourceMeta
from .yamlio import Field, mapping_fields, parse_yaml, scalar_text, unknown_key

ARTICLE_SUFFIXES = (".txt", ".md")
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_LINE_CHARS = 100_000
META_KEYS = ("title", "outlet", "url", "author", "published", "language")
SITE_KEYS = ("title", "description", "event", "date")
LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")


def articles_dir(content: Path) -> Path:
    """Return the folder that holds the article files: content/articles or content itself."""
    inner = content / "articles"
    return inner if inner.is_dir() else content


def inputs_fingerprint(*folders: Path) -> str:
    """Summarise every file's path, size and modification time (stat only, nothing is read)."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def load_corpus(content: Path) -> tuple[Corpus, list[Problem]]:
    """Read site.yml, sources.yml and every article; collect all problems."""
    problems: list[Problem] = []
    if not content.is_dir():
        return Corpus(SiteConfig(), ()), [problem_at(content, 0, "content folder not found")]
    config, found = load_site_config(content / "site.yml")
    problems += found
    extra_meta, found = load_sources_yml(content / "sources.yml")
    problems += found
    articles: list[RawArticle] = []
    by_id: dict[str, str] = {}
    for path in sorted(articles_dir(content).iterdir()):
        if path.name.startswith(".") or path.suffix.lower() not in ARTICLE_SUFFIXES:
            continue
        if not path.is_file():
            problems.append(problem_at(path, 0, "not a regular file"))
            continue
        if path.stem in by_id:
            problems.append(problem_at(path, 0, f"source id '{path.stem}' is also used by "
                                       f"{by_id[path.stem]}: rename one of the two files"))
            continue
        by_id[path.stem] = str(path)
        editor_meta = extra_meta.get(path.stem, (SourceMeta(), 0))[0]
        article, found = load_article(path, editor_meta)
        problems += found
        if article is not None:
            articles.append(article)
    for source_id, (_, line) in sorted(extra_meta.items()):
        if source_id not in by_id:
            problems.append(problem_at(content / "sources.yml", line,
                                       f"no article file has the id '{source_id}'"))
    if not articles and not any(p.severity == "error" for p in problems):
        problems.append(problem_at(articles_dir(content), 0, "no .txt or .md articles found"))
    editorial, found = load_editorial(content / "editorial.yml")
    return Corpus(config, tuple(sorted(articles)), editorial), problems + found


def load_article(path: Path, editor_meta: SourceMeta) -> tuple[RawArticle | None, list[Problem]]:
    """Decode one article file and split off its front matter."""
    data = path.read_bytes()
    if len(data) > MAX_FILE_BYTES:
        return None, [problem_at(path, 0, f"file is {len(data):,} bytes; the limit is "
                                 f"{MAX_FILE_BYTES:,}: is this really one article?")]
    text, problems = decode_article(data, str(path))
    if text is None:
        return None, problems
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            return None, [*problems, problem_at(path, number, f"line is {len(line):,} characters "
                                                f"long; the limit is {MAX_LINE_CHARS:,}")]
    title: str | None = None
    meta = editor_meta
    first_line = 1
    if path.suffix.lower() == ".md" and text.startswith("---\n"):
        fm_meta, title, text, first_line, found = split_front_matter(text, str(path))
        problems += found
        meta = merge_meta(fm_meta, editor_meta)
    if not text.strip():
        return None, [*problems, problem_at(path, 0, "the article has no text")]
    return RawArticle(path.stem, str(path), text, first_line, title, meta), problems


def decode_article(data: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8 (with or without BOM) or UTF-16 with BOM; fall back to cp1252 with a warning."""
    problems: list[Problem] = []
    if not data.strip():
        return None, [problem_at(path, 0, "the file is empty")]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as err:
            return None, [problem_at(path, 0, f"has a UTF-16 byte-order mark but is not UTF-16: {err}")]
    elif b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        return None, [problem_at(path, line, "contains NUL bytes: binary files are not articles")]
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            line = data[: err.start].count(b"\n") + 1
            text = data.decode("cp1252", errors="replace")
            problems.append(problem_at(path, line, "is not valid UTF-8; read it as cp1252 "
                                       "(Windows Latin-1): check the accented letters",
                                       "warning"))
    if "\x00" in text:
        return None, [problem_at(path, 0, "contains NUL characters: binary files are not articles")]
    if _looks_binary(text):
        return None, [problem_at(path, 0, "looks binary (many control characters): not an article")]
    return text.replace("\r\n", "\n").replace("\r", "\n"), problems


def _looks_binary(text: str) -> bool:
    """Tell binary junk from text by the share of control characters."""
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls > max(8, len(sample) // 50)


def split_front_matter(
    text: str, path: str
) -> tuple[SourceMeta, str | None, str, int, list[Problem]]:
    """Split `---` YAML front matter off a Markdown article and read its metadata."""
    lines = text.split("\n")
    try:
        end = lines.index("---", 1)
    except ValueError:
        return SourceMeta(), None, text, 1, [problem_at(path, 1, "front matter starts with '---' "
                                                        "but has no closing '---' line")]
    body = "\n".join(lines[end + 1 :])
    node, problems = parse_yaml("\n".join(lines[1:end]), path, line_offset=1)
    if node is None:
        return SourceMeta(), None, body, end + 2, problems
    fields, found = mapping_fields(node, path, "front matter", line_offset=1)
    meta, title, found2 = read_meta(fields, path, "front matter")
    return meta, title, body, end + 2, problems + found + found2


def read_meta(fields: list[Field], path: str, what: str) -> tuple[SourceMeta, str | None, list[Problem]]:
    """Validate metadata keys and values: known keys, http(s) url, ISO date."""
    values: dict[str, str] = {}
    problems: list[Problem] = []
    for f in fields:
        if f.key not in META_KEYS:
            problems.append(unknown_key(path, f, META_KEYS, what))
            continue
        value, found = scalar_text(f, path)
        problems += found
        if value is None:
            continue
        bad = _check_meta_value(f.key, value)
        if bad:
            problems.append(problem_at(path, f.line, bad))
        else:
            values[f.key] = " ".join(value.split())
    title = values.pop("title", None)
    outlet_from = "editor" if "outlet" in values else None
    return SourceMeta(**values, outlet_from=outlet_from), title, problems


def _check_meta_value(key: str, value: str) -> str | None:
    """Say what is wrong with one metadata value, or None when it is fine."""
    if key == "url":
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
            return f"url must be an http(s) address, got '{value[:80]}'"
    if key == "published":
        try:
            dt.datetime.fromisoformat(value)
        except ValueError:
            return f"published must be an ISO date like 2024-03-05, got '{value[:40]}'"
    if key == "language" and not LANGUAGE.fullmatch(value):
        return f"language must be a code like 'en' or 'pt-BR', got '{value[:20]}'"
    return None


def merge_meta(primary: SourceMeta, fallback: SourceMeta) -> SourceMeta:
    """Take each field from `primary`, or from `fallback` where primary does not know it."""
    return SourceMeta(
        outlet=primary.outlet or fallback.outlet,
        url=primary.url or fallback.url,
        author=primary.author or fallback.author,
        published=primary.published or fallback.published,
        language=primary.language or fallback.language,
        outlet_from=primary.outlet_from if primary.outlet else fallback.outlet_from,
    )


def load_sources_yml(path: Path) -> tuple[dict[str, tuple[SourceMeta, int]], list[Problem]]:
    """Read content/sources.yml: source id -> (metadata, line of its entry)."""
    if not path.exists():
        return {}, []
    node, problems = parse_yaml(path.read_text(encoding="utf-8", errors="replace"), str(path))
    if node is None:
        return {}, problems
    entries, found = mapping_fields(node, str(path), "sources.yml")
    problems += found
    result: dict[str, tuple[SourceMeta, int]] = {}
    for entry in entries:
        fields, found = mapping_fields(entry.node, str(path), f"source '{entry.key}'")
        meta, title, found2 = read_meta(fields, str(path), f"source '{entry.key}'")
        problems += found + found2
        if title is not None:
            problems.append(problem_at(path, entry.line, "set titles in the article itself, "
                                       "not in sources.yml"))
        result[entry.key] = (meta, entry.line)
    return result, problems


def load_site_config(path: Path) -> tuple[SiteConfig, list[Problem]]:
    """Read content/site.yml; a missing file gives the defaults."""
    if not path.exists():
        return SiteConfig(), []
    node, problems = parse_yaml(path.read_text(encoding="utf-8", errors="replace"), str(path))
    if node is None:
        return SiteConfig(), problems
    fields, found = mapping_fields(node, str(path), "site.yml")
    problems += found
    values: dict[str, str] = {}
    for f in fields:
        if f.key not in SITE_KEYS:
            problems.append(unknown_key(str(path), f, SITE_KEYS, "site.yml"))
            continue
        value, found = scalar_text(f, str(path))
        problems += found
        if value is not None:
            values[f.key] = " ".join(value.split())
    return SiteConfig(**values), problems
