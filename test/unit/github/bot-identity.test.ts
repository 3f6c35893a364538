import { describe, expect, test } from 'vitest';
import { createGitHubClient } from '../../../src/github/client.js';
import { resolveBotIdentity } from '../../../src/github/diagnosis-issue.js';
import { memoryLogger } from '../../../src/logger.js';
import { useGitHubEmulator } from '../../support/github-emulator/index.js';

describe('resolveBotIdentity', () => {
  const gh = useGitHubEmulator({ getUserWithInstallationToken: 'forbidden' });
  const client = () =>
    createGitHubClient({
      token: gh.token,
      baseUrl: gh.url,
      logger: memoryLogger(),
      pacing: { writeMinTimeMs: 0, notificationMinTimeMs: 0, searchMinTimeMs: 0 },
    });

  test('GITHUB_TOKEN cannot read GET /user: github-actions[bot] is assumed', async () => {
    expect(await resolveBotIdentity(client())).toEqual({
      login: 'github-actions[bot]',
      confirmed: false,
    });
  });

  test('a GitHub App token names its bot through ITERATE_CAMPAIGN_BOT_LOGIN, without asking GitHub', async () => {
    expect(await resolveBotIdentity(client(), 'my-eval-app[bot]')).toEqual({
      login: 'my-eval-app[bot]',
      confirmed: true,
    });
    expect(gh.requestsTo('GET', '/user')).toHaveLength(0);
  });

  test('a malformed configured login is rejected naming the variable', async () => {
    await expect(resolveBotIdentity(client(), 'not a login!')).rejects.toThrow(
      /Invalid ITERATE_CAMPAIGN_BOT_LOGIN: 'not a login!'/,
    );
  });
});
