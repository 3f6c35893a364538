/**
 * Issue 9 item 3 in the action's path: a campaign whose chaos type the built-in list does not know
 * (a fault upstream added later) still gets its diagnosis issue and job summary; only the retry of
 * that combination is withheld, with the reason. (The CLI path: cli/analyze-cli.test.ts.)
 */
import { expect, test } from 'vitest';
import { openEvalDatabase } from '../../../src/db/pool.js';
import { createEmptyDatabase } from '../../support/databases.js';
import { useGitHubEmulator } from '../../support/github-emulator/index.js';
import { seedDemoCampaign } from '../../support/seed-campaign.js';
import { githubEnv, OWNER, REPO, runReport } from './report-support.js';

const gh = useGitHubEmulator({ getUserWithInstallationToken: 'forbidden' });

test('analyze with output issue: the issue and the summary are written, the unknown type named as withheld', async () => {
  const url = await createEmptyDatabase('unknowntypes');
  const campaignId = await seedDemoCampaign(url);
  const db = await openEvalDatabase(url, { log: () => undefined });
  try {
    await db.query({
      text: `UPDATE work_queue SET chaos_type = 'quantum_flux'
             WHERE campaign_id = $1 AND chaos_type = 'network_partition'`,
      values: [campaignId],
    });
  } finally {
    await db.close();
  }
  const run = await runReport(
    'analyze',
    {
      'campaign-id': String(campaignId),
      'database-url': url,
      'github-token': gh.token,
      output: 'issue',
    },
    githubEnv(gh),
  );
  expect(run.error, run.log).toBeUndefined();
  expect(run.code).toBe(0);
  const issue = gh.state.issue(OWNER, REPO, Number(run.outputs['issue-number']))!;
  expect(issue.body).toContain('quantum_flux');
  expect(issue.body).toMatch(
    /Withheld from the retry: quantum_flux \{\} — "quantum_flux" is not a chaos type/,
  );
  expect(issue.body).toMatch(/^chaos_types:$/m);
  expect(run.summary).toContain('Withheld from the retry campaign');
  expect(run.summary).toContain('`quantum_flux`');
  expect(JSON.parse(run.outputs['failing-chaos-types']!)).toContainEqual(
    expect.objectContaining({ chaos_type: 'quantum_flux' }),
  );
});
