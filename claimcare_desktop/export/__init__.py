"""Excel exports: streaming (write-only) openpyxl workbooks, one module per report.

Nothing here imports Qt: the same code runs from the Export workspace (on a worker) and
from `claimcare-desktop export`. Entry point: `runner.run_export(profile, request, progress)`.
"""
