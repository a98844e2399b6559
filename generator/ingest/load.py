"""Stage `load`: read the content folder into RawArticles, reporting every bad file at once."""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import os
import re
import stat
from pathlib import Path
from urllib.parse import urlsplit

from ..core.errors import Problem, problem_at, quote
from ..core.models import OPTIONAL_PARTS, Corpus, RawArticle, SiteConfig, SourceMeta
from ..core.paths import LOCK_NAME, SCRATCH_PREFIX, STAMP
from .editorial import load_editorial
from .safe_read import decode_bom, read_input, read_text, read_utf8, unreadable, utf8_warning
from .yamlio import Field, mapping_fields, parse_yaml, scalar_text, unknown_key

ARTICLE_SUFFIXES = (".txt", ".md")
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_LINE_CHARS = 100_000
CONFIG_FILES = ("site.yml", "sources.yml", "editorial.yml")
QUIET_NAMES = frozenset({".ds_store", ".gitkeep", ".gitignore", ".keep", ".git", "thumbs.db",
                         "desktop.ini"})
"""Housekeeping files that tools leave in any folder: skipped without a warning."""
OPENING_FENCE = re.compile(r"---[ \t]*")
CLOSING_FENCE = re.compile(r"(?:---|\.\.\.)[ \t]*")
WIDE_ENCODINGS = (("utf-32-le", 4), ("utf-32-be", 4), ("utf-16-le", 2), ("utf-16-be", 2))
META_KEYS = ("title", "outlet", "url", "author", "published", "language")
SITE_KEYS = ("title", "description", "event", "date")
SWITCHES = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}
"""How site.yml may say that an optional part is built or not."""
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
    config, found = load_site_config(content / "site.yml", content)
    problems += found
    extra_meta, found = load_sources_yml(content / "sources.yml", content)
    problems += found
    articles: list[RawArticle] = []
    by_id: dict[str, str] = {}
    paths, found = list_articles(content)
    problems += found
    for path in paths:
        if path.stem in by_id:
            problems.append(problem_at(path, 0, f"source id {quote(path.stem)} is also used by "
                                       f"{by_id[path.stem]}: rename one of the two files"))
            continue
        by_id[path.stem] = str(path)
        editor_meta = extra_meta.get(path.stem, (SourceMeta(), 0))[0]
        article, found = load_article(path, editor_meta, content)
        problems += found
        if article is not None:
            articles.append(article)
    for source_id, (_, line) in sorted(extra_meta.items()):
        if source_id not in by_id:
            problems.append(problem_at(content / "sources.yml", line,
                                       f"no article file has the id {quote(source_id)}"))
    if not articles and not any(p.severity == "error" for p in problems):
        problems.append(problem_at(articles_dir(content), 0, "no .txt or .md articles found"))
    editorial, found = load_editorial(content / "editorial.yml", content)
    return Corpus(config, tuple(sorted(articles)), editorial), problems + found


def list_articles(content: Path) -> tuple[list[Path], list[Problem]]:
    """The article files of the content folder, and a warning for every other entry in it.

    Read: every `.txt` and `.md` entry directly in the folder (`load_article` refuses the ones
    that are not regular files or that link out of the content folder). Not read, with a
    warning: hidden files and folders ("hidden file not read"), subfolders ("articles must be
    directly in articles/"), files with any other suffix. Not read and not warned about, since
    they are never articles: README files in any format (README, README.md, readme.txt: notes on
    the folder), the housekeeping files tools leave (.DS_Store, .gitkeep, .gitignore, .keep,
    .git, Thumbs.db, desktop.ini) and, when the articles lie in the content folder itself,
    site.yml, sources.yml and editorial.yml, and what this tool writes beside them (folders it
    stamped as its output, its lock file and scratch folders).
    """
    folder = articles_dir(content)
    try:
        entries = sorted(folder.iterdir())
    except OSError as err:
        return [], [unreadable(folder, err)]
    paths: list[Path] = []
    problems: list[Problem] = []
    for path in entries:
        name = path.name
        if (name.lower() in QUIET_NAMES or name.upper().startswith("README")
                or (folder == content and name in CONFIG_FILES) or _is_tool_output(path)):
            continue
        what = "folder" if _is_dir(path) else "file"
        if name.startswith("."):
            problems.append(problem_at(path, 0, f"hidden {what} not read: names that start with "
                                       "'.' are skipped", "warning"))
        elif what == "folder" and path.suffix.lower() not in ARTICLE_SUFFIXES:
            problems.append(problem_at(path, 0, f"not read: articles must be directly in "
                                       f"{folder.name}/, not in a subfolder", "warning"))
        elif path.suffix.lower() not in ARTICLE_SUFFIXES:
            problems.append(problem_at(path, 0, "not read: only .txt and .md files are articles",
                                       "warning"))
        else:
            paths.append(path)
    return paths, problems


def _is_tool_output(path: Path) -> bool:
    """This tool's own output folder, lock file or scratch folder (left beside plain articles)."""
    if path.name == LOCK_NAME or path.name.startswith(SCRATCH_PREFIX):
        return True
    return not path.is_symlink() and _is_dir(path) and (path / STAMP).is_file()


