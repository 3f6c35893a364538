/**
 * The emulator's mutable world: users, tokens, repositories (issues, comments, labels, pulls, git).
 * Tests read and seed it directly (`emulator.state`); routes mutate it through the domain modules.
 */
import { randomBytes } from 'node:crypto';
import { GITHUB_ACTIONS_BOT } from './constants.js';
import { GitStore, type DiffFile } from './git-store.js';
import { timestamp } from './http-utils.js';
import * as issues from './domain-issues.js';
import * as git from './domain-git.js';
import * as pulls from './domain-pulls.js';
import type {
  CommentRecord,
  EmulatorUser,
  IssueRecord,
  LabelRecord,
  PullRecord,
  RepoRecord,
  RepoSettings,
  TokenInfo,
  UserType,
} from './types.js';

export { GITHUB_ACTIONS_BOT };

export interface EmulatorLimits {
  /** Issue/comment/PR body limit in code points (GitHub: "maximum is 65536 characters"). */
  bodyMaxChars: number;
  /** Also enforced: UTF-8 bytes (community-measured 262,144). */
  bodyMaxBytes: number;
  titleMaxChars: number;
  /** Files returned by `GET /pulls/{n}/files` (GitHub: 3,000). */
  pullFilesMax: number;
  /** Files returned by compare (GitHub: 300). */
  compareFilesMax: number;
}

export const DEFAULT_LIMITS: EmulatorLimits = {
  bodyMaxChars: 65_536,
  bodyMaxBytes: 262_144,
  titleMaxChars: 256,
  pullFilesMax: 3_000,
  compareFilesMax: 300,
};

export interface AddRepoInput {
  owner: string;
  name: string;
  defaultBranch?: string;
  private?: boolean;
  canActionsCreatePullRequests?: boolean;
  /** Initial files on the default branch (default: a README.md). */
  files?: Record<string, string>;
}

export interface SeedIssueInput {
  title: string;
  body?: string | null;
  labels?: string[];
  state?: 'open' | 'closed';
  /** Author login (default: github-actions[bot]). */
  user?: string;
}

export class EmulatorState {
  readonly users = new Map<string, EmulatorUser>();
  readonly tokens = new Map<string, TokenInfo>();
  readonly repos = new Map<string, RepoRecord>();
  private lastId = 1_000_000;

  constructor(
    readonly clock: () => Date = () => new Date(),
    readonly limits: EmulatorLimits = DEFAULT_LIMITS,
  ) {
    this.users.set(GITHUB_ACTIONS_BOT.login.toLowerCase(), { ...GITHUB_ACTIONS_BOT });
  }

  now(): string {
    return timestamp(this.clock());
  }

  nextId(): number {
    this.lastId += 1 + (this.lastId % 7);
    return this.lastId;
  }

  // ── users & tokens ───────────────────────────────────────────────────────────────────────────

  addUser(input: { login: string; id?: number; type?: UserType }): EmulatorUser {
    const id = input.id ?? this.nextId();
    const type = input.type ?? 'User';
    const prefix = type === 'Bot' ? 'BOT' : type === 'Organization' ? 'O' : 'U';
    const user = { login: input.login, id, type, nodeId: `${prefix}_kgDO${toNodeSuffix(id)}` };
    this.users.set(input.login.toLowerCase(), user);
    return user;
  }

  user(login: string): EmulatorUser | undefined {
    return this.users.get(login.toLowerCase());
  }

  ensureUser(login: string): EmulatorUser {
    return this.user(login) ?? this.addUser({ login });
  }

  /** Registers a token acting as `login` (created as a User if unknown); returns the token string. */
  addToken(
    login: string,
    options: Partial<Omit<TokenInfo, 'login'>> & { token?: string } = {},
  ): string {
    const user = this.ensureUser(login);
    const installation = options.installation ?? user.type === 'Bot';
    const token =
      options.token ?? `${installation ? 'ghs' : 'ghp'}_${randomBytes(18).toString('hex')}`;
    this.tokens.set(token, {
      login: user.login,
      readOnly: options.readOnly ?? false,
      installation,
    });
    return token;
  }

  // ── repositories ─────────────────────────────────────────────────────────────────────────────

  addRepo(input: AddRepoInput): RepoRecord {
    const owner =
      this.user(input.owner) ?? this.addUser({ login: input.owner, type: 'Organization' });
    const id = this.nextId();
    const settings: RepoSettings = {
      canActionsCreatePullRequests: input.canActionsCreatePullRequests ?? true,
      hasIssues: true,
    };
    const repo: RepoRecord = {
      id,
      nodeId: `R_kgDO${toNodeSuffix(id)}`,
      owner,
      name: input.name,
      private: input.private ?? false,
      defaultBranch: input.defaultBranch ?? 'main',
      createdAt: this.now(),
      settings,
      git: new GitStore(),
      issues: new Map(),
      comments: new Map(),
      labels: new Map(),
      pulls: new Map(),
      nextNumber: 1,
    };
    this.repos.set(repoKey(input.owner, input.name), repo);
    const files = input.files ?? { 'README.md': `# ${input.name}\n` };
    git.commitFiles(this, repo, { branch: repo.defaultBranch, files, message: 'Initial commit' });
    return repo;
  }

  findRepo(owner: string, name: string): RepoRecord | undefined {
    return this.repos.get(repoKey(owner, name));
  }

