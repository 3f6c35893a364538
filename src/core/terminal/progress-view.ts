import { describeTotals, formatDuration, totalsOf, type ProgressSnapshot } from '../progress.js';
import { painter, type TerminalStyle } from './style.js';
import { renderTable } from './table.js';

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

function bar(done: number, total: number, cells: number, symbols: boolean): string {
  const filled = total ? Math.round((done / total) * cells) : 0;
  const [full, empty] = symbols ? ['█', '░'] : ['#', '.'];
  return full.repeat(filled) + empty.repeat(cells - filled);
}

function eta(snapshot: ProgressSnapshot): string {
  const seconds = estimateRemainingSeconds(snapshot);
  if (seconds !== null) return `ETA ${formatDuration(seconds)}`;
  return snapshot.running.length ? 'ETA after the first item' : 'waiting for a worker';
}

/**
 * The block a TTY redraws in place: a bar with done/total and ETA, the counts, a row per chaos
 * type, and the items whose worker is probably gone. At most `maxLines` lines.
 */
export function renderProgressBlock(
  view: ProgressView,
  style: TerminalStyle,
  maxLines = 20,
): string[] {
  const p = painter(style);
  const t = totalsOf(view.snapshot);
  const done = t.completed + t.failed;
  const percent = t.total ? Math.floor((done / t.total) * 100) : 0;
  const head = `${p.bold(`Campaign ${view.campaignId}`)} ${p.dim(`(${view.mode})`)}  ${p.tone('info', bar(done, t.total, 20, style.symbols))} ${done}/${t.total} (${percent}%)  ${eta(view.snapshot)}`;
  const counts = `  ${p.tone('good', `${t.completed} completed`)} · ${p.tone(t.failed ? 'bad' : 'muted', `${t.failed} failed`)} · ${p.tone('info', `${t.running} running`)} · ${t.pending} pending`;
  const stale = view.snapshot.running.filter((r) => r.runningSeconds >= view.staleAfterSeconds);
  const staleLines = stale
    .slice(0, 3)
    .map(
      (r) =>
        `  ${p.mark('warn')} ${p.tone('warn', `item ${r.workId} (${r.chaosType}) on ${r.workerId ?? 'an unknown worker'} for ${formatDuration(r.runningSeconds)}: probably orphaned`)}`,
    );
  if (stale.length > 3) staleLines.push(`  ${p.dim(`…and ${stale.length - 3} more stale items`)}`);
  if (stale.length)
    staleLines.push(`  ${p.dim('uv run eval worker release-stale --remote requeues them')}`);
  const room = Math.max(1, maxLines - 2 - staleLines.length);
  return [head, counts, ...typeRows(view.snapshot, style, room), ...staleLines];
}

function typeRows(snapshot: ProgressSnapshot, style: TerminalStyle, room: number): string[] {
  const p = painter(style);
  const types = progressByChaosType(snapshot);
  // Unfinished types first when they do not all fit.
  const ordered =
    types.length <= room
      ? types
      : [...types].sort((a, b) => Number(a.done === a.total) - Number(b.done === b.total));
  const shown = ordered.slice(0, types.length <= room ? room : room - 1);
  const rows = shown.map((t) => [
    t.name,
    p.tone(t.done === t.total ? 'good' : 'info', bar(t.done, t.total, 10, style.symbols)),
    `${t.done}/${t.total}`,
    [
      t.running ? p.tone('info', `${t.running} running`) : '',
      t.failed ? p.tone('bad', `${t.failed} failed`) : '',
      t.done === t.total ? p.mark('good') : '',
    ]
      .filter(Boolean)
      .join(' '),
  ]);
  const table = renderTable(
    [
      { header: 'Chaos type', flex: true },
      { header: '' },
      { header: '', align: 'right' },
      { header: '' },
    ],
    rows,
    style,
    { header: false },
  ).split('\n');
  const hidden = types.length - shown.length;
  return hidden > 0 ? [...table, `  ${p.dim(`…and ${hidden} more chaos types, all done`)}`] : table;
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
