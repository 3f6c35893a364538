/** `GET /user`, `GET /repos/{owner}/{repo}`. */
import { HttpError } from '../http-utils.js';
import { actor, json, repoOf, type RouteTable } from '../route-context.js';
import { authenticatedUserShape, repoShape } from '../shapes.js';

export const repoRoutes: RouteTable = {
  'GET /user': (ctx) => {
    const user = actor(ctx);
    if (ctx.token?.installation && ctx.getUserWithInstallationToken === 'forbidden') {
      throw new HttpError(403, 'Resource not accessible by integration');
    }
    return json(200, authenticatedUserShape(ctx.shape, user));
  },

  'GET /repos/{owner}/{repo}': (ctx) => {
    const repo = repoOf(ctx);
    const permissions = { admin: false, maintain: false, push: true, triage: true, pull: true };
    return json(200, { ...repoShape(ctx.shape, repo), ...(ctx.user ? { permissions } : {}) });
  },
};
