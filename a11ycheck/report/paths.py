"""Where report files go: names made from crawled or configured text can never leave the output folder."""

import os
import re
import unicodedata
from pathlib import Path

from a11ycheck.errors import UserError

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
MAX_SLUG = 80


def file_slug(text: str) -> str:
    """Lower-case ASCII letters, digits and single hyphens: "Sint-Niklaas (Stad)" -> "sint-niklaas-stad".

    Empty when nothing usable is left (a name made only of dots or slashes, for instance).
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")[:MAX_SLUG].strip("-")


class OutputFolder:
    """The report's root folder; `path()` builds paths inside it and refuses anything that would escape."""

    def __init__(self, root: Path):
        self.root = root.expanduser().resolve()
        self._folders: dict[tuple[str, ...], Path] = {}  # checked and created, so each is resolved once

    def path(self, *parts: str) -> Path:
        """A path below the root from relative, slash-free parts (slugs, "page-12.html")."""
        for part in parts:
            _check_part(part)
        candidate = self.root.joinpath(*parts).resolve()
        if not candidate.is_relative_to(self.root) or candidate == self.root:
            raise UserError(f"refusing to write outside the report folder: {'/'.join(parts)!r}")
        return candidate

    def write_text(self, parts: tuple[str, ...], content: str) -> Path:
        """Write a file; its folder is checked once, and the file itself is never followed if a link."""
        folder_parts, name = parts[:-1], parts[-1]
        folder = self._folders.get(folder_parts)
        if folder is None:
            folder = self.path(*folder_parts) if folder_parts else self.root
            folder.mkdir(parents=True, exist_ok=True)
            self._folders[folder_parts] = folder
        _check_part(name)
        target = folder / name
        # encoded once and written with os.write: a text-mode file object per page costs more than the write
        data = memoryview(content.encode("utf-8"))
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o644)
        try:
            while data:
                data = data[os.write(descriptor, data) :]
        finally:
            os.close(descriptor)
        return target


def _check_part(part: str) -> None:
    """One path component: no separators, no "." or "..", nothing empty."""
    if not part or part in (".", "..") or "/" in part or "\\" in part or "\0" in part:
        raise UserError(f"refusing to write outside the report folder: {part!r}")
