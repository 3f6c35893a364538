/** Inputs the report commands (compare, finalize, reconcile) share beyond common-inputs.ts. */
import { parseWorkspacePath } from '../core/inputs.js';
import { DEFAULT_VALIDATION_CAMPAIGN } from '../loop/report-context.js';
import type { InputSource, InputSpec } from './command.js';
import { CONFIG_INPUT, DATABASE_URL_INPUT, DIAGNOSIS_LABELS_INPUT } from './common-inputs.js';

export const VALIDATION_CAMPAIGN_INPUT: InputSpec = {
  description: `Full validation campaign YAML in the workspace (default ${DEFAULT_VALIDATION_CAMPAIGN})`,
};

/** The validation campaign file, a path inside the workspace. */
export function readValidationFile(inputs: InputSource): string {
  const value = inputs.get('validation-campaign') ?? DEFAULT_VALIDATION_CAMPAIGN;
  return parseWorkspacePath('validation-campaign', value, DEFAULT_VALIDATION_CAMPAIGN);
}

/** database-url, github-token (described per command), config and labels, in that order. */
export function reportInputs(tokenDescription: string): Record<string, InputSpec> {
  return {
    'database-url': DATABASE_URL_INPUT,
    'github-token': { description: tokenDescription, secret: true },
    config: CONFIG_INPUT,
    labels: DIAGNOSIS_LABELS_INPUT,
  };
}
