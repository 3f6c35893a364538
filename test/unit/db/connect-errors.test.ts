import { describe, expect, test } from 'vitest';
import { connectContextFor, connectError } from '../../../src/db/pool.js';

const URL_WITH_SECRET = 'postgresql://eval:s3cr%40t@db.internal:6432/evals';
const context = connectContextFor(URL_WITH_SECRET, 1_500);

function codeError(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

describe('connectError', () => {
  test.each([
    [
      codeError('ENOTFOUND', 'getaddrinfo ENOTFOUND db.internal'),
      'host not found (DNS lookup of "db.internal" failed)',
    ],
    [codeError('ETIMEDOUT'), 'connection timed out (no answer within 1500 ms)'],
    [
      new Error('timeout exceeded when trying to connect'),
      'no pooled connection became free within 1500 ms',
    ],
    [new Error('Connection terminated due to connection timeout'), 'connection timed out'],
    [
      codeError('57P03', 'the database system is starting up'),
      'the server is starting up or shutting down',
    ],
    [
      codeError('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain'),
      'SSL problem',
    ],
    [codeError('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'), 'sslrootcert='],
    [
      codeError(
        '28000',
        'no pg_hba.conf entry for host "1.2.3.4", user "eval", database "evals", no encryption',
      ),
      'sslmode=require',
    ],
  ])('%s → mentions %j', (error, expected) => {
    const message = connectError(error, context).message;
    expect(message).toMatch(/^cannot connect to PostgreSQL at db\.internal:6432\/evals: /);
    expect(message).toContain(expected);
  });

  test('AggregateError from dual-stack connects is classified by its first error', () => {
    const error = new AggregateError([codeError('ECONNREFUSED'), codeError('ECONNREFUSED')], '');
    expect(connectError(error, context).message).toContain('connection refused');
    expect(connectError(error, context).code).toBe('ECONNREFUSED');
  });

  test('a driver message that echoes the password or URL is masked and folded to one line', () => {
    const error = new Error(`boom for ${URL_WITH_SECRET}\nwith s3cr@t and s3cr%40t`);
    const message = connectError(error, context).message;
    expect(message).not.toMatch(/s3cr@t|s3cr%40t|\n/);
    expect(message).toContain('***');
  });

  test('reports the attempts when it retried', () => {
    expect(connectError(codeError('ECONNREFUSED'), context, 4, 2_500).message).toContain(
      'connection refused after 4 attempts in 2.5 s',
    );
  });
});
