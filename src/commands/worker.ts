import { mkdir, stat } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from '../logger.js';
import { InputError, parseId, shown } from '../core/inputs.js';
import { loadProjectConfig } from '../config/project-config.js';
import { openEvalDatabase, type EvalDatabase } from '../db/pool.js';
import { findRetryRunByCampaign } from '../db/retry-runs.js';
import { countWorkItems, getCampaignStatus } from '../db/work-queue.js';
import type { SuperviseResult } from '../process/worker-supervisor.js';
import type { CommandIO } from './command.js';
import { parseOperatorImage } from '../images/image-ref.js';
import { CONFIG_INPUT, readDatabaseUrl } from './common-inputs.js';
import { defineCommand } from './command.js';

export const DEFAULT_WORKER_COMMAND =
  'uv run eval worker start --cloud=gcp --id=c<CID>-<i> --campaign=<CID> --operator-image=<image>';

export interface WorkerInput {
  campaignId: number;
  workerIndex: number;
  template: string[];
  operatorImage: string | undefined;
  databaseUrl: string;
  configPath: string | undefined;
  /** Directory the worker's log is written to (worker-c<CID>-<i>.log). */
  logDir: string;
}

const DEFAULT_WORKER_LOG_DIR = 'worker-logs';

export const workerCommand = defineCommand<WorkerInput>({
  name: 'worker',
  description:
    'Run one harness worker for a campaign and stop it once the campaign has no pending and it holds no running item.',
  surfaces: ['action', 'cli'],
  outputs: {
    'worker-id': "The worker's id, c<CID>-<i>",
    'stop-reason': 'Why the worker stopped',
  },
  inputs: {
    'retry-campaign-id': {
      description: 'Campaign the worker claims items of',
      positional: 0,
      required: true,
    },
    'worker-index': {
      description: 'This worker’s number (matrix index), used in its id c<CID>-<i> (default 1)',
    },
    'worker-command': {
      description: `Worker command line, run without a shell; placeholders <CID>, <i>, <image> (default: ${DEFAULT_WORKER_COMMAND})`,
    },
    'operator-image': {
      description:
        'Operator image for trial VMs (default: the one the retry recorded for the campaign)',
    },
    'database-url': {
      description:
        'PostgreSQL URL of the eval database (default: EVAL_DATABASE_URL); given to the worker as EVAL_DATABASE_URL',
      secret: true,
      required: true,
    },
    config: CONFIG_INPUT,
    'log-dir': {
      description: `Directory the worker's output is kept in, as worker-c<CID>-<i>.log, for analyze --worker-logs and workflow artifacts (default ${DEFAULT_WORKER_LOG_DIR})`,
    },
  },
  parse(inputs, io) {
    const rawId = inputs.get('retry-campaign-id');
    if (rawId === undefined)
      throw new InputError('Missing retry-campaign-id: the campaign the worker runs');
    const databaseUrl = readDatabaseUrl(inputs, io);
    const image = inputs.get('operator-image');
    return {
      campaignId: parseId('retry-campaign-id', rawId),
      workerIndex: parseWorkerIndex(inputs.get('worker-index') ?? '1'),
      template: splitCommandLine(
        'worker-command',
        inputs.get('worker-command') ?? DEFAULT_WORKER_COMMAND,
      ),
      operatorImage: image === undefined ? undefined : parseOperatorImage('operator-image', image),
      databaseUrl,
      configPath: inputs.get('config'),
      logDir: resolve(io.cwd, inputs.get('log-dir') ?? DEFAULT_WORKER_LOG_DIR),
    };
  },
  async run(input, io) {
    const config = await loadProjectConfig(input.configPath, io.cwd);
    const cwd = resolve(io.cwd, config.retry.evalDirectory);
    if (!(await isDirectory(cwd))) {
      throw new InputError(
        `The harness directory '${config.retry.evalDirectory}' (config retry.eval_directory) does not exist in ${io.cwd}`,
      );
    }
    const db = await openEvalDatabase(input.databaseUrl, {
      log: (m) => io.logger.warning(m),
      signal: io.signal,
    });
    try {
      const total = await countWorkItems(db, input.campaignId);
      if (total === 0)
        throw new Error(`Campaign ${input.campaignId} has no work items in ${db.target}`);
      const image = await operatorImageFor(input, db);
      const workerId = workerIdOf(input.campaignId, input.workerIndex);
      const argv = fillTemplate(input.template, {
        CID: String(input.campaignId),
        i: String(input.workerIndex),
        image,
      });
      io.logger.info(`Worker ${workerId}: ${argv.join(' ')}`);
      const log = await openWorkerLog(input.logDir, workerId, io.logger);
      io.logger.info(`Worker log: ${log.path}`);
      const { superviseWorker } = await import('../process/worker-supervisor.js');
      const result = await superviseWorker({
        file: argv[0]!,
        args: argv.slice(1),
        cwd,
        env: { ...io.env, EVAL_DATABASE_URL: input.databaseUrl },
        logger: log.logger,
        mask: (text) => io.masker.mask(text),
        isDrained: () => isDrainedFor(db, input.campaignId, workerId),
        pollIntervalMs: config.retry.workerPollSeconds * 1000,
        graceMs: config.retry.workerGraceSeconds * 1000,
      });
      await log.close();
      return await report(io, db, input.campaignId, workerId, result);
    } finally {
      await db.close();
    }
  },
});

// ── pure: worker id and command line ───────────────────────────────────────────────────────────

