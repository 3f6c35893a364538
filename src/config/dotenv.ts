import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Loads `.env` files the way upstream's CLI does on import (eval/src/eval/cli.py `_load_dotenv`
 * @ c766b4b): from `startDir` up to the filesystem root, nearest file first, `KEY=VALUE` lines,
 * blank and `#` lines skipped, lines without `=` ignored, and a variable already present in `env`
 * (even empty) is never overridden, so the nearest file wins. Returns `env`, mutated.
 */
export function loadDotEnv(startDir: string, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  for (const file of dotEnvFiles(startDir)) {
    for (const [key, value] of parseDotEnv(readFileSync(file, 'utf8'))) {
      if (!Object.hasOwn(env, key)) env[key] = value;
    }
  }
  return env;
}

/** The `.env` files that exist from `startDir` upwards, nearest first. */
export function dotEnvFiles(startDir: string): string[] {
  const files: string[] = [];
  let directory = resolve(startDir);
  for (;;) {
    const candidate = join(directory, '.env');
    if (isFile(candidate)) files.push(candidate);
    const parent = dirname(directory);
    if (parent === directory) return files;
    directory = parent;
  }
}

/** Key/value pairs in file order; later duplicates are kept (the caller's no-override rule drops them). */
export function parseDotEnv(text: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  // Python's text mode splits on \n, \r\n and \r alike.
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = pyStrip(rawLine);
    if (!line || line.startsWith('#') || !line.includes('=')) continue;
    const equals = line.indexOf('=');
    const key = pyStrip(line.slice(0, equals));
    // `.strip('"').strip("'")`: every leading/trailing double quote, then every single quote.
    const value = stripChars(stripChars(pyStrip(line.slice(equals + 1)), '"'), "'");
    if (key) pairs.push([key, value]);
  }
  return pairs;
}

// Python's str.strip() whitespace (str.isspace), which differs from JS trim (no BOM, adds \x1c-\x1f).
const PY_WHITESPACE =
  '\\t\\n\\x0b\\x0c\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const PY_STRIP = new RegExp(`^[${PY_WHITESPACE}]+|[${PY_WHITESPACE}]+$`, 'g');

function pyStrip(text: string): string {
  return text.replace(PY_STRIP, '');
}

function stripChars(text: string, char: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === char) start++;
  while (end > start && text[end - 1] === char) end--;
  return text.slice(start, end);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
