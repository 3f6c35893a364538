/** A tiny content-addressed git object store (real git SHA-1 object ids) with refs and diffs. */
import { createHash } from 'node:crypto';

type EntryType = 'blob' | 'tree' | 'commit';

export interface TreeEntry {
  name: string;
  mode: string;
  type: EntryType;
  sha: string;
}

export interface GitPerson {
  name: string;
  email: string;
  date: string;
}

export interface CommitObject {
  type: 'commit';
  tree: string;
  parents: string[];
  message: string;
  author: GitPerson;
  committer: GitPerson;
}

export type GitObject =
  { type: 'blob'; content: Buffer } | { type: 'tree'; entries: TreeEntry[] } | CommitObject;

/** A non-tree entry addressed by its full path. */
export interface FlatEntry {
  mode: string;
  type: 'blob' | 'commit';
  sha: string;
}

export interface DiffFile {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  sha: string | null;
  additions: number;
  deletions: number;
  changes: number;
  patch?: string;
  previous_filename?: string;
}

export class GitStore {
  readonly objects = new Map<string, GitObject>();
  readonly refs = new Map<string, string>();

  writeBlob(content: Buffer): string {
    return this.put(hashObject('blob', content), { type: 'blob', content });
  }

  writeTree(entries: TreeEntry[]): string {
    const sorted = [...entries].sort((a, b) => compareTreeNames(a, b));
    const body = Buffer.concat(
      sorted.map((e) =>
        Buffer.concat([Buffer.from(`${e.mode} ${e.name}\0`), Buffer.from(e.sha, 'hex')]),
      ),
    );
    return this.put(hashObject('tree', body), { type: 'tree', entries: sorted });
  }

  writeCommit(commit: Omit<CommitObject, 'type'>): string {
    const lines = [`tree ${commit.tree}`, ...commit.parents.map((p) => `parent ${p}`)];
    lines.push(
      `author ${formatPerson(commit.author)}`,
      `committer ${formatPerson(commit.committer)}`,
    );
    const body = Buffer.from(`${lines.join('\n')}\n\n${commit.message}`);
    return this.put(hashObject('commit', body), { type: 'commit', ...commit });
  }

  blob(sha: string): Buffer | undefined {
    const obj = this.objects.get(sha);
    return obj?.type === 'blob' ? obj.content : undefined;
  }

  tree(sha: string): TreeEntry[] | undefined {
    const obj = this.objects.get(sha);
    return obj?.type === 'tree' ? obj.entries : undefined;
  }

  commit(sha: string): CommitObject | undefined {
    const obj = this.objects.get(sha);
    return obj?.type === 'commit' ? obj : undefined;
  }

  /** Full SHA, unique abbreviated SHA (>= 4 chars), branch, tag or full ref name → commit SHA. */
  resolveCommitish(name: string): string | undefined {
    const ref = this.refs.get(name) ?? this.refs.get(`refs/heads/${name}`);
    const viaRef = ref ?? this.refs.get(`refs/tags/${name}`);
    if (viaRef) return viaRef;
    if (!/^[0-9a-f]{4,40}$/.test(name)) return undefined;
    const hits = [...this.objects.keys()].filter((sha) => sha.startsWith(name));
    return hits.length === 1 && this.commit(hits[0]!) ? hits[0] : undefined;
  }

  flatten(
    treeSha: string,
    prefix = '',
    out = new Map<string, FlatEntry>(),
  ): Map<string, FlatEntry> {
    for (const entry of this.tree(treeSha) ?? []) {
      const path = prefix + entry.name;
      if (entry.type === 'tree') this.flatten(entry.sha, `${path}/`, out);
      else out.set(path, { mode: entry.mode, type: entry.type, sha: entry.sha });
    }
    return out;
  }

  /** Builds (and stores) the nested trees for a flat path → entry map; returns the root tree SHA. */
  buildTree(flat: Map<string, FlatEntry>): string {
    const children = new Map<string, Map<string, FlatEntry>>();
    const entries: TreeEntry[] = [];
    for (const [path, entry] of flat) {
      const slash = path.indexOf('/');
      if (slash < 0) {
        entries.push({ name: path, ...entry });
        continue;
      }
      const dir = path.slice(0, slash);
      if (!children.has(dir)) children.set(dir, new Map());
      children.get(dir)!.set(path.slice(slash + 1), entry);
    }
    for (const [dir, sub] of children) {
      entries.push({ name: dir, mode: '040000', type: 'tree', sha: this.buildTree(sub) });
    }
    return this.writeTree(entries);
  }

