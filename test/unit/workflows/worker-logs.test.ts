/**
 * Worker logs through the workflows: every supervised worker keeps its log in a folder and uploads
 * it as one artifact per matrix shard, whatever the job's result; the job that reports a retry (and
 * the analyze workflow, when asked) downloads them into one folder and passes it to the action.
 */
import { readFileSync } from 'node:fs';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  name?: string;
  uses?: string;
  if?: string;
  with?: Record<string, string | boolean>;
}
interface Job {
  steps?: Step[];
}
interface Workflow {
  on: { workflow_call: { inputs: Record<string, { default?: string }> } };
  jobs: Record<string, Job>;
}

const UPLOAD = 'actions/upload-artifact@b7c566a772e6b6bfb58ed0dc250532a479d7789f';
const DOWNLOAD = 'actions/download-artifact@018cc2cf5baa6db3ef3c5f8a56943fffe632ef53';
const WORKER = './.iterate-campaign/worker';

const read = (name: string) => parse(readFileSync(`.github/workflows/${name}`, 'utf8')) as Workflow;
const WORKFLOWS = ['campaign-retry.yml', 'campaign-report.yml', 'campaign-reconcile.yml'];

/** `${{ a }}` → values[a]: what the runner would make of a name for one shard. */
function evaluate(template: string, values: Record<string, string>): string {
  return template.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
    const value = values[expression];
    if (value === undefined) throw new Error(`no value for ${expression} in ${template}`);
    return value;
  });
}

const workerJobs = WORKFLOWS.flatMap((file) =>
  Object.entries(read(file).jobs)
    .filter(([, job]) => job.steps?.some((s) => s.uses === WORKER))
    .map(([id, job]) => [`${file} ${id}`, job] as const),
);

describe('worker jobs upload their logs', () => {
  it('every workflow that runs workers has them', () => {
    expect(workerJobs.map(([where]) => where)).toEqual([
      'campaign-retry.yml workers',
      'campaign-report.yml validation-workers',
      'campaign-reconcile.yml validation-workers',
    ]);
  });

  it.each(workerJobs)(
    '%s: the worker writes into log-dir, uploaded after it even on failure, one name per shard',
    (_, job) => {
      const steps = job.steps!;
      const workerAt = steps.findIndex((s) => s.uses === WORKER);
      const worker = steps[workerAt]!;
      const uploadAt = steps.findIndex((s) => s.uses === UPLOAD);
      expect(uploadAt).toBeGreaterThan(workerAt);
      const upload = steps[uploadAt]!;
      expect(upload.if).toBe('always()');
      expect(upload.with?.path).toBe(worker.with?.['log-dir']);
      expect(worker.with?.['log-dir']).toBe('${{ runner.temp }}/worker-logs');
      // Unique per shard: the name holds exactly the campaign and the index the worker runs.
      const name = String(upload.with?.name);
      expect(name).toBe(
        `worker-logs-c${String(worker.with?.['retry-campaign-id'])}-${String(worker.with?.['worker-index'])}`,
      );
      expect(upload.with?.overwrite).toBe(true);
    },
  );
});

describe('the report path reads them', () => {
  const report = read('campaign-report.yml').jobs.report!.steps!;
  const retry = read('campaign-retry.yml').jobs.workers!.steps!;

  it('downloads the retry workers’ artifacts into one folder before compare, and passes it', () => {
    const downloadAt = report.findIndex((s) => s.uses === DOWNLOAD);
    const compareAt = report.findIndex((s) => s.uses === './.iterate-campaign/compare');
    expect(downloadAt).toBeGreaterThanOrEqual(0);
    expect(downloadAt).toBeLessThan(compareAt);
    const download = report[downloadAt]!;
    expect(download.with).toMatchObject({ 'merge-multiple': true });
    expect(report[compareAt]!.with?.['worker-logs']).toBe(download.with?.path);
  });

  it("the pattern matches the retry workers' artifact names for that retry only", () => {
    const pattern = String(report.find((s) => s.uses === DOWNLOAD)!.with?.pattern);
    const uploadName = String(retry.find((s) => s.uses === UPLOAD)!.with?.name);
    // on-merge.yml passes campaign-retry.yml's retry-campaign-id to campaign-report.yml.
    const onMerge = parse(readFileSync('.github/workflows/on-merge.yml', 'utf8')) as {
      jobs: { report: { with: Record<string, string> } };
    };
    expect(onMerge.jobs.report.with['retry-campaign-id']).toBe(
      '${{ needs.retry.outputs.retry-campaign-id }}',
    );
    const matches = picomatch(evaluate(pattern, { 'inputs.retry-campaign-id': '42' }));
    const shard = (campaign: string, index: string) =>
      evaluate(uploadName, {
        'needs.retry.outputs.retry-campaign-id': campaign,
        'matrix.index': index,
      });
    expect(matches(shard('42', '0'))).toBe(true);
    expect(matches(shard('42', '2'))).toBe(true);
    expect(matches(shard('420', '1'))).toBe(false);
    expect(matches(shard('4', '21'))).toBe(false);
  });
});

describe('campaign-analyze.yml reads them when asked', () => {
  const workflow = read('campaign-analyze.yml');

  it('downloads the given artifacts and passes the folder to analyze in both jobs', () => {
    expect(workflow.on.workflow_call.inputs['worker-logs-artifacts']?.default).toBe('');
    for (const id of ['analyze', 'analyze-pr']) {
      const steps = workflow.jobs[id]!.steps!;
      const download = steps.find((s) => s.uses === DOWNLOAD)!;
      expect(download.if).toBe("inputs.worker-logs-artifacts != ''");
      expect(download.with).toMatchObject({
        pattern: '${{ inputs.worker-logs-artifacts }}',
        'merge-multiple': true,
        path: '${{ runner.temp }}/worker-logs',
      });
      const analyze = steps.find((s) => s.uses === './.iterate-campaign/analyze')!;
      expect(analyze.with?.['worker-logs']).toBe(
        "${{ inputs.worker-logs-artifacts != '' && format('{0}/worker-logs', runner.temp) || '' }}",
      );
    }
  });
});
