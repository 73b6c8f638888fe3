"""Reading the members of an OOXML or ODF container without letting it explode.

A ZIP member is read only when its declared size is under the cap, and never past the cap (the declared
size can lie: the read stops there). Its XML is parsed by safe_xml.
"""

import zipfile
import zlib
from pathlib import Path

from lxml import etree

from a11ycheck.documents.limits import DocumentLimits
from a11ycheck.documents.safe_xml import XmlRefused, parse_xml


class ContainerError(Exception):
    """The container or one of its XML members is damaged or hostile; the message says which."""


class ContainerTooLarge(ContainerError):
    """A member is over the size cap, or the container has too many members."""


class OfficeContainer:
    """An open OOXML or ODF ZIP file: its member names, and its members read under the caps."""

    def __init__(self, path: Path, limits: DocumentLimits):
        self.limits = limits
        try:
            self._zip = zipfile.ZipFile(path)
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            raise ContainerError(f"the ZIP container is damaged or cut short ({exc})") from None
        if len(infos) > limits.max_zip_members:
            self._zip.close()
            raise ContainerTooLarge(
                f"the container has {len(infos)} entries (limit {limits.max_zip_members})"
            )
        self._infos = {info.filename: info for info in infos}

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> "OfficeContainer":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def names(self) -> list[str]:
        return list(self._infos)

    def has(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str) -> bytes | None:
        """The member's bytes, or None when there is no such member."""
        info = self._infos.get(name)
        if info is None:
            return None
        cap = self.limits.max_xml_bytes
        if info.file_size > cap:
            raise ContainerTooLarge(f"{name} is {info.file_size} bytes uncompressed (limit {cap})")
        try:
            with self._zip.open(info) as member:
                data = member.read(cap + 1)
        except (
            zipfile.BadZipFile,
            zlib.error,
            OSError,
            ValueError,
            EOFError,
            NotImplementedError,
            RuntimeError,
        ) as exc:
            # RuntimeError: an encrypted member; NotImplementedError: an unknown compression method
            raise ContainerError(f"{name} cannot be read ({exc})") from None
        if len(data) > cap:
            raise ContainerTooLarge(f"{name} inflates past {cap} bytes (a ZIP bomb?)")
        return data

    def xml(self, name: str) -> etree._Element | None:
        """The member parsed as XML, or None when there is no such member."""
        data = self.read(name)
        if data is None:
            return None
        try:
            return parse_xml(data, name)
        except XmlRefused as exc:
            raise ContainerError(str(exc)) from None
