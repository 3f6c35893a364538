/**
 * GitHub-shaped JSON for the emulator's records (checked against the OpenAPI response schemas when
 * `validateResponses` is on). API URLs point at the emulator; html_url at https://github.com.
 */
import { HTML_BASE } from './constants.js';
import type { CommitObject, DiffFile, GitPerson } from './git-store.js';
import { encodeLogin } from './http-utils.js';
import { commentCount, findLabel } from './domain-issues.js';
import { baseSha, headSha, pullCommits, pullFiles } from './domain-pulls.js';
import type { EmulatorState } from './state.js';
import type {
  CommentRecord,
  EmulatorUser,
  IssueRecord,
  LabelRecord,
  PullRecord,
  RepoRecord,
} from './types.js';

export interface ShapeContext {
  api: string;
  state: EmulatorState;
}

type Json = Record<string, unknown>;

function userShape(ctx: ShapeContext, user: EmulatorUser): Json {
  const url = `${ctx.api}/users/${encodeLogin(user.login)}`;
  const html =
    user.type === 'Bot'
      ? `${HTML_BASE}/apps/${user.login.replace(/\[bot\]$/, '')}`
      : `${HTML_BASE}/${user.login}`;
  return {
    login: user.login,
    id: user.id,
    node_id: user.nodeId,
    avatar_url: `https://avatars.githubusercontent.com/${user.type === 'Bot' ? 'in' : 'u'}/${user.id}?v=4`,
    gravatar_id: '',
    url,
    html_url: html,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

function loginShape(ctx: ShapeContext, login: string): Json {
  return userShape(ctx, ctx.state.ensureUser(login));
}

/** `GET /user`: the public profile fields on top of the simple user. */
export function authenticatedUserShape(ctx: ShapeContext, user: EmulatorUser): Json {
  return {
    ...userShape(ctx, user),
    name: user.type === 'Bot' ? null : user.login,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: '2018-07-30T10:00:00Z',
    updated_at: '2018-07-30T10:00:00Z',
  };
}

export function repoApi(ctx: ShapeContext, repo: RepoRecord): string {
  return `${ctx.api}/repos/${repo.owner.login}/${repo.name}`;
}

function repoHtml(repo: RepoRecord): string {
  return `${HTML_BASE}/${repo.owner.login}/${repo.name}`;
}

export function repoShape(ctx: ShapeContext, repo: RepoRecord): Json {
  const api = repoApi(ctx, repo);
  const openIssues = [...repo.issues.values()].filter(
    (i) => i.state === 'open' && !i.deleted,
  ).length;
  const pushedSha = repo.git.refs.get(`refs/heads/${repo.defaultBranch}`);
  const pushedAt = pushedSha ? repo.git.commit(pushedSha)?.committer.date : undefined;
  return {
    id: repo.id,
    node_id: repo.nodeId,
    name: repo.name,
    full_name: `${repo.owner.login}/${repo.name}`,
    private: repo.private,
    owner: userShape(ctx, repo.owner),
    html_url: repoHtml(repo),
    description: null,
    fork: false,
    url: api,
    ...repoUrlTemplates(api),
    git_url: `git://github.com/${repo.owner.login}/${repo.name}.git`,
    ssh_url: `git@github.com:${repo.owner.login}/${repo.name}.git`,
    clone_url: `${repoHtml(repo)}.git`,
    svn_url: repoHtml(repo),
    mirror_url: null,
    homepage: null,
    language: null,
    size: repo.git.objects.size,
    stargazers_count: 0,
    watchers_count: 0,
    forks_count: 0,
    forks: 0,
    watchers: 0,
    open_issues_count: openIssues,
    open_issues: openIssues,
    default_branch: repo.defaultBranch,
    has_issues: repo.settings.hasIssues,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: repo.private ? 'private' : 'public',
    license: null,
    topics: [],
    is_template: false,
    allow_forking: true,
    web_commit_signoff_required: false,
    pushed_at: pushedAt ?? repo.createdAt,
    created_at: repo.createdAt,
    updated_at: repo.createdAt,
    network_count: 0,
    subscribers_count: 0,
  };
}

function repoUrlTemplates(api: string): Json {
  const names: Record<string, string> = {
    archive_url: '/{archive_format}{/ref}',
    assignees_url: '/assignees{/user}',
    blobs_url: '/git/blobs{/sha}',
    branches_url: '/branches{/branch}',
    collaborators_url: '/collaborators{/collaborator}',
    comments_url: '/comments{/number}',
    commits_url: '/commits{/sha}',
    compare_url: '/compare/{base}...{head}',
    contents_url: '/contents/{+path}',
    contributors_url: '/contributors',
    deployments_url: '/deployments',
    downloads_url: '/downloads',
    events_url: '/events',
    forks_url: '/forks',
    git_commits_url: '/git/commits{/sha}',
    git_refs_url: '/git/refs{/sha}',
    git_tags_url: '/git/tags{/sha}',
    hooks_url: '/hooks',
    issue_comment_url: '/issues/comments{/number}',
    issue_events_url: '/issues/events{/number}',
    issues_url: '/issues{/number}',
    keys_url: '/keys{/key_id}',
    labels_url: '/labels{/name}',
    languages_url: '/languages',
    merges_url: '/merges',
    milestones_url: '/milestones{/number}',
    notifications_url: '/notifications{?since,all,participating}',
    pulls_url: '/pulls{/number}',
    releases_url: '/releases{/id}',
    stargazers_url: '/stargazers',
    statuses_url: '/statuses/{sha}',
    subscribers_url: '/subscribers',
    subscription_url: '/subscription',
    tags_url: '/tags',
    teams_url: '/teams',
    trees_url: '/git/trees{/sha}',
  };
  return Object.fromEntries(Object.entries(names).map(([key, suffix]) => [key, api + suffix]));
}

export function labelShape(ctx: ShapeContext, repo: RepoRecord, label: LabelRecord): Json {
  return {
    id: label.id,
    node_id: label.nodeId,
    url: `${repoApi(ctx, repo)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: label.default,
    description: label.description,
  };
}

function reactions(url: string): Json {
  const zero = { '+1': 0, '-1': 0, laugh: 0, hooray: 0, confused: 0, heart: 0, rocket: 0, eyes: 0 };
  return { url: `${url}/reactions`, total_count: 0, ...zero };
}

function association(repo: RepoRecord, login: string): string {
  return login.toLowerCase() === repo.owner.login.toLowerCase() ? 'OWNER' : 'NONE';
}

export function issueShape(ctx: ShapeContext, repo: RepoRecord, issue: IssueRecord): Json {
  const api = repoApi(ctx, repo);
  const url = `${api}/issues/${issue.number}`;
  const kind = issue.isPull ? 'pull' : 'issues';
  const pull = issue.isPull ? repo.pulls.get(issue.number) : undefined;
  const assignees = issue.assignees.map((login) => loginShape(ctx, login));
  return {
    id: issue.id,
    node_id: issue.nodeId,
    url,
    repository_url: api,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${repoHtml(repo)}/${kind}/${issue.number}`,
    number: issue.number,
    state: issue.state,
    state_reason: issue.stateReason,
    title: issue.title,
    body: issue.body,
    user: loginShape(ctx, issue.user),
    labels: issue.labels.flatMap((name) => {
      const label = findLabel(repo, name);
      return label ? [labelShape(ctx, repo, label)] : [];
    }),
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    locked: issue.locked,
    active_lock_reason: null,
    comments: commentCount(repo, issue.number),
    ...(pull ? { pull_request: pullLinks(ctx, repo, pull), draft: pull.draft } : {}),
    closed_at: issue.closedAt,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_by: issue.closedBy ? loginShape(ctx, issue.closedBy) : null,
    author_association: association(repo, issue.user),
    performed_via_github_app: null,
    timeline_url: `${url}/timeline`,
    reactions: reactions(url),
  };
}

function pullLinks(ctx: ShapeContext, repo: RepoRecord, pull: PullRecord): Json {
  const html = `${repoHtml(repo)}/pull/${pull.number}`;
  return {
    url: `${repoApi(ctx, repo)}/pulls/${pull.number}`,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    merged_at: pull.mergedAt,
  };
}

export function commentShape(ctx: ShapeContext, repo: RepoRecord, comment: CommentRecord): Json {
  const api = repoApi(ctx, repo);
  const url = `${api}/issues/comments/${comment.id}`;
  const kind = repo.pulls.has(comment.issueNumber) ? 'pull' : 'issues';
  return {
    id: comment.id,
    node_id: comment.nodeId,
    url,
    html_url: `${repoHtml(repo)}/${kind}/${comment.issueNumber}#issuecomment-${comment.id}`,
    body: comment.body,
    user: loginShape(ctx, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    issue_url: `${api}/issues/${comment.issueNumber}`,
    author_association: association(repo, comment.user),
    performed_via_github_app: null,
    reactions: reactions(url),
  };
}

function branchShape(ctx: ShapeContext, repo: RepoRecord, ref: string, sha: string): Json {
  return {
    label: `${repo.owner.login}:${ref}`,
    ref,
    sha,
    user: userShape(ctx, repo.owner),
    repo: repoShape(ctx, repo),
  };
}

export function pullShape(
  ctx: ShapeContext,
  repo: RepoRecord,
  pull: PullRecord,
  full: boolean,
): Json {
  const api = repoApi(ctx, repo);
  const url = `${api}/pulls/${pull.number}`;
  const html = `${repoHtml(repo)}/pull/${pull.number}`;
  const issue = issueShape(ctx, repo, pull.issue);
  const head = headSha(repo, pull);
  const link = (href: string) => ({ href });
  const shape: Json = {
    url,
    id: pull.id,
    node_id: pull.nodeId,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${pull.number}`,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pull.number}/comments`,
    statuses_url: `${api}/statuses/${head}`,
    number: pull.number,
    state: pull.issue.state,
    locked: pull.issue.locked,
    title: pull.issue.title,
    user: issue.user,
    body: pull.issue.body,
    labels: issue.labels,
    milestone: null,
    active_lock_reason: null,
    created_at: pull.issue.createdAt,
    updated_at: pull.issue.updatedAt,
    closed_at: pull.issue.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: issue.assignee,
    assignees: issue.assignees,
    requested_reviewers: [],
    requested_teams: [],
    head: branchShape(ctx, repo, pull.headRef, head),
    base: branchShape(ctx, repo, pull.baseRef, baseSha(repo, pull)),
    _links: {
      self: link(url),
      html: link(html),
      issue: link(`${api}/issues/${pull.number}`),
      comments: link(`${api}/issues/${pull.number}/comments`),
      review_comments: link(`${url}/comments`),
      review_comment: link(`${api}/pulls/comments{/number}`),
      commits: link(`${url}/commits`),
      statuses: link(`${api}/statuses/${head}`),
    },
    author_association: issue.author_association,
    auto_merge: null,
    draft: pull.draft,
  };
  return full ? { ...shape, ...pullStats(ctx, repo, pull) } : shape;
}

function pullStats(ctx: ShapeContext, repo: RepoRecord, pull: PullRecord): Json {
  const files = pullFiles(repo, pull);
  return {
    merged: pull.merged,
    mergeable: pull.merged || pull.issue.state === 'closed' ? null : true,
    rebaseable: pull.merged ? null : true,
    mergeable_state: pull.merged ? 'unknown' : 'clean',
    merged_by: pull.mergedBy ? loginShape(ctx, pull.mergedBy) : null,
    comments: commentCount(repo, pull.number),
    review_comments: 0,
    maintainer_can_modify: pull.maintainerCanModify,
    commits: pullCommits(repo, pull).length,
    additions: files.reduce((sum, f) => sum + f.additions, 0),
    deletions: files.reduce((sum, f) => sum + f.deletions, 0),
    changed_files: files.length,
  };
}

export function diffFileShape(
  ctx: ShapeContext,
  repo: RepoRecord,
  file: DiffFile,
  ref: string,
): Json {
  const path = file.filename.split('/').map(encodeURIComponent).join('/');
  return {
    sha: file.sha,
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.changes,
    blob_url: `${repoHtml(repo)}/blob/${ref}/${path}`,
    raw_url: `${repoHtml(repo)}/raw/${ref}/${path}`,
    contents_url: `${repoApi(ctx, repo)}/contents/${path}?ref=${ref}`,
    ...(file.patch !== undefined ? { patch: file.patch } : {}),
    ...(file.previous_filename ? { previous_filename: file.previous_filename } : {}),
  };
}

export function gitRefShape(ctx: ShapeContext, repo: RepoRecord, ref: string, sha: string): Json {
  const api = repoApi(ctx, repo);
  return {
    ref,
    node_id: `REF_kwDO${Buffer.from(ref).toString('base64url')}`,
    url: `${api}/git/${ref}`,
    object: {
      type: repo.git.objects.get(sha)?.type ?? 'commit',
      sha,
      url: `${api}/git/commits/${sha}`,
    },
  };
}

function personShape(p: GitPerson): Json {
  return { name: p.name, email: p.email, date: p.date };
}

const UNSIGNED = {
  verified: false,
  reason: 'unsigned',
  signature: null,
  payload: null,
  verified_at: null,
};

export function gitCommitShape(
  ctx: ShapeContext,
  repo: RepoRecord,
  sha: string,
  commit: CommitObject,
): Json {
  const api = repoApi(ctx, repo);
  return {
    sha,
    node_id: `C_kwDO${Buffer.from(sha.slice(0, 12)).toString('base64url')}`,
    url: `${api}/git/commits/${sha}`,
    html_url: `${repoHtml(repo)}/commit/${sha}`,
    author: personShape(commit.author),
    committer: personShape(commit.committer),
    tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
    message: commit.message,
    parents: commit.parents.map((p) => ({
      sha: p,
      url: `${api}/git/commits/${p}`,
      html_url: `${repoHtml(repo)}/commit/${p}`,
    })),
    verification: UNSIGNED,
  };
}

/** The "commit" schema (compare, list commits): REST commit wrapping the git commit. */
export function commitShape(ctx: ShapeContext, repo: RepoRecord, sha: string): Json {
  const api = repoApi(ctx, repo);
  const commit = repo.git.commit(sha) as CommitObject;
  const git = gitCommitShape(ctx, repo, sha, commit);
  return {
    url: `${api}/commits/${sha}`,
    sha,
    node_id: git.node_id,
    html_url: git.html_url,
    comments_url: `${api}/commits/${sha}/comments`,
    commit: {
      url: git.url,
      author: git.author,
      committer: git.committer,
      message: commit.message,
      comment_count: 0,
      tree: git.tree,
      verification: UNSIGNED,
    },
    author: null,
    committer: null,
    parents: commit.parents.map((p) => ({
      sha: p,
      url: `${api}/commits/${p}`,
      html_url: `${repoHtml(repo)}/commit/${p}`,
    })),
  };
}

export function contentEntryShape(
  ctx: ShapeContext,
  repo: RepoRecord,
  entry: { path: string; sha: string; type: 'file' | 'dir'; size: number },
  ref: string,
): Json {
  const api = repoApi(ctx, repo);
  const path = entry.path.split('/').map(encodeURIComponent).join('/');
  const self = `${api}/contents/${path}?ref=${encodeURIComponent(ref)}`;
  const git = `${api}/git/${entry.type === 'dir' ? 'trees' : 'blobs'}/${entry.sha}`;
  const html = `${repoHtml(repo)}/${entry.type === 'dir' ? 'tree' : 'blob'}/${ref}/${path}`;
  return {
    type: entry.type,
    size: entry.size,
    name: entry.path.split('/').pop() ?? entry.path,
    path: entry.path,
    sha: entry.sha,
    url: self,
    git_url: git,
    html_url: html,
    download_url:
      entry.type === 'file'
        ? `https://raw.githubusercontent.com/${repo.owner.login}/${repo.name}/${ref}/${path}`
        : null,
    _links: { self, git, html },
  };
}

/** Base64 wrapped at 60 columns with a trailing newline, like GitHub's contents/blob APIs. */
export function wrappedBase64(content: Buffer): string {
  const b64 = content.toString('base64');
  return (b64.match(/.{1,60}/g) ?? ['']).join('\n') + '\n';
}
