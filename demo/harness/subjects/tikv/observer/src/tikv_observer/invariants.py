"""Invariants of the demo's simulated TiKV harness (read by `iterate-campaign analyze --source-dir`).

Shaped like a real observer module: module-level InvariantConfig constants and one check_* method
per invariant. Nothing here runs; the demo only reads it.
"""

from dataclasses import dataclass, field
from datetime import timedelta


@dataclass
class InvariantConfig:
    name: str
    grace_period: timedelta = field(default_factory=lambda: timedelta(seconds=0))
    threshold: float = 0.0
    severity: str = "warning"


STORE_DOWN_CONFIG = InvariantConfig(
    name="store_down",
    grace_period=timedelta(seconds=0),
    severity="critical",
)

HIGH_LATENCY_CONFIG = InvariantConfig(
    name="high_latency",
    grace_period=timedelta(seconds=30),
    threshold=100.0,  # P99 in milliseconds
)

LEADER_IMBALANCE_CONFIG = InvariantConfig(
    name="leader_imbalance",
    grace_period=timedelta(seconds=30),
    threshold=5.0,
)

HIGH_RAFT_COMMIT_CONFIG = InvariantConfig(
    name="high_raft_commit",
    grace_period=timedelta(seconds=30),
    threshold=50.0,
)

METRICS_UNAVAILABLE_CONFIG = InvariantConfig(
    name="metrics_unavailable",
    grace_period=timedelta(seconds=30),
)


class DemoInvariantChecker:
    def check_stores_up(self, stores, config=None):
        config = config or STORE_DOWN_CONFIG
        return [s for s in stores if s["state"] != "Up"]

    def check_latency(self, metrics, config=None):
        config = config or HIGH_LATENCY_CONFIG
        return metrics["latency_p99_ms"] > config.threshold

    def check_leader_balance(self, leader_counts, config=None):
        config = config or LEADER_IMBALANCE_CONFIG
        counts = list(leader_counts.values())
        return max(counts) - min(counts) > config.threshold

    def check_raft_commit(self, metrics, config=None):
        config = config or HIGH_RAFT_COMMIT_CONFIG
        return metrics["raft_commit_p99_ms"] > config.threshold

    def check_metrics_availability(self, stores, store_metrics, config=None):
        config = config or METRICS_UNAVAILABLE_CONFIG
        return [s for s in stores if s["state"] == "Up" and s["id"] not in store_metrics]
