import type { EmulatorUser } from './types.js';

/** The identity behind `GITHUB_TOKEN`. */
export const GITHUB_ACTIONS_BOT: Readonly<EmulatorUser> = Object.freeze({
  login: 'github-actions[bot]',
  id: 41898282,
  type: 'Bot',
  nodeId: 'MDM6Qm90NDE4OTgyODI=',
});

export const HTML_BASE = 'https://github.com';