  /** Entry (file or directory) at a path inside a tree. */
  entryAt(treeSha: string, path: string): TreeEntry | undefined {
    let current: TreeEntry = { name: '', mode: '040000', type: 'tree', sha: treeSha };
    for (const part of path.split('/').filter(Boolean)) {
      const next = this.tree(current.sha)?.find((e) => e.name === part);
      if (!next) return undefined;
      current = next;
    }
    return current;
  }

  ancestors(sha: string): Set<string> {
    const seen = new Set<string>();
    const stack = [sha];
    while (stack.length > 0) {
      const next = stack.pop() as string;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(this.commit(next)?.parents ?? []));
    }
    return seen;
  }

  isAncestor(ancestor: string, descendant: string): boolean {
    return this.ancestors(descendant).has(ancestor);
  }

  mergeBase(a: string, b: string): string | undefined {
    const ofA = this.ancestors(a);
    return this.history(b).find((sha) => ofA.has(sha));
  }

  /** Commits reachable from `head` but not from `base`, oldest first. */
  commitsBetween(base: string, head: string): string[] {
    const excluded = this.ancestors(base);
    return this.history(head)
      .filter((sha) => !excluded.has(sha))
      .reverse();
  }

  /** Breadth-first history, newest first. */
  history(sha: string): string[] {
    const order: string[] = [];
    const seen = new Set<string>();
    const queue = [sha];
    while (queue.length > 0) {
      const next = queue.shift() as string;
      if (seen.has(next)) continue;
      seen.add(next);
      order.push(next);
      queue.push(...(this.commit(next)?.parents ?? []));
    }
    return order;
  }

  diffTrees(oldTree: string | undefined, newTree: string): DiffFile[] {
    const before = oldTree ? this.flatten(oldTree) : new Map<string, FlatEntry>();
    const after = this.flatten(newTree);
    const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
    const files: DiffFile[] = [];
    for (const path of paths) {
      const file = this.diffEntry(path, before.get(path), after.get(path));
      if (file) files.push(file);
    }
    return files;
  }

  private diffEntry(path: string, old?: FlatEntry, now?: FlatEntry): DiffFile | undefined {
    if (old?.sha === now?.sha) return undefined;
    const oldLines = old ? splitLines(this.blob(old.sha)) : [];
    const newLines = now ? splitLines(this.blob(now.sha)) : [];
    const { additions, deletions, patch } = lineDiff(oldLines, newLines);
    const status = !old ? 'added' : !now ? 'removed' : 'modified';
    const sha = (now ?? old)!.sha;
    return {
      filename: path,
      status,
      sha,
      additions,
      deletions,
      changes: additions + deletions,
      patch,
    };
  }

  private put(sha: string, obj: GitObject): string {
    if (!this.objects.has(sha)) this.objects.set(sha, obj);
    return sha;
  }
}

export function gitBlobSha(content: Buffer | string): string {
  return hashObject('blob', Buffer.isBuffer(content) ? content : Buffer.from(content));
}

function hashObject(type: string, body: Buffer): string {
  const header = Buffer.from(`${type} ${body.length}\0`);
  return createHash('sha1').update(header).update(body).digest('hex');
}

function compareTreeNames(a: TreeEntry, b: TreeEntry): number {
  const left = a.type === 'tree' ? `${a.name}/` : a.name;
  const right = b.type === 'tree' ? `${b.name}/` : b.name;
  return left < right ? -1 : left > right ? 1 : 0;
}

function formatPerson(person: GitPerson): string {
  const seconds = Math.floor(Date.parse(person.date) / 1000);
  return `${person.name} <${person.email}> ${seconds} +0000`;
}

function splitLines(content: Buffer | undefined): string[] {
  if (!content || content.length === 0) return [];
  const text = content.toString('utf8');
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Counts added/removed lines (LCS for small files) and renders a single-hunk patch. */
function lineDiff(oldLines: string[], newLines: string[]) {
  const common = oldLines.length * newLines.length <= 4_000_000 ? lcsLength(oldLines, newLines) : 0;
  const deletions = oldLines.length - common;
  const additions = newLines.length - common;
  const header = `@@ -${oldLines.length ? 1 : 0},${oldLines.length} +${newLines.length ? 1 : 0},${newLines.length} @@`;
  const body = [...oldLines.map((l) => `-${l}`), ...newLines.map((l) => `+${l}`)];
  return { additions, deletions, patch: [header, ...body].join('\n') };
}

function lcsLength(a: string[], b: string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      row[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    }
    prev = row;
  }
  return prev[b.length]!;
}
