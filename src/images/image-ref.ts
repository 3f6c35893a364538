/**
 * Validation of image references before any of them reaches a child process or a URL.
 *
 * A reference here is always fully qualified: `host[:port]/path:tag`, the host a registry host
 * (has a dot or a port, or is `localhost`), the path lowercase components separated by `/`
 * (distribution's reference grammar), the tag `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`.
 * Errors name the field and the offending value (JSON-quoted, truncated).
 */
import { InputError } from '../core/inputs.js';

export interface ImageRef {
  /** `host[:port]`, lowercase. */
  host: string;
  /** Repository path under the host, e.g. `my-project/eval/worker`. */
  repository: string;
  tag: string;
}

class ImageRefError extends Error {
  constructor(
    readonly field: string,
    readonly value: string,
    expected: string,
  ) {
    super(`Invalid ${field} ${quote(value)}: ${expected}`);
    this.name = 'ImageRefError';
  }
}

function quote(value: string): string {
  const cut = value.length > 120 ? `${value.slice(0, 120)}…` : value;
  return JSON.stringify(cut);
}

const HOST_LABEL = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?';
const HOST = new RegExp(
  `^(?:${HOST_LABEL}(?:\\.${HOST_LABEL})*|\\[[0-9a-f:]+\\])(?::([0-9]{1,5}))?$`,
);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const MAX_NAME_LENGTH = 255;

const HOST_EXPECTED =
  'expected a lowercase registry host[:port] (with a dot, a port, or localhost), e.g. us-central1-docker.pkg.dev or 127.0.0.1:5000';
const PATH_EXPECTED =
  'expected lowercase path components [a-z0-9] joined by ".", "_", "__" or "-", separated by "/"';

function validateHost(value: string, field = 'registry host'): string {
  const match = HOST.exec(value);
  const looksLikeRegistry =
    value.includes('.') || value.includes(':') || value.startsWith('[') || value === 'localhost';
  if (!match || !looksLikeRegistry) throw new ImageRefError(field, value, HOST_EXPECTED);
  const port = match[1];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
    throw new ImageRefError(field, value, 'port must be 1–65535');
  }
  return value;
}

function validateRepositoryPath(value: string, field = 'repository'): string {
  if (!value || !value.split('/').every((c) => PATH_COMPONENT.test(c))) {
    throw new ImageRefError(field, value, PATH_EXPECTED);
  }
  return value;
}

export function validateTag(value: string, field = 'tag'): string {
  if (!TAG.test(value)) {
    throw new ImageRefError(field, value, 'expected [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}');
  }
  return value;
}

export function validateDigest(value: string, field = 'digest'): string {
  if (!DIGEST.test(value)) throw new ImageRefError(field, value, 'expected sha256:<64 hex digits>');
  return value;
}

/**
 * Validates a registry prefix `host[:port]/path` (the path may be empty), e.g.
 * `us-central1-docker.pkg.dev/my-project/eval`. Returns it without a trailing slash.
 */
export function validateRegistry(value: string, field = 'registry'): string {
  const trimmed = value.replace(/\/+$/, '');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    throw new ImageRefError(field, value, 'expected host[:port]/path without a scheme');
  }
  const slash = trimmed.indexOf('/');
  const host = slash === -1 ? trimmed : trimmed.slice(0, slash);
  const path = slash === -1 ? '' : trimmed.slice(slash + 1);
  try {
    validateHost(host, field);
    if (path) validateRepositoryPath(path, field);
  } catch (error) {
    if (error instanceof ImageRefError) {
      throw new ImageRefError(
        field,
        value,
        `expected lowercase host[:port]/path (${HOST_EXPECTED}; ${PATH_EXPECTED})`,
      );
    }
    throw error;
  }
  return trimmed;
}

/** Parses and validates `host[:port]/path:tag`. */
export function parseImageReference(value: string, field = 'image reference'): ImageRef {
  const expected = 'expected host[:port]/path:tag';
  if (value.includes('@'))
    throw new ImageRefError(field, value, `${expected} (digest references are not accepted)`);
  const slash = value.indexOf('/');
  const colon = value.lastIndexOf(':');
  if (slash <= 0 || colon < value.lastIndexOf('/')) throw new ImageRefError(field, value, expected);
  const host = value.slice(0, slash);
  const repository = value.slice(slash + 1, colon);
  const tag = value.slice(colon + 1);
  validateHost(host, `${field} host`);
  validateRepositoryPath(repository, `${field} repository`);
  validateTag(tag, `${field} tag`);
  if (host.length + 1 + repository.length > MAX_NAME_LENGTH) {
    throw new ImageRefError(field, value, `name longer than ${MAX_NAME_LENGTH} characters`);
  }
  return { host, repository, tag };
}

/** Loopback registries are spoken to over plain http; everything else over https. */
export function isLoopbackHost(host: string): boolean {
  const name = host.replace(/:[0-9]+$/, '');
  return name === 'localhost' || name === '[::1]' || /^127(?:\.[0-9]{1,3}){3}$/.test(name);
}

/** `host/path:tag`, optionally pinned `@sha256:…`. */
/**
 * An image to run, `host[:port]/path:tag` optionally pinned `@sha256:…`: the one check for every
 * input and config value that names one (analyze, retry and worker `operator-image`, the config's
 * `retry.operator_image`), so the same value is accepted or refused alike everywhere.
 */
export function parseOperatorImage(field: string, value: string): string {
  const v = value.trim();
  const [reference = '', digest, ...rest] = v.split('@');
  try {
    if (rest.length > 0) throw new Error(`Invalid ${field}: more than one '@'`);
    parseImageReference(reference, field);
    if (digest !== undefined) validateDigest(digest, `${field} digest`);
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  return v;
}
