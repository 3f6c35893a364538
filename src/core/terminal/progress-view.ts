import { describeTotals, formatDuration, totalsOf, type ProgressSnapshot } from '../progress.js';

/** Live progress of a long wait: redrawn in place on a TTY, a line a minute elsewhere. */
export interface ProgressReporter {
  update(view: ProgressView): void;
  /** The wait is over: the last state stays on screen. */
  stop(): void;
}

/** What the progress display shows at one moment of a wait. */
export interface ProgressView {
  campaignId: number;
  /** `live` while LISTEN works, `polling` when only the poll interval wakes the wait. */
  mode: 'live' | 'polling';
  snapshot: ProgressSnapshot;
  /** Running items at least this old are flagged as probably orphaned. */
  staleAfterSeconds: number;
}

export interface ChaosTypeProgress {
  name: string;
  done: number;
  total: number;
  running: number;
  failed: number;
}

/** Counts per chaos type (params merged, baseline on its own), in campaign order. */
export function progressByChaosType(snapshot: ProgressSnapshot): ChaosTypeProgress[] {
  const byName = new Map<string, ChaosTypeProgress>();
  for (const g of snapshot.groups) {
    const name = g.baseline ? 'baseline' : g.chaosType;
    const row = byName.get(name) ?? { name, done: 0, total: 0, running: 0, failed: 0 };
    row.done += g.completed + g.failed;
    row.total += g.pending + g.running + g.completed + g.failed;
    row.running += g.running;
    row.failed += g.failed;
    byName.set(name, row);
  }
  return [...byName.values()];
}

/**
 * Seconds until the campaign is done, from the observed durations of finished items (per
 * combination, else the campaign's mean) spread over the items running now. Null until an item has
 * finished, and while nothing runs (no worker to spread the work over).
 */
export function estimateRemainingSeconds(snapshot: ProgressSnapshot): number | null {
  const timed = snapshot.groups.filter((g) => typeof g.meanSeconds === 'number');
  const finished = timed.reduce((n, g) => n + g.completed + g.failed, 0);
  if (finished === 0) return null;
  const overall =
    timed.reduce((sum, g) => sum + g.meanSeconds! * (g.completed + g.failed), 0) / finished;
  const parallel = snapshot.running.length;
  if (parallel === 0) return null;
  const meanOf = (chaosType: string) =>
    snapshot.groups.find((g) => g.chaosType === chaosType && typeof g.meanSeconds === 'number')
      ?.meanSeconds ?? overall;
  let work = 0;
  for (const g of snapshot.groups) work += g.pending * (g.meanSeconds ?? overall);
  for (const r of snapshot.running) work += Math.max(0, meanOf(r.chaosType) - r.runningSeconds);
  return work / parallel;
}

export function bar(done: number, total: number, cells: number, symbols: boolean): string {
  const filled = total ? Math.round((done / total) * cells) : 0;
  const [full, empty] = symbols ? ['█', '░'] : ['#', '.'];
  return full.repeat(filled) + empty.repeat(cells - filled);
}

export function eta(snapshot: ProgressSnapshot): string {
  if (snapshot.groups.every((g) => g.pending + g.running === 0)) return 'done';
  const seconds = estimateRemainingSeconds(snapshot);
  if (seconds !== null) return `ETA ${formatDuration(seconds)}`;
  return snapshot.running.length ? 'ETA after the first item' : 'waiting for a worker';
}

/** The line printed once a minute when nothing can be redrawn (a pipe, an Actions log). */
export function renderProgressLine(view: ProgressView): string {
  const t = totalsOf(view.snapshot);
  const left = progressByChaosType(view.snapshot)
    .filter((x) => x.done < x.total)
    .map((x) => `${x.name} ${x.total - x.done}`);
  const stale = view.snapshot.running.filter((r) => r.runningSeconds >= view.staleAfterSeconds);
  return [
    `Campaign ${view.campaignId}: ${describeTotals(t)}`,
    eta(view.snapshot),
    ...(left.length ? [`left: ${left.join(', ')}`] : []),
    ...(stale.length ? [`${stale.length} probably orphaned (release-stale)`] : []),
  ].join(' · ');
}