export function workerIdOf(campaignId: number, index: number): string {
  return `c${campaignId}-${index}`;
}

function parseWorkerIndex(value: string): number {
  const v = value.trim();
  if (!/^(?:0|[1-9][0-9]{0,3})$/.test(v)) {
    throw new InputError(
      `Invalid worker-index: '${shown(value)}' — expected a whole number from 0 to 9999`,
    );
  }
  return Number(v);
}

const SHELL_OPERATORS = new Set(['&&', '||', '|', ';', '&', '>', '>>', '<', '2>&1']);

/**
 * Splits a command line into argv the way a POSIX shell splits words (whitespace, '…', "…", \),
 * without expanding anything. Shell operators are refused: the command runs without a shell.
 */
export function splitCommandLine(field: string, line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!))
        word += line[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote)
    throw new InputError(`Invalid ${field}: unterminated ${quote} quote in '${shown(line)}'`);
  if (inWord) words.push(word);
  if (words.length === 0) throw new InputError(`Invalid ${field}: empty command`);
  const operator = words.find((w) => SHELL_OPERATORS.has(w));
  if (operator) {
    throw new InputError(
      `Invalid ${field}: '${operator}' — the command runs without a shell; give one program and its arguments`,
    );
  }
  return words;
}

/**
 * Replaces <CID>, <i> and <image> inside each word (so a value never becomes more than one argument).
 * With no image, a word that needs one is an error: upstream treats an empty image as "no operator".
 */
export function fillTemplate(
  words: readonly string[],
  values: { CID: string; i: string; image: string },
): string[] {
  return words.map((word) => {
    if (word.includes('<image>') && values.image === '') {
      throw new InputError(
        "No operator image for the worker command's <image>: pass operator-image, or enqueue with retry (which records it)",
      );
    }
    return word.replace(
      /<CID>|<i>|<image>/g,
      (placeholder) => values[placeholder.slice(1, -1) as 'CID' | 'i' | 'image'],
    );
  });
}

// ── database ───────────────────────────────────────────────────────────────────────────────────

async function operatorImageFor(input: WorkerInput, db: EvalDatabase): Promise<string> {
  if (input.operatorImage) return input.operatorImage;
  try {
    return (await findRetryRunByCampaign(db, input.campaignId))?.operatorImage ?? '';
  } catch {
    return ''; // no product schema: the campaign was not enqueued by retry
  }
}

/** Drained for this worker: nothing pending in the campaign and nothing running under its id. */
async function isDrainedFor(
  db: EvalDatabase,
  campaignId: number,
  workerId: string,
): Promise<boolean> {
  const { rows } = await db.query({
    text: `SELECT COUNT(*) FILTER (WHERE status = 'pending')::integer AS pending,
                  COUNT(*) FILTER (WHERE status = 'running' AND worker_id = $2)::integer AS mine
           FROM work_queue WHERE campaign_id = $1`,
    values: [campaignId, workerId],
  });
  return rows[0]?.pending === 0 && rows[0]?.mine === 0;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function report(
  io: CommandIO,
  db: EvalDatabase,
  campaignId: number,
  workerId: string,
  result: SuperviseResult,
): Promise<number> {
  const status = await getCampaignStatus(db, campaignId).catch(() => undefined);
  const counts = status
    ? `pending ${status.pending}, running ${status.running}, completed ${status.completed}, failed ${status.failed}`
    : 'status unavailable';
  const { describeEnd } = await import('../process/worker-supervisor.js');
  const end = describeEnd(result);
  io.setOutput('worker-id', workerId);
  io.setOutput('stop-reason', result.reason);
  if (result.reason === 'drained') {
    if (result.killed)
      io.logger.warning(`Worker ${workerId} ignored SIGTERM and was killed (${end}).`);
    io.print(
      `Worker ${workerId} stopped: campaign ${campaignId} is drained (${counts}); worker ended with ${end}.`,
    );
    return 0;
  }
  const tail = result.tail.length
    ? `\n--- last ${result.tail.length} lines ---\n${result.tail.join('\n')}`
    : '';
  if (result.reason === 'signal') {
    io.logger.error(
      `Worker ${workerId} stopped because we received ${result.receivedSignal} (${end}); campaign ${campaignId}: ${counts}.`,
    );
    return 1;
  }
  io.logger.error(
    `Worker ${workerId} exited on its own with ${end} before campaign ${campaignId} was drained (${counts}).${tail}`,
  );
  return 1;
}

/**
 * The supervised worker's output (already masked by the supervisor), kept in a file as well as
 * logged: `analyze --worker-logs` reads it, workflows upload it as an artifact.
 */
async function openWorkerLog(
  dir: string,
  workerId: string,
  logger: Logger,
): Promise<{ path: string; logger: Logger; close: () => Promise<void> }> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `worker-${workerId}.log`);
  const stream = createWriteStream(path, { flags: 'a' });
  let failed = false;
  stream.on('error', (error) => {
    if (!failed) logger.warning(`Worker log ${path} not written: ${error.message}`);
    failed = true;
  });
  const write = (message: string) => {
    if (!failed) stream.write(`${message}\n`);
  };
  return {
    path,
    logger: {
      ...logger,
      info: (m) => (write(m), logger.info(m)),
      warning: (m) => (write(m), logger.warning(m)),
      error: (m) => (write(m), logger.error(m)),
    },
    close: () => new Promise<void>((done) => stream.end(() => done())),
  };
}
