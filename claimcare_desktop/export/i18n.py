"""Words in the workbooks, in English and Simplified Chinese, without Qt.

Exports also run from the command line, where no Qt translator is loaded, so the export
package keeps its own table: English source text -> Chinese, the same shape as a .ts file.
Codes from the domain become English words through `CODE_LABELS`, then go through the table.
"""
from __future__ import annotations

from collections.abc import Callable

LANGUAGES = ("zh_CN", "en")

CODE_LABELS: dict[str, dict[str, str]] = {
    "claim_type": {"auto": "Auto", "health": "Health", "property": "Property", "life": "Life",
                   "accident": "Accident"},
    "visit_step": {"same_day": "Same day", "day_7": "Day 7", "day_30": "Day 30", "care": "Care"},
    "visit_status": {"open": "To do", "done": "Done", "unreachable": "Unreachable",
                     "cancelled": "Cancelled"},
    "channel": {"phone": "Phone", "sms": "SMS", "wechat": "WeChat", "in_person": "In person"},
    "attempt_result": {"reached": "Reached", "no_answer": "No answer", "wrong_number": "Wrong number",
                       "refused": "Refused", "call_back": "Asked to call back"},
    "complaint_state": {"open": "New", "acknowledged": "Acknowledged", "paused": "Paused",
                        "escalated": "Escalated", "resolved": "Resolved", "closed": "Closed"},
    "complaint_complexity": {"simple": "Simple", "complex": "Complex"},
    "complaint_category": {"payout_delay": "Payout delay", "payout_amount": "Payout amount",
                           "service_attitude": "Service attitude", "process": "Process",
                           "communication": "Communication", "documents": "Documents",
                           "other": "Other"},
    "clock_state": {"on_track": "On track", "due_soon": "Due soon", "breached": "Breached",
                    "met": "Met", "paused": "Paused"},
    "care_kind": {"birthday": "Birthday", "festival": "Festival", "health_reminder": "Health reminder",
                  "renewal_reminder": "Renewal reminder"},
    "care_status": {"planned": "Planned", "done": "Done", "skipped": "Skipped",
                    "cancelled": "Cancelled"},
    "risk_level": {"low": "Low", "medium": "Medium", "high": "High"},
    "risk_reason": {"low_satisfaction": "Low satisfaction", "lukewarm_satisfaction": "Lukewarm satisfaction",
                    "open_complaint": "Open complaint", "breached_complaint": "Complaint past its deadline",
                    "late_payout": "Payout later than 48 h", "unreachable_visit": "Unreachable visit",
                    "renewal_due": "Renewal due", "rejected_claim": "Rejected claim",
                    "partial_claim": "Partly paid claim"},
    "timeliness": {"on_time": "On time", "late": "Late", "overdue": "Overdue", "pending": "Not yet due"},
    "scope": {"me": "My work", "branch": "Whole branch"},
    "report": {"visits": "Visit register", "complaints": "Complaint register", "kpi": "KPI report",
               "care": "Care list", "at-risk": "At-risk customers"},
    "kpi": {"profile_completeness": "Complete customer profiles",
            "field_validity": "Valid profile fields",
            "payout_within_48h": "Payouts within 48 h of documents",
            "visit_coverage": "Closed claims visited",
            "visit_satisfaction": "Visits scored 4-5",
            "care_coverage": "Customers given personal care",
            "complaint_rate": "Complaints per closed claim",
            "resolution_rate": "Complaints resolved",
            "renewal_rate": "Post-claim renewals",
            "response_time": "Hours to first response",
            "satisfaction_score": "Satisfaction score (of 100)"},
    "kpi_goal": {"profile_completeness": "at least 80%", "field_validity": "at least 98%",
                 "payout_within_48h": "100%", "visit_coverage": "100%",
                 "visit_satisfaction": "at least 90%", "care_coverage": "at least 80%",
                 "complaint_rate": "15% lower than last year",
                 "resolution_rate": "20% higher than last year",
                 "renewal_rate": "10% higher than last year",
                 "response_time": "20% faster than last year",
                 "satisfaction_score": "5 points higher than last year"},
    "verdict": {"yes": "On target", "no": "Off target", "unknown": "No data"},
}

