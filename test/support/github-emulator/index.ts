/**
 * Local, stateful GitHub REST emulator for tests. Every request is validated against GitHub's OpenAPI
 * description (`@octokit/openapi`); violations answer 4xx/501 and are recorded in `emulator.violations`.
 *
 *   const gh = useGitHubEmulator();               // vitest hooks; or: await startGitHubEmulator()
 *   const octokit = createGitHubClient({ token: gh.token, baseUrl: gh.url, ... });
 *   gh.inject({ method: 'POST', route: '/repos/{owner}/{repo}/issues', ...faults.serverError(502),
 *               applyBeforeResponding: true });   // the issue IS created, the client sees 502
 *   expect(gh.state.issues('octo-org', 'octo-repo')).toHaveLength(1);
 */
export {
  GitHubEmulator,
  startGitHubEmulator,
  type GitHubEmulatorOptions,
  type RateLimitState,
  type RecordedRequest,
  type Violation,
  type ViolationKind,
} from './server.js';
export { useGitHubEmulator, type UseGitHubEmulatorOptions } from './vitest.js';
export {
  faults,
  type FaultResponse,
  type FaultSpec,
  type FaultRequest,
  type InjectedFault,
} from './faults.js';
export {
  DEFAULT_LIMITS,
  EmulatorState,
  GITHUB_ACTIONS_BOT,
  type AddRepoInput,
  type EmulatorLimits,
  type SeedIssueInput,
} from './state.js';
export { ACTIONS_CANNOT_CREATE_PRS } from './domain-pulls.js';
export { gitBlobSha, type DiffFile } from './git-store.js';
export type {
  CommentRecord,
  EmulatorUser,
  IssueRecord,
  LabelRecord,
  PullRecord,
  RepoRecord,
  RepoSettings,
  TokenInfo,
} from './types.js';
