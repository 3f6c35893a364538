/**
 * Local, stateful GitHub REST emulator for tests. Every request is validated against GitHub's OpenAPI
 * description (`@octokit/openapi`); violations answer 4xx/501 and are recorded in `emulator.violations`.
 *
 *   const gh = useGitHubEmulator();               // vitest hooks
 *   const octokit = createGitHubClient({ token: gh.token, baseUrl: gh.url, ... });
 *   gh.inject({ method: 'POST', route: '/repos/{owner}/{repo}/issues', ...faults.serverError(502),
 *               applyBeforeResponding: true });   // the issue IS created, the client sees 502
 *   expect(gh.state.issues('octo-org', 'octo-repo')).toHaveLength(1);
 */
export { GitHubEmulator } from './server.js';
export { useGitHubEmulator } from './vitest.js';
export { faults } from './faults.js';
export { GITHUB_ACTIONS_BOT } from './state.js';
export { ACTIONS_CANNOT_CREATE_PRS } from './domain-pulls.js';
export { gitBlobSha, type DiffFile } from './git-store.js';
export type { IssueRecord } from './types.js';
