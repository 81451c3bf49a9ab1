"""The complaint tracker workspace: live SLA clocks, filters, history and actions."""
