/**
 * `npm run demo` as a person sees it: the CLI runs in a pseudo-terminal (util-linux `script`), so
 * stdout and stderr are TTYs. The progress bar must redraw in place (cursor up, clear down) and
 * nothing on screen may be Markdown or HTML.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
// eslint-disable-next-line no-control-regex
const CURSOR_UP_AND_CLEAR = /\r\x1b\[\d+A\x1b\[0J/g;

function runInTerminal(command: string, env: Record<string, string> = {}) {
  const child = spawnSync(
    'script',
    ['-q', '-e', '-c', `stty cols 100 rows 40; ${command}`, '/dev/null'],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 240_000,
      env: { ...process.env, TERM: 'xterm-256color', NO_COLOR: '', ...env },
    },
  );
  return { status: child.status, screen: child.stdout ?? '', error: child.error };
}

/** The text on screen: colour codes and cursor moves removed. */
function withoutColour(screen: string): string {
  // eslint-disable-next-line no-control-regex
  return screen.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
}

let outputDir: string;
let run: ReturnType<typeof runInTerminal>;

beforeAll(() => {
  const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
  });
  expect(build.status, build.stdout + build.stderr).toBe(0);
  outputDir = mkdtempSync(join(tmpdir(), 'demo-tty-'));
  run = runInTerminal(`node lib/cli.js demo --output-dir ${outputDir}`);
  return () => rmSync(outputDir, { recursive: true, force: true });
}, 420_000);

describe('the demo in a terminal', () => {
  test('exits 0', () => {
    expect(run.error).toBeUndefined();
    expect(run.status, run.screen.slice(-2000)).toBe(0);
  });

  test('redraws the progress bar in place, for the campaign and for the retry', () => {
    const redraws = run.screen.match(CURSOR_UP_AND_CLEAR) ?? [];
    expect(redraws.length).toBeGreaterThanOrEqual(4);
    const shown = withoutColour(run.screen);
    expect(shown).toMatch(/Campaign 3 \(live\) +█{20} 28\/28 \(100%\) +done/);
    expect(shown).toMatch(/Campaign 4 \(live\) +█{20} 21\/21 \(100%\) +done/);
    // The retry's block was drawn more than once, each time over the previous one.
    const drawn = shown.match(/Campaign 4 \(live\)/g) ?? [];
    expect(drawn.length).toBeGreaterThan(1);
    expect(shown).toMatch(/Campaign 4 \(live\) +█*░+ \d+\/21/);
    // The workers show progress, not a line per claimed item.
    expect(run.screen).not.toMatch(/claimed #\d+/);
  });

  test('shows the campaign, the diagnosis and the verdict in colour, with no Markdown or HTML', () => {
    expect(run.screen).toContain('\x1b[32m');
    const shown = withoutColour(run.screen);
    expect(shown).toMatch(
      /✗ Campaign 3 · tikv-all-chaos-cloud: 51\.9% vs target 90\.0%, target missed/,
    );
    expect(shown).toMatch(/1\. all-failed-no-ticket — network_partition/);
    expect(shown).toMatch(/Retry campaign 4 vs campaign 3: .* target 90\.0% missed/);
    expect(shown).toMatch(/network_partition +0\/3 0\.0% +9\/9 100\.0% +0\.005 +✓ fixed/);
    for (const markup of ['<!--', '<details>', '<summary>', '|---|', '**', '```', '### ']) {
      expect(shown).not.toContain(markup);
    }
  });

  test('the files it writes stay Markdown', () => {
    expect(readFileSync(join(outputDir, 'diagnosis.md'), 'utf8')).toContain('|---|');
    expect(readFileSync(join(outputDir, 'pr-comment.md'), 'utf8')).toMatch(
      /^<!-- iterate-campaign:retry-report/,
    );
  });

  test('--verbose keeps a line per claimed item, piped output has no escape codes', () => {
    const piped = spawnSync(
      'node',
      ['lib/cli.js', 'demo', '--verbose', '--output-dir', outputDir],
      {
        cwd: root,
        encoding: 'utf8',
        timeout: 240_000,
      },
    );
    expect(piped.status).toBe(0);
    expect(piped.stderr).toMatch(/claimed #\d+ node_kill/);
    expect(piped.stdout + piped.stderr).not.toContain('\x1b');
    expect(piped.stdout).toMatch(/^FAIL Campaign 3 /m);
  }, 240_000);
});
