"""Revealing phone and ID numbers in a file is an audited act (DESIGN §2): one audit_log row,
written through an ORM session so it reaches HQ through the outbox."""
from __future__ import annotations

import json
from datetime import UTC, datetime

from ..domain.ids import new_id
from ..store.models import AuditEntry
from .request import ExportRequest, ExportUser

ACTION = "export_unmasked"


def record_unmasked_export(profile, user: ExportUser, request: ExportRequest, rows: int) -> None:
    detail = json.dumps({"report": request.report, "file": request.out.name,
                         "from": request.start.isoformat(), "to_exclusive": request.end.isoformat(),
                         "scope": request.scope, "rows": rows}, ensure_ascii=False)
    with profile.session(user.id) as session, session.begin():
        session.add(AuditEntry(id=new_id(), branch_id=user.branch_id, user_id=user.id,
                               at=datetime.now(UTC).replace(tzinfo=None), action=ACTION,
                               detail=detail))
