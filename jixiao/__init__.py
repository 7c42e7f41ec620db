"""jixiao (绩效): read budget-performance evaluation reports into one SQLite schema.

Stages: ``jixiao.extract`` (files to Documents), ``jixiao.normalize`` (Documents to the models
of ``jixiao.schemas``), ``jixiao.checks`` (recompute reported figures), ``jixiao.db`` (SQLite).
``jixiao.pipeline.process_file`` runs them all on one file.
"""
__version__ = "0.1.0"
