"""Errors in the current language.

Codes raised by the workspaces' store operations that the shell's `labels` does not know
are kept here; everything else goes through `labels.error_message`. The translation
context stays "CareMessages", where these messages were first written.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication

from claimcare_desktop.domain.errors import DomainError

from ..labels import error_message
from .message_fill import fill

CONTEXT = "CareMessages"

_ERRORS = {
    "text_too_long": QT_TRANSLATE_NOOP("CareMessages", "At most {max} characters, please"),
    "too_many_tags": QT_TRANSLATE_NOOP("CareMessages", "At most {max} tags, please"),
    "customer_not_found": QT_TRANSLATE_NOOP("CareMessages", "This customer no longer exists"),
    "complaint_not_found": QT_TRANSLATE_NOOP("CareMessages", "This complaint no longer exists"),
    "not_owner": QT_TRANSLATE_NOOP("CareMessages", "This complaint belongs to another account manager"),
    "owner_not_in_branch": QT_TRANSLATE_NOOP("CareMessages", "Choose an active colleague of this branch"),
    "supervisor_only": QT_TRANSLATE_NOOP("CareMessages", "Only a supervisor may do this"),
}


def error_text(error: BaseException) -> str:
    if isinstance(error, DomainError):
        source = _ERRORS.get(error.code)
        if source is not None:
            return fill(QCoreApplication.translate(CONTEXT, source), error.params)
        return error_message(error)
    template = QCoreApplication.translate("CareMessages", "Something went wrong: {detail}")
    return fill(template, {"detail": str(error) or type(error).__name__})