ZH_CN: dict[str, str] = {
    # codes
    "Auto": "车险", "Health": "健康险", "Property": "财产险", "Life": "寿险", "Accident": "意外险",
    "Same day": "当日回访", "Day 7": "7日回访", "Day 30": "30日回访", "Care": "关怀回访",
    "To do": "待办", "Done": "已完成", "Unreachable": "联系不上", "Cancelled": "已取消",
    "Phone": "电话", "SMS": "短信", "WeChat": "微信", "In person": "面访",
    "Reached": "已接通", "No answer": "无人接听", "Wrong number": "号码错误", "Refused": "拒访",
    "Asked to call back": "约定回拨",
    "New": "新建", "Acknowledged": "已受理", "Paused": "已暂停", "Escalated": "已升级",
    "Resolved": "已解决", "Closed": "已关闭",
    "Simple": "简单", "Complex": "复杂",
    "Payout delay": "赔款延迟", "Payout amount": "赔款金额", "Service attitude": "服务态度",
    "Process": "流程", "Communication": "沟通", "Documents": "单证资料", "Other": "其他",
    "On track": "正常", "Due soon": "即将到期", "Breached": "已超时", "Met": "已达成",
    "Birthday": "生日", "Festival": "节日问候", "Health reminder": "健康提醒",
    "Renewal reminder": "续保提醒", "Planned": "计划中", "Skipped": "已跳过",
    "Low": "低", "Medium": "中", "High": "高",
    "Low satisfaction": "满意度低", "Lukewarm satisfaction": "满意度一般", "Open complaint": "未结投诉",
    "Complaint past its deadline": "投诉超时", "Payout later than 48 h": "赔付超过48小时",
    "Unreachable visit": "回访联系不上", "Renewal due": "即将续保", "Rejected claim": "拒赔案件",
    "Partly paid claim": "部分赔付案件",
    "On time": "按时", "Late": "逾期完成", "Overdue": "已逾期", "Not yet due": "未到期",
    "My work": "我的工作", "Whole branch": "全支公司",
    "Visit register": "回访登记表", "Complaint register": "投诉登记表", "KPI report": "KPI 报告",
    "Care list": "关怀清单", "At-risk customers": "流失风险客户",
    "Complete customer profiles": "客户档案完整率", "Valid profile fields": "档案字段有效率",
    "Payouts within 48 h of documents": "资料确认后48小时内赔付率", "Closed claims visited": "结案回访率",
    "Visits scored 4-5": "回访满意率（4-5分）", "Customers given personal care": "个性化关怀覆盖率",
    "Complaints per closed claim": "投诉率（每结案）", "Complaints resolved": "投诉解决率",
    "Post-claim renewals": "理赔后续保率", "Hours to first response": "首次响应时长（小时）",
    "Satisfaction score (of 100)": "满意度得分（百分制）",
    "at least 80%": "不低于80%", "at least 98%": "不低于98%", "100%": "100%",
    "at least 90%": "不低于90%", "15% lower than last year": "较去年同期下降15%",
    "20% higher than last year": "较去年同期提升20%", "10% higher than last year": "较去年同期提升10%",
    "20% faster than last year": "较去年同期缩短20%",
    "5 points higher than last year": "较去年同期提高5分",
    "On target": "达标", "Off target": "未达标", "No data": "无数据",
    # cover sheet
    "Cover": "封面", "Report": "报表", "Branch": "支公司", "Exported by": "导出人",
    "Exported at": "导出时间", "Period": "期间", "Scope": "范围", "Personal data": "个人信息",
    "Masked": "已脱敏", "Unmasked (audited)": "未脱敏（已记录审计）", "Rows": "行数",
    "Language": "语言", "{start} to {end}": "{start} 至 {end}",
    "Times are China Standard Time (UTC+8). Amounts in yuan.":
        "时间均为北京时间（UTC+8），金额单位为元。",
    # sheets
    "Visits": "回访", "Attempts": "联系记录", "Complaints": "投诉", "KPIs": "KPI",
    "By manager": "按客户经理", "Monthly trend": "月度趋势", "Care items": "关怀事项",
    "Customers": "客户",
    # headers
    "Customer": "客户", "Phone number": "手机号", "ID number": "身份证号", "Claim no.": "赔案号",
    "Claim type": "险种", "Paid amount": "赔付金额", "Step": "回访节点", "Due date": "应访日期",
    "Account manager": "客户经理", "Status": "状态", "Attempts made": "联系次数",
    "Channel": "渠道", "Satisfaction": "满意度", "Completed at": "完成时间", "Timeliness": "时效",
    "Feedback": "反馈", "Follow-up needed": "需跟进", "Yes": "是", "No": "否",
    "Visit due": "回访应访日期", "Attempted at": "联系时间", "By": "联系人", "Result": "结果",
    "Notes": "备注", "Opened at": "受理时间", "Category": "类别", "Complexity": "复杂度",
    "Owner": "负责人", "State": "状态", "Escalation level": "升级层级",
    "First response at": "首次响应时间", "Hours to first response": "首次响应时长（小时）",
    "Resolved at": "解决时间", "Hours to solution": "解决时长（小时）",
    "Response SLA": "24小时响应", "Solution SLA": "48小时解决", "Statutory deadline": "法定时限",
    "Statutory state": "法定时限状态", "Resolution": "处理结果", "Root cause": "根本原因",
    "Summary": "投诉内容", "Target": "指标", "Goal": "目标要求", "Goal this period": "本期目标值", "Actual": "实际值",
    "Same period last year": "去年同期", "Verdict": "是否达标", "Month": "月份",
    "Kind": "类型", "Title": "标题", "Assigned to": "负责人", "Done at": "完成时间", "Note": "备注",
    "Risk score": "风险分", "Risk level": "风险等级", "Reasons": "风险原因", "Tier": "客户等级",
    "Standard": "普通", "Silver": "银卡", "Gold": "金卡", "VIP": "贵宾",
    "Monthly trend of the rate targets": "比率类指标月度趋势",
}

TABLES = {"zh_CN": ZH_CN, "en": {}}


class Translator:
    """`text(english)` in the chosen language; `label(kind, code)` for a domain code."""

    def __init__(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        self.language = language
        self._table = TABLES[language]

    def text(self, source: str, **params: object) -> str:
        words = self._table.get(source, source)
        return words.format(**params) if params else words

    def labeller(self, kind: str) -> Callable[[str | None], str | None]:
        """`label` for one vocabulary, looked up once: for rows by the hundred thousand."""
        table = {code: self.text(source) for code, source in CODE_LABELS[kind].items()}
        return lambda code: table.get(code, code)

    def label(self, kind: str, code: str | None) -> str:
        if code is None:
            return ""
        source = CODE_LABELS.get(kind, {}).get(str(code))
        return str(code) if source is None else self.text(source)
