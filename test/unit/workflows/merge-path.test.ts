/** The merge path's job graph: tests before images (seed step 4 before step 5). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Job {
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  steps?: { uses?: string; with?: Record<string, string> }[];
}

const workflow = parse(readFileSync('.github/workflows/campaign-retry.yml', 'utf8')) as {
  jobs: Record<string, Job>;
};
const { jobs } = workflow;
const needs = (job: Job) => [job.needs ?? []].flat();

describe('campaign-retry.yml (merge path)', () => {
  it("runs the plan's test commands in a job that build and retry need", () => {
    expect(needs(jobs.test!)).toEqual(['plan']);
    const verify = jobs.test!.steps!.find((s) => s.uses === './.iterate-campaign/verify');
    expect(verify?.with).toMatchObject({
      'test-commands': '${{ needs.plan.outputs.test-commands }}',
      'pr-number': '${{ needs.plan.outputs.pr-number }}',
    });
    expect(jobs.test!.permissions).toMatchObject({ 'pull-requests': 'write' });
    expect(needs(jobs.build!)).toContain('test');
    expect(needs(jobs.retry!)).toContain('test');
  });

  it('a failed test job stops build and retry; a skipped one (no test commands) does not', () => {
    expect(jobs.build!.if).toContain(
      "needs.test.result == 'success' || needs.test.result == 'skipped'",
    );
    expect(jobs.retry!.if).toContain("needs.test.result != 'failure'");
  });
});
