"""jixiao (绩效): read budget-performance evaluation reports into one SQLite schema.

Stages: ``jixiao.extract`` (files to Documents), ``jixiao.normalize`` (Documents to the models
of ``jixiao.schemas``), ``jixiao.checks`` (recompute reported figures), ``jixiao.db`` (SQLite).
``jixiao.pipeline.process_file`` runs them all on one file.
"""
import os as _os

__version__ = "0.1.0"

# The source tree is flat (extract/, normalize/, schemas/, db/ beside this folder) and setup.py
# maps those folders into this package when installing. Python started inside a checkout finds
# this folder first and would miss them, so there the checkout's root joins the package path.
_here = _os.path.dirname(_os.path.abspath(__file__))
_root = _os.path.dirname(_here)
if not _os.path.isdir(_os.path.join(_here, "extract")) and _os.path.isfile(
        _os.path.join(_root, "extract", "document.py")):
    __path__.append(_root)  # noqa: F821 - __path__ is defined for packages
