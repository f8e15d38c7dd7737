"""The local review app (``factcheck serve REPORTS_DIR``): the batch overview and review forms.

See :mod:`factcheck.app.server`. The overview page itself is rendered by
:mod:`factcheck.report_overview`, which also writes the static ``index.html`` of every batch.
"""
