import { formatDuration, totalsOf, type ProgressSnapshot } from '../progress.js';
import { bar, eta, progressByChaosType, type ProgressView } from './progress-view.js';
import { painter, type TerminalStyle } from './style.js';
import { renderTable } from './table.js';

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
