"""The supervisor's dashboard: KPI targets, trends, managers, at-risk customers, workload."""
