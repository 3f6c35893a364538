/** The one way a command opens GitHub: the job deadline, our user agent, and a seam for tests. */
import {
  createGitHubClient,
  type ClientLogger,
  type GitHubClient,
  type GitHubClientOptions,
} from './client.js';
import { proxiedFetch } from '../net/proxy.js';
import type { BotIdentity } from './diagnosis-issue.js';
import type { RepoRef } from './pull-requests.js';
import type { StickyCommentTarget } from './sticky-comment.js';
import { readRepoContext, type RepoContext } from './repo-context.js';

/** GitHub-hosted jobs stop after 6 h: never sleep on a rate limit past that. */
const JOB_LIMIT_MS = 6 * 3600_000;
const USER_AGENT = 'iterate-campaign';

export type CreateGitHubClient = (options: GitHubClientOptions) => GitHubClient;

export interface GitHubSessionOptions {
  token: string;
  env: NodeJS.ProcessEnv;
  /** What needs GitHub, for the error when the repository is unknown. */
  purpose: string;
  logger: ClientLogger;
  /** Already read (and validated) repository context; read from env otherwise. */
  context?: RepoContext;
  /** Injection seam: tests swap in a client without pacing. */
  createClient?: CreateGitHubClient;
  now?: () => Date;
}

export interface GitHubSession {
  client: GitHubClient;
  context: RepoContext;
}

export function openGitHubSession(options: GitHubSessionOptions): GitHubSession {
  const context = options.context ?? readRepoContext(options.env, options.purpose);
  const now = options.now?.() ?? new Date();
  const client = (options.createClient ?? createGitHubClient)({
    token: options.token,
    baseUrl: context.apiUrl,
    userAgent: USER_AGENT,
    logger: options.logger,
    deadline: new Date(now.getTime() + JOB_LIMIT_MS),
    // HTTPS_PROXY / NO_PROXY, as the Actions toolkit honours them.
    fetch: proxiedFetch(options.env),
  });
  return { client, context };
}

/** The session as the pull-request helpers take it. */
export function repoRefOf(
  session: GitHubSession,
  logger: RepoRef['logger'],
  botLogin: string | undefined,
): RepoRef {
  return {
    client: session.client,
    owner: session.context.owner,
    repo: session.context.repo,
    logger,
    botLogin,
  };
}

/** The session as the bot's writers take it (the sticky comment; add labels for the issue). */
export function botTargetOf(
  session: GitHubSession,
  identity: BotIdentity,
  logger: ClientLogger,
): StickyCommentTarget {
  return {
    client: session.client,
    owner: session.context.owner,
    repo: session.context.repo,
    identity,
    logger,
  };
}
