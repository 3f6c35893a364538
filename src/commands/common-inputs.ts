import { resolveDatabaseUrl, secretsOf } from '../db/connection-url.js';
import type { CommandIO, InputSource, InputSpec } from './command.js';

/** Inputs most commands share, declared once so the action and the CLI describe them alike. */
export const DATABASE_URL_INPUT: InputSpec = {
  description: 'PostgreSQL URL of the eval database (default: EVAL_DATABASE_URL)',
  secret: true,
  required: true,
};

export const CONFIG_INPUT: InputSpec = {
  description: 'Project config file (default .github/iterate-campaign.yml)',
};

export const DEFAULT_LABELS = 'campaign-diagnosis';

/** How the report commands (compare, finalize, reconcile) find the diagnosis issue. */
export const DIAGNOSIS_LABELS_INPUT: InputSpec = {
  description: `Labels of the diagnosis issue; the first finds it (default ${DEFAULT_LABELS})`,
};

/** The eval database URL from the input or EVAL_DATABASE_URL, masked in every log from now on. */
export function readDatabaseUrl(inputs: InputSource, io: CommandIO): string {
  const databaseUrl = resolveDatabaseUrl(inputs.get('database-url'), io.env);
  for (const secret of secretsOf(databaseUrl)) io.masker.add(secret);
  return databaseUrl;
}
