"""Why an export could not run, each with a stable code, a message and a CLI exit code."""
from __future__ import annotations

from typing import Any

MESSAGES: dict[str, str] = {
    "bad_argument": "{detail}",
    "unknown_report": "Unknown report {report!r}; choose one of {choices}",
    "bad_period": "The period must start on or before its end ({start} .. {end})",
    "unknown_user": "No user {username!r} in this profile",
    "user_required": "Say who exports with --user (this profile has no single signed-in user)",
    "not_writable": "Cannot write to {path}: {reason}",
    "in_use": "{path} is open in another program or read-only; close it or choose another name",
    "unmasked_supervisor_only": "Only a supervisor may export unmasked phone and ID numbers",
    "branch_supervisor_only": "Only a supervisor may export the whole branch",
    "cancelled": "The export was cancelled; no file was written",
}
ZH_MESSAGES: dict[str, str] = {
    "unknown_report": "未知报表 {report!r}，可选：{choices}",
    "bad_period": "期间的开始日期不能晚于结束日期（{start} .. {end}）",
    "unknown_user": "此档案中没有用户 {username!r}",
    "user_required": "请用 --user 指定导出人（此档案没有唯一的已登录用户）",
    "not_writable": "无法写入 {path}：{reason}",
    "in_use": "{path} 正被其他程序打开或为只读，请关闭后重试或换一个文件名",
    "unmasked_supervisor_only": "只有主管可以导出未脱敏的手机号和身份证号",
    "branch_supervisor_only": "只有主管可以导出全支公司的数据",
    "cancelled": "导出已取消，未生成文件",
}


class ExportError(Exception):
    """`code` is stable (the UI translates it); `exit_code` is what the CLI returns."""

    exit_code = 1

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message_in("en"))

    def message_in(self, language: str) -> str:
        template = (ZH_MESSAGES if language == "zh_CN" else {}).get(self.code, MESSAGES[self.code])
        return template.format(**self.params)


class BadRequest(ExportError):
    exit_code = 2


class OutputNotWritable(ExportError):
    exit_code = 3


class OutputInUse(ExportError):
    exit_code = 4


class NotAllowed(ExportError):
    exit_code = 5


class ExportCancelled(ExportError):
    exit_code = 130

    def __init__(self) -> None:
        super().__init__("cancelled")
