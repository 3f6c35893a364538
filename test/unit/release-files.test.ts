/** What a user pins and reads before adopting: license, changelog, policies, update config. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const pkg = JSON.parse(read('package.json')) as { version: string; license: string };

function markdownFiles(): string[] {
  const docs = readdirSync(join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(md|ya?ml)$/.test(name))
    .map((name) => `docs/${name}`);
  return ['README.md', 'CONTRIBUTING.md', 'SECURITY.md', 'CHANGELOG.md', ...docs];
}

describe('release files', () => {
  it('LICENSE is the MIT license package.json names', () => {
    expect(pkg.license).toBe('MIT');
    expect(read('LICENSE')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
    expect(read('LICENSE')).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY');
  });

  it("CHANGELOG.md has an Unreleased section and one for package.json's version", () => {
    const changelog = read('CHANGELOG.md');
    expect(changelog).toMatch(/^## \[Unreleased\]$/m);
    expect(changelog).toContain(`\n## [${pkg.version}]`);
  });

  it('SECURITY.md says how to report privately; CONTRIBUTING.md covers tests, dist and releases', () => {
    expect(read('SECURITY.md')).toMatch(/Report a vulnerability/);
    const contributing = read('CONTRIBUTING.md');
    for (const text of ['npm test', 'npm run bundle', 'npm run generate-actions', 'Release'])
      expect(contributing).toContain(text);
  });

  it('dependabot updates npm and the pinned actions', () => {
    const config = parse(read('.github/dependabot.yml')) as {
      version: number;
      updates: { 'package-ecosystem': string; directory: string; schedule: { interval: string } }[];
    };
    expect(config.version).toBe(2);
    expect(config.updates.map((u) => u['package-ecosystem']).sort()).toEqual([
      'github-actions',
      'npm',
    ]);
    for (const update of config.updates) {
      expect(update.directory).toBe('/');
      expect(['daily', 'weekly', 'monthly']).toContain(update.schedule.interval);
    }
  });

  it('no document points at a version tag: actions are pinned by commit SHA', () => {
    const tagRefs = markdownFiles()
      .filter((file) => existsSync(join(ROOT, file)))
      .flatMap((file) =>
        [...read(file).matchAll(/iterate-campaign[\w./-]*@(v\d[\w.]*)/g)].map(
          (m) => `${file}: ${m[0]}`,
        ),
      );
    expect(tagRefs).toEqual([]);
  });
});
