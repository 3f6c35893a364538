import { describe, expect, test } from 'vitest';
import {
  DatabaseError,
  maskSecrets,
  redactUrl,
  resolveDatabaseUrl,
  secretsOf,
  targetOf,
  validateDatabaseUrl,
} from '../../../src/db/connection-url.js';

const GOOD = 'postgresql://eval:s3cret@db.example.com:6543/evals';

function errorOf(fn: () => unknown): DatabaseError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DatabaseError);
    return error as DatabaseError;
  }
  throw new Error('expected a DatabaseError');
}

describe('resolveDatabaseUrl', () => {
  test('the explicit value wins over EVAL_DATABASE_URL', () => {
    const env = { EVAL_DATABASE_URL: 'postgres://a:b@envhost/envdb' };
    expect(resolveDatabaseUrl(GOOD, env)).toBe(GOOD);
  });

  test('falls back to EVAL_DATABASE_URL, also when the explicit value is blank', () => {
    const env = { EVAL_DATABASE_URL: 'postgres://a:b@envhost/envdb' };
    expect(resolveDatabaseUrl(undefined, env)).toBe(env.EVAL_DATABASE_URL);
    expect(resolveDatabaseUrl('  ', env)).toBe(env.EVAL_DATABASE_URL);
  });

  test('trims surrounding whitespace (secrets pasted with a newline)', () => {
    expect(resolveDatabaseUrl(`${GOOD}\n`, {})).toBe(GOOD);
  });

  test.each([[undefined], ['']])(
    'missing or empty (%j) names the variable and the flag',
    (value) => {
      const error = errorOf(() => resolveDatabaseUrl(undefined, { EVAL_DATABASE_URL: value }));
      expect(error.message).toContain('EVAL_DATABASE_URL is required');
      expect(error.message).toContain('--database-url');
      expect(error.message).toContain('postgresql://user:password@host:5432/db');
    },
  );
});

describe('validateDatabaseUrl', () => {
  test.each([
    ['mysql://u:hunter2@h/db', 'scheme must be postgres:// or postgresql://'],
    ['u:hunter2@h/db', 'scheme must be postgres:// or postgresql://'],
    ['postgresql://u:hunter2@h:notaport/db', 'not a parseable URL'],
    ['postgresql://u:hunter2@/db', 'no host'],
    ['postgresql://u:hunter2@h:5432', 'no database name'],
    ['postgresql://u:hunter2@h:5432/', 'no database name'],
    ['postgresql://u:hun%zzter2@h/db', 'invalid percent-encoding'],
    ['postgresql://u:hunter2%C3%28@h/db', 'password is not valid percent-encoded UTF-8'],
  ])('%s → %s, naming the field and never the password', (url, problem) => {
    const error = errorOf(() => validateDatabaseUrl(url));
    expect(error.message).toContain(problem);
    expect(error.message).toMatch(/^database-url: /);
    expect(error.message).toContain('expected postgresql://user:password@host:5432/db');
    expect(error.message).not.toMatch(/hunter2|hun%zzter2|hun%ZZter2/);
    expect(error.message).toContain('***');
  });

  test('accepts both schemes, IPv6 hosts, percent-encoded passwords and a host= parameter', () => {
    for (const url of [
      GOOD,
      'postgres://u:p@localhost/db',
      'postgresql://u:p%40ss%2F@[::1]:5432/db',
      'postgresql://u@/db?host=/var/run/postgresql',
    ]) {
      expect(() => validateDatabaseUrl(url)).not.toThrow();
    }
  });
});

describe('redactUrl', () => {
  test('replaces the userinfo password and a password= parameter', () => {
    expect(redactUrl(GOOD)).toBe('postgresql://eval:***@db.example.com:6543/evals');
    expect(redactUrl('postgresql://u@h/db?sslmode=require&password=x%20y')).toBe(
      'postgresql://u@h/db?sslmode=require&password=***',
    );
  });

  test('uses the last @ of the authority, like the URL parser', () => {
    expect(redactUrl('postgresql://u:p@ss@h/db')).toBe('postgresql://u:***@h/db');
  });

  test('leaves a URL without password alone', () => {
    expect(redactUrl('postgresql://u@h/db')).toBe('postgresql://u@h/db');
  });
});

describe('secretsOf', () => {
  test('covers the URL, raw and decoded password and user:password', () => {
    const url = 'postgresql://eval:p%40ss%2Fw%C3%B6rd@h/db';
    const secrets = secretsOf(url);
    for (const expected of [
      url,
      'p%40ss%2Fw%C3%B6rd',
      'p@ss/wörd',
      'eval:p%40ss%2Fw%C3%B6rd',
      'eval:p@ss/wörd',
    ]) {
      expect(secrets).toContain(expected);
    }
    expect(secrets).not.toContain('');
  });

  test('includes a password given as a query parameter', () => {
    expect(secretsOf('postgresql://u@h/db?password=qp%21')).toEqual(
      expect.arrayContaining(['qp%21', 'qp!']),
    );
  });

  test('masking with them hides every spelling of the password', () => {
    const url = 'postgresql://eval:p%40ss@h/db';
    const text = `failed for ${url}, p@ss, p%40ss, eval:p@ss`;
    const masked = maskSecrets(text, secretsOf(url));
    expect(masked).not.toMatch(/p@ss|p%40ss/);
  });
});

describe('targetOf', () => {
  test('is host, port and database, port defaulting to 5432', () => {
    expect(targetOf(GOOD)).toMatchObject({ host: 'db.example.com', port: 6543, database: 'evals' });
    expect(targetOf('postgres://u:p@h/my%20db')).toMatchObject({
      host: 'h',
      port: 5432,
      database: 'my db',
    });
  });
});
