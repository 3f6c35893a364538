/** Records held by the emulator's state (plain data; GitHub-shaped JSON is built in shapes.ts). */
import type { DiffFile, GitStore } from './git-store.js';

export type UserType = 'User' | 'Bot' | 'Organization';

export interface EmulatorUser {
  login: string;
  id: number;
  type: UserType;
  nodeId: string;
}

export interface TokenInfo {
  login: string;
  /** Fork-PR style read-only token: every write answers 403 "Resource not accessible by integration". */
  readOnly: boolean;
  /**
   * A GitHub App installation token (GITHUB_TOKEN). Real GitHub answers `GET /user` with 403 for these;
   * the emulator does the same only when started with `getUserWithInstallationToken: 'forbidden'`.
   */
  installation: boolean;
}

export interface RepoSettings {
  /** Settings → Actions → "Allow GitHub Actions to create and approve pull requests". */
  canActionsCreatePullRequests: boolean;
  hasIssues: boolean;
}

export interface LabelRecord {
  id: number;
  nodeId: string;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

export interface IssueRecord {
  id: number;
  nodeId: string;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'not_planned' | 'reopened' | 'duplicate' | null;
  /** Label names (the repo's LabelRecords hold colour etc.). */
  labels: string[];
  assignees: string[];
  user: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedBy: string | null;
  locked: boolean;
  /** Deleted issues answer 410 Gone. */
  deleted: boolean;
  isPull: boolean;
}

export interface CommentRecord {
  id: number;
  nodeId: string;
  issueNumber: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
}

export interface PullRecord {
  id: number;
  nodeId: string;
  number: number;
  issue: IssueRecord;
  headRef: string;
  /** Head SHA when the branch is gone (otherwise the branch tip is used). */
  headSha: string;
  baseRef: string;
  draft: boolean;
  maintainerCanModify: boolean;
  merged: boolean;
  mergedAt: string | null;
  mergedBy: string | null;
  mergeCommitSha: string | null;
  /** Seeded file list (overrides the computed diff), e.g. to exercise the 3,000-file cap. */
  filesOverride?: DiffFile[];
}

export interface RepoRecord {
  id: number;
  nodeId: string;
  owner: EmulatorUser;
  name: string;
  private: boolean;
  defaultBranch: string;
  createdAt: string;
  settings: RepoSettings;
  git: GitStore;
  issues: Map<number, IssueRecord>;
  comments: Map<number, CommentRecord>;
  labels: Map<string, LabelRecord>;
  pulls: Map<number, PullRecord>;
  nextNumber: number;
}
