/**
 * The edge of worker log excerpts: reads every `*.log` under a directory (downloaded artifacts land
 * in one folder per worker) and attaches the lines of each failed trial's work item.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { TrialDetail } from '../core/analysis.js';
import { excerptsByWorkItem } from '../core/worker-log.js';
import type { Logger } from '../logger.js';

/** A log bigger than this is read from its end only: the excerpt of a recent item is there. */
const MAX_LOG_BYTES = 32 * 1024 * 1024;
const MAX_FILES = 500;

async function attachWorkerLogs(
  details: readonly TrialDetail[],
  dir: string,
): Promise<{ files: number; attached: number }> {
  const wanted = new Map<number, TrialDetail>();
  for (const d of details) if (d.evidence && d.work_id !== null) wanted.set(d.work_id, d);
  const files = await logFiles(dir);
  if (wanted.size === 0) return { files: files.length, attached: 0 };
  const ids = new Set(wanted.keys());
  let attached = 0;
  for (const file of files) {
    const excerpts = excerptsByWorkItem(await readTail(file), ids);
    for (const [id, lines] of excerpts) {
      const detail = wanted.get(id);
      if (detail && !detail.log_excerpt) {
        detail.log_excerpt = lines;
        attached++;
      }
    }
  }
  return { files: files.length, attached };
}

/**
 * attachWorkerLogs for a command: one log line with what was found; an unreadable directory is a
 * warning, never a failure (the analysis stands without excerpts).
 */
export async function attachWorkerLogExcerpts(
  details: readonly TrialDetail[],
  dir: string,
  logger: Pick<Logger, 'info' | 'warning'>,
): Promise<void> {
  try {
    const { files, attached } = await attachWorkerLogs(details, dir);
    logger.info(
      `Worker logs: ${files} file(s) in ${dir}; excerpts for ${attached} failed trial(s).`,
    );
  } catch (error) {
    // A workflow downloads whatever artifacts exist: none (workers ran elsewhere) is no fault.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      logger.info(`Worker logs: ${dir} does not exist; no excerpts.`);
    else logger.warning(`Worker logs not read from ${dir}: ${(error as Error).message}`);
  }
}

async function logFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.log'))
    .map((e) => join(e.parentPath, e.name))
    .sort()
    .slice(0, MAX_FILES);
}

async function readTail(file: string): Promise<string> {
  const size = (await stat(file)).size;
  if (size <= MAX_LOG_BYTES) return readFile(file, 'utf8');
  const { open } = await import('node:fs/promises');
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(MAX_LOG_BYTES);
    await handle.read(buffer, 0, MAX_LOG_BYTES, size - MAX_LOG_BYTES);
    return buffer.toString('utf8');
  } finally {
    await handle.close();
  }
}