  repo(owner: string, name: string): RepoRecord {
    const repo = this.findRepo(owner, name);
    if (!repo) throw new Error(`github-emulator: unknown repository ${owner}/${name}`);
    return repo;
  }

  setRepoSettings(owner: string, name: string, settings: Partial<RepoSettings>): void {
    Object.assign(this.repo(owner, name).settings, settings);
  }

  // ── read helpers for assertions ──────────────────────────────────────────────────────────────

  /** Issues sorted by number; pull requests excluded unless asked for. Deleted issues included. */
  issues(owner: string, name: string, options: { includePulls?: boolean } = {}): IssueRecord[] {
    const all = [...this.repo(owner, name).issues.values()];
    return all.filter((i) => options.includePulls || !i.isPull).sort((a, b) => a.number - b.number);
  }

  issue(owner: string, name: string, issueNumber: number): IssueRecord | undefined {
    return this.repo(owner, name).issues.get(issueNumber);
  }

  /** Comments sorted by id, optionally for one issue/PR. */
  comments(owner: string, name: string, issueNumber?: number): CommentRecord[] {
    const all = [...this.repo(owner, name).comments.values()];
    return all.filter((c) => issueNumber === undefined || c.issueNumber === issueNumber);
  }

  labels(owner: string, name: string): LabelRecord[] {
    return [...this.repo(owner, name).labels.values()];
  }

  pulls(owner: string, name: string): PullRecord[] {
    return [...this.repo(owner, name).pulls.values()].sort((a, b) => a.number - b.number);
  }

  pull(owner: string, name: string, pullNumber: number): PullRecord | undefined {
    return this.repo(owner, name).pulls.get(pullNumber);
  }

  branchSha(owner: string, name: string, branch: string): string | undefined {
    return this.repo(owner, name).git.refs.get(`refs/heads/${branch}`);
  }

  /** File content at a branch/tag/SHA, or undefined. */
  readFile(owner: string, name: string, ref: string, path: string): string | undefined {
    return git.readFile(this.repo(owner, name), ref, path)?.toString('utf8');
  }

  // ── seeding (bypasses HTTP, permissions and the Actions PR switch) ───────────────────────────

  createIssue(owner: string, name: string, input: SeedIssueInput): IssueRecord {
    const repo = this.repo(owner, name);
    const actor = this.ensureUser(input.user ?? GITHUB_ACTIONS_BOT.login);
    const issue = issues.createIssue(this, repo, actor, input);
    if (input.state === 'closed') issues.updateIssue(this, repo, issue, actor, { state: 'closed' });
    return issue;
  }

  createComment(
    owner: string,
    name: string,
    issueNumber: number,
    input: { body: string; user?: string },
  ) {
    const repo = this.repo(owner, name);
    const issue = issues.requireIssue(repo, issueNumber);
    const actor = this.ensureUser(input.user ?? GITHUB_ACTIONS_BOT.login);
    return issues.createComment(this, repo, issue, actor, input.body);
  }

  /** Marks an issue deleted: reads then answer 410 Gone. */
  deleteIssue(owner: string, name: string, issueNumber: number): void {
    issues.requireIssue(this.repo(owner, name), issueNumber).deleted = true;
  }

  /** Commits files (null deletes) onto a branch, creating it from `from` (default branch) if needed. */
  commitFiles(
    owner: string,
    name: string,
    input: {
      branch: string;
      files: Record<string, string | null>;
      message?: string;
      from?: string;
    },
  ): string {
    return git.commitFiles(this, this.repo(owner, name), input);
  }

  createPull(
    owner: string,
    name: string,
    input: {
      head: string;
      base?: string;
      title: string;
      body?: string;
      user?: string;
      draft?: boolean;
    },
  ): PullRecord {
    const repo = this.repo(owner, name);
    const actor = this.ensureUser(input.user ?? GITHUB_ACTIONS_BOT.login);
    const base = input.base ?? repo.defaultBranch;
    return pulls.createPull(this, repo, actor, { ...input, base }, { enforceActionsSwitch: false });
  }

  /** Seeds the PR's file list: explicit entries, or N synthetic added files. */
  setPullFiles(owner: string, name: string, pullNumber: number, files: DiffFile[] | number): void {
    const pull = pulls.requirePull(this.repo(owner, name), pullNumber);
    pull.filesOverride = typeof files === 'number' ? syntheticFiles(files) : files;
  }

  mergePull(
    owner: string,
    name: string,
    pullNumber: number,
    options: { user?: string } = {},
  ): string {
    const repo = this.repo(owner, name);
    const actor = this.ensureUser(options.user ?? repo.owner.login);
    return pulls.mergePull(this, repo, pulls.requirePull(repo, pullNumber), actor);
  }
}

function repoKey(owner: string, name: string): string {
  return `${owner}/${name}`.toLowerCase();
}

function toNodeSuffix(id: number): string {
  return Buffer.from(`0:${id}`).toString('base64url');
}

function syntheticFiles(count: number): DiffFile[] {
  return Array.from({ length: count }, (_, i) => ({
    filename: `generated/file-${String(i).padStart(5, '0')}.txt`,
    status: 'added' as const,
    sha: (i + 1).toString(16).padStart(40, '0'),
    additions: 1,
    deletions: 0,
    changes: 1,
    patch: '@@ -0,0 +1,1 @@\n+x',
  }));
}
