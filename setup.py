"""Package list for setuptools (everything else is in pyproject.toml).

The shipped spam model lives in the top-level ``models/`` folder of the repository and is
installed as the ``cleaner.models`` package, so ``cleaner.model.default_model_path()``
finds it in a wheel, an editable install and a plain checkout alike. The labelled lines it was
trained on (``samples/lines``) ship as ``cleaner/models/lines/`` for ``train --base default``."""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["cleaner", "cleaner.*"]) + ["cleaner.models", "cleaner.models.lines"],
    package_dir={"cleaner.models": "models", "cleaner.models.lines": "samples/lines"},
)
