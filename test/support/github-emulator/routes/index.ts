import type { RouteTable } from '../route-context.js';
import { contentRoutes } from './contents.js';
import { gitRoutes } from './git.js';
import { issueRoutes } from './issues.js';
import { pullRoutes } from './pulls.js';
import { repoRoutes } from './repos.js';

/** Every implemented operation, keyed `METHOD /openapi/template`. */
export const routes: RouteTable = {
  ...repoRoutes,
  ...issueRoutes,
  ...pullRoutes,
  ...gitRoutes,
  ...contentRoutes,
};

/**
 * Valid (OpenAPI) query params that a route ignores. Using one is recorded as an `unimplemented`
 * violation so that a test never silently relies on a filter the emulator does not apply.
 */
export const unsupportedQuery: Record<string, readonly string[]> = {
  'GET /repos/{owner}/{repo}/issues': [
    'milestone',
    'assignee',
    'type',
    'mentioned',
    'issue_field_values',
  ],
};
