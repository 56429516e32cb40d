"""Errors a page can fail with. Every failure of a page is a ``CleanError`` subclass,
so batch code catches one type and writes an error record instead of crashing."""


class CleanError(Exception):
    """A page that cannot be cleaned; the message says why, for the error record."""

    code = "error"


class BinaryInputError(CleanError):
    """The bytes are not text in any encoding we know (images, archives, junk)."""

    code = "binary"


class DecodeError(CleanError):
    """The bytes could not be decoded to text."""

    code = "decode"


class PageTooLargeError(CleanError):
    """The page exceeds the configured size limit."""

    code = "too_large"


class ParseError(CleanError):
    """The markup could not be parsed into a tree."""

    code = "parse"


class CleanTimeoutError(CleanError):
    """Cleaning took longer than the configured time limit."""

    code = "timeout"


class UnsupportedInputError(CleanError):
    """The object given to ``clean`` is of a type we cannot read."""

    code = "unsupported"


class ModelLoadError(CleanError):
    """A spam model file could not be loaded (untrusted, corrupt, incompatible)."""

    code = "model"