def _is_dir(path: Path) -> bool:
    """A folder, or a link to one (stat only: nothing is opened)."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:
        return False


def load_article(path: Path, editor_meta: SourceMeta,
                 content: Path | None = None) -> tuple[RawArticle | None, list[Problem]]:
    """Read one article file safely (see safe_read), decode it and split off its front matter.

    `content` is the content folder a symbolic link must stay inside (default: the file's folder).
    """
    data, problems = read_input(path, content or path.parent, MAX_FILE_BYTES)
    if data is None:
        return None, problems or [problem_at(path, 0, "file not found (was it removed meanwhile?)")]
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
    if path.suffix.lower() == ".md" and OPENING_FENCE.fullmatch(text.split("\n", 1)[0]):
        fm_meta, title, text, first_line, found = split_front_matter(text, str(path))
        problems += found
        meta = merge_meta(fm_meta, editor_meta)
    if not text.strip():
        if any(p.severity == "error" for p in problems):
            return None, problems
        return None, [*problems, problem_at(path, 0, "the article has no text")]
    return RawArticle(path.stem, str(path), text, first_line, title, meta), problems


def decode_article(data: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Decode an article's bytes, saying what was assumed.

    - A UTF-8, UTF-16 or UTF-32 byte-order mark decides (UTF-32 is checked first: its
      little-endian mark starts with UTF-16's).
    - NUL bytes without a mark: UTF-16 or UTF-32 is assumed, with a warning, when exactly one of
      them explains the NULs (see `_guess_wide`); when several do, the file is refused as
      ambiguous; when none does, it is binary and refused, at the line of the first NUL.
    - Otherwise UTF-8. Bytes that are not UTF-8 in a file that has valid multi-byte UTF-8
      sequences (accented letters, curly quotes) are damage: each becomes U+FFFD, with a warning
      naming the line and column of the first and how many there are. Only a file with no valid
      multi-byte sequence at all is read as cp1252 (Windows Latin-1), with a warning.
    """
    problems: list[Problem] = []
    if not data.strip():
        return None, [problem_at(path, 0, "the file is empty")]
    decoded = decode_bom(data, path)
    if decoded is not None:
        text, problems = decoded
        if text is None:
            return None, problems
    elif b"\x00" in data:
        text, problems = _decode_wide(data, path)
        if text is None:
            return None, problems
    else:
        data = data.removeprefix(codecs.BOM_UTF8)
        utf8 = read_utf8(data)
        text = utf8.text
        if utf8.bad and utf8.multibyte:
            problems.append(utf8_warning(path, utf8, "kept it as UTF-8 and showed each bad byte as "
                                         "U+FFFD: fix or re-save the file as UTF-8"))
        elif utf8.bad:
            line, column = utf8.first_bad()
            text = data.decode("cp1252", errors="replace")
            problems.append(problem_at(path, line, f"is not valid UTF-8 (first odd byte at column "
                                       f"{column}, and no UTF-8 letters anywhere); read it as "
                                       "cp1252 (Windows Latin-1): check the accented letters",
                                       "warning"))
    if "\x00" in text:
        return None, [problem_at(path, 0, "contains NUL characters: binary files are not articles")]
    if _looks_binary(text):
        return None, [problem_at(path, 0, "looks binary (many control characters): not an article")]
    return text.replace("\r\n", "\n").replace("\r", "\n"), problems


def _decode_wide(data: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Decode UTF-16 or UTF-32 without a byte-order mark, or refuse NUL bytes."""
    fits = _guess_wide(data)
    if len(fits) == 1:
        ((encoding, text),) = fits
        return text, [problem_at(path, 0, f"has NUL bytes and no byte-order mark; read it as "
                                 f"{encoding.upper()}, the one encoding they fit: save it as UTF-8",
                                 "warning")]
    if fits:
        names = " or ".join(encoding.upper() for encoding, _ in fits)
        return None, [problem_at(path, 0, f"has NUL bytes and no byte-order mark, and could be "
                                 f"{names}: the encoding is ambiguous; save it as UTF-8")]
    line = data[: data.index(b"\x00")].count(b"\n") + 1
    return None, [problem_at(path, line, "contains NUL bytes: binary files are not articles")]


def _guess_wide(data: bytes) -> list[tuple[str, str]]:
    """The UTF-16/UTF-32 encodings (without a mark) whose pattern the file's NUL bytes fit.

    In UTF-16 or UTF-32 text, a NUL byte is the high byte of a character: ASCII text in
    UTF-16-LE has a NUL at every odd offset. So NUL bytes must be at least 1% of the file (its
    line breaks and spaces alone give that, even in Chinese), and an encoding fits when the
    file decodes in it strictly to text with no NUL character (every NUL byte was a high byte),
    with line breaks, without control characters, and with few characters whose low byte is NUL
    (read in the wrong byte order, every ASCII letter becomes such a character).
    """
    fits: list[tuple[str, str]] = []
    if data.count(0) * 100 < len(data):
        return fits
    for encoding, unit in WIDE_ENCODINGS:
        if len(data) % unit:
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text or not ("\n" in text or "\r" in text) or _looks_binary(text):
            continue
        wide = [ch for ch in text[:65536] if ord(ch) > 0xFF]
        if sum(1 for ch in wide if not ord(ch) & 0xFF) * 4 > len(wide):
            continue
        fits.append((encoding, text))
    return fits


def _looks_binary(text: str) -> bool:
    """Tell binary junk from text by the share of control characters."""
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls > max(8, len(sample) // 50)


def split_front_matter(
    text: str, path: str
) -> tuple[SourceMeta, str | None, str, int, list[Problem]]:
    """Split YAML front matter off a Markdown article and read its metadata.

    The fences are YAML's own document markers: the first line is `---`, the closing line is
    `---` or `...`, each possibly followed by spaces or tabs (invisible in an editor, so they
    do not change the meaning). A first line like that with no closing line is an error at
    line 1 and nothing of the file is published: front matter is never shown as article text.
    """
    lines = text.split("\n")
    end = next((i for i in range(1, len(lines)) if CLOSING_FENCE.fullmatch(lines[i])), None)
    if end is None:
        return SourceMeta(), None, "", 1, [problem_at(path, 1, "front matter starts with '---' "
                                                      "but has no closing '---' (or '...') line")]
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
    author_from = "editor" if "author" in values else None
    return SourceMeta(**values, outlet_from=outlet_from, author_from=author_from), title, problems


def _check_meta_value(key: str, value: str) -> str | None:
    """Say what is wrong with one metadata value, or None when it is fine."""
    if key == "url":
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
            return f"url must be an http(s) address, got {quote(value)}"
    if key == "published":
        try:
            dt.datetime.fromisoformat(value)
        except ValueError:
            return f"published must be an ISO date like 2024-03-05, got {quote(value, 40)}"
    if key == "language" and not LANGUAGE.fullmatch(value):
        return f"language must be a code like 'en' or 'pt-BR', got {quote(value, 20)}"
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
        author_from=primary.author_from if primary.author else fallback.author_from,
    )


def load_sources_yml(path: Path,
                     content: Path | None = None) -> tuple[dict[str, tuple[SourceMeta, int]], list[Problem]]:
    """Read content/sources.yml: source id -> (metadata, line of its entry).

    Read safely (see safe_read); `content` is the folder a symbolic link must stay inside.
    """
    text, problems = read_text(path, content or path.parent)
    if text is None:
        return {}, problems
    node, found = parse_yaml(text, str(path))
    problems += found
    if node is None:
        return {}, problems
    entries, found = mapping_fields(node, str(path), "sources.yml")
    problems += found
    result: dict[str, tuple[SourceMeta, int]] = {}
    for entry in entries:
        fields, found = mapping_fields(entry.node, str(path), f"source {quote(entry.key)}")
        meta, title, found2 = read_meta(fields, str(path), f"source {quote(entry.key)}")
        problems += found + found2
        if title is not None:
            problems.append(problem_at(path, entry.line, "set titles in the article itself, "
                                       "not in sources.yml"))
        result[entry.key] = (meta, entry.line)
    return result, problems


def load_site_config(path: Path, content: Path | None = None) -> tuple[SiteConfig, list[Problem]]:
    """Read content/site.yml safely (see safe_read); a missing file gives the defaults."""
    text, problems = read_text(path, content or path.parent)
    if text is None:
        return SiteConfig(), problems
    node, found = parse_yaml(text, str(path))
    problems += found
    if node is None:
        return SiteConfig(), problems
    fields, found = mapping_fields(node, str(path), "site.yml")
    problems += found
    values: dict[str, str] = {}
    turned_off: set[str] = set()
    for f in fields:
        if f.key == "pages":
            turned_off, found = read_parts(f, str(path))
            problems += found
            continue
        if f.key not in SITE_KEYS:
            problems.append(unknown_key(str(path), f, (*SITE_KEYS, "pages"), "site.yml"))
            continue
        value, found = scalar_text(f, str(path))
        problems += found
        if value is not None:
            values[f.key] = " ".join(value.split())
    if "title" in values:
        values["title_from"] = "site.yml"
    return SiteConfig(**values, turned_off=frozenset(turned_off)), problems


def read_parts(f: Field, path: str) -> tuple[set[str], list[Problem]]:
    """Read `pages:` of site.yml: which optional parts to build (`map: false` turns the map off)."""
    fields, problems = mapping_fields(f.node, path, "pages")
    turned_off = set()
    for part in fields:
        if part.key not in OPTIONAL_PARTS:
            problems.append(unknown_key(path, part, tuple(OPTIONAL_PARTS), "pages"))
            continue
        value, found = scalar_text(part, path)
        problems += found
        shown = SWITCHES.get((value or "").lower())
        if found:
            continue
        if shown is None:
            problems.append(problem_at(path, part.line, f"{quote(part.key)} under pages must be true "
                                       "or false"))
        elif not shown:
            turned_off.add(part.key)
    return turned_off, problems
