"""Alias of :mod:`cleaner.batch.cluster` (batch cleaning on a Dask cluster), kept so that the
import path documented before the stage folders, ``from cleaner.distributed import ...``, works."""

from .batch.cluster import *  # noqa: F401,F403
from .batch.cluster import __all__  # noqa: F401
