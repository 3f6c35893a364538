import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src/demo/embedded-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

let server: EmbeddedServer | undefined;

/** One real PostgreSQL 15 server per test run; each test file creates its own databases on it. */
export async function setup(project: TestProject) {
  server = await startEmbeddedPostgres();
  project.provide('pgAdminUrl', server.adminUrl);
}

export async function teardown() {
  await server?.stop();
}
