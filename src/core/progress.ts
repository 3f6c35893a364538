interface ProgressGroup {
  chaosType: string;
  params: unknown;
  baseline: boolean;
  pending: number;
  running: number;
  completed: number;
  failed: number;
  /** Mean seconds from claim to completion of this group's finished items, when any. */
  meanSeconds?: number | null;
}

export interface RunningItem {
  workId: number;
  chaosType: string;
  workerId: string | null;
  runningSeconds: number;
}

export interface ProgressSnapshot {
  groups: ProgressGroup[];
  running: RunningItem[];
}

export interface ProgressTotals {
  total: number;
  pending: number;
  running: number;
  completed: number;
  failed: number;
}

export function totalsOf(snapshot: ProgressSnapshot): ProgressTotals {
  const totals = { total: 0, pending: 0, running: 0, completed: 0, failed: 0 };
  for (const g of snapshot.groups) {
    totals.pending += g.pending;
    totals.running += g.running;
    totals.completed += g.completed;
    totals.failed += g.failed;
  }
  totals.total = totals.pending + totals.running + totals.completed + totals.failed;
  return totals;
}

/** Finished like `eval wait` decides it: nothing pending and nothing running. */
export function isFinished(totals: ProgressTotals): boolean {
  return totals.total > 0 && totals.pending + totals.running === 0;
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** One progress line, e.g. `12/28 done (10 completed, 2 failed) · 3 running · 13 pending`. */
export function describeTotals(t: ProgressTotals): string {
  const done = t.completed + t.failed;
  const pct = t.total ? Math.floor((done / t.total) * 100) : 0;
  return `${done}/${t.total} done (${pct}%): ${t.completed} completed, ${t.failed} failed · ${t.running} running · ${t.pending} pending`;
}

/**
 * Items running longer than any trial should (upstream's `release-stale` default is one hour):
 * their worker is probably gone, and upstream has no heartbeat to tell.
 */
export function staleItems(snapshot: ProgressSnapshot, staleAfterSeconds: number): RunningItem[] {
  return snapshot.running.filter((r) => r.runningSeconds >= staleAfterSeconds);
}
