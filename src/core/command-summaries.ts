/**
 * The Markdown the commands write to the job summary (and print), built from the Markdown writers
 * so no value (an image reference, a chaos type, an error message, a series name) can break a
 * table row, a code span or a list. Pure.
 */
import { describeCombination } from './grouping.js';
import type { ImagePlan } from './image-plan.js';
import { bulletList, codeSpan, joinBlocks, markdownTable, plainText } from './markdown/index.js';

export type AlertKind = 'NOTE' | 'WARNING' | 'CAUTION';

/**
 * A GitHub alert around plain text (an error message, a status line): Markdown in the text shows
 * literally and line breaks are flattened, so the alert stays one quoted paragraph.
 */
export function alert(kind: AlertKind, text: string, lead = ''): string {
  return `> [!${kind}]\n> ${lead}${plainText(text)}`;
}

/** The summary of a failed command: one alert naming the command. */
export function commandFailure(command: string, message: string): string {
  return alert('CAUTION', message, `**iterate-campaign ${plainText(command)} failed:** `);
}

interface Combination {
  chaos_type: string;
  params: Record<string, unknown>;
}

/** A failing combination as it is named everywhere: chaos type and params in one code span. */
function combinationSpan(c: Combination): string {
  return codeSpan(describeCombination({ chaosType: c.chaos_type, params: c.params }));
}

/** Combinations left out of a retry campaign, with why. */
export function withheldNote(withheld: readonly (Combination & { reason: string })[]): string {
  if (withheld.length === 0) return '';
  const list = withheld.map((w) => `> - ${combinationSpan(w)}: ${plainText(w.reason)}.`);
  return `> [!WARNING]\n> Withheld from the retry campaign (the analysis above still counts them):\n>\n${list.join('\n')}`;
}

export interface BuiltImage {
  name: string;
  reference: string;
  digest: string;
  skipped?: boolean;
}

export function builtImagesSummary(results: readonly BuiltImage[]): string {
  const table = markdownTable(
    ['Image', 'Reference', 'Digest', 'Result'],
    results.map((r) => [
      codeSpan(r.name),
      codeSpan(r.reference),
      codeSpan(r.digest),
      r.skipped ? 'existed, not rebuilt' : 'built and pushed',
    ]),
  );
  return `### Images\n\n${table}`;
}

export interface ReconciledRetry {
  retryCampaignId: number;
  action: string;
  detail: string;
}

export function reconcileSummary(results: readonly ReconciledRetry[]): string {
  if (results.length === 0) return 'No open retry: nothing to do.';
  return markdownTable(
    ['Retry campaign', 'Action', 'Detail'],
    results.map((r) => [String(r.retryCampaignId), r.action, plainText(r.detail)]),
  );
}

export function imagePlanSummary(plan: ImagePlan, prNumber: number): string {
  const images = plan.images.map(
    (image) =>
      `${codeSpan(image.name)} → ${codeSpan(image.tag)} (${codeSpan(image.dockerfile)}, context ${codeSpan(image.context)})` +
      (image.reasons.length ? `: ${image.reasons.map(codeSpan).join(', ')}` : ''),
  );
  return joinBlocks(
    `### Image plan for PR #${prNumber}`,
    plainText(plan.summary),
    plan.images.length === 0
      ? 'Empty matrix: nothing to build.'
      : bulletList('Images to rebuild:', images),
    bulletList('Test commands:', plan.testCommands.map(codeSpan)),
  );
}

export interface RetrySummary {
  retryCampaignId: number;
  prNumber: number;
  mergeSha: string;
  previousCampaignId: number;
  /** How the previous campaign was found (e.g. "diagnosis issue #12 (series 'x')"). */
  how: string;
  campaignName: string;
  workItems: number;
  combinations: number;
  operatorImage: string;
  viaCli: boolean;
  withheld: readonly (Combination & { reason: string })[];
}

export function retrySummary(r: RetrySummary): string {
  return bulletList(`### Retry campaign ${r.retryCampaignId}`, [
    `PR #${r.prNumber} merged as ${codeSpan(r.mergeSha.slice(0, 7))}; retries campaign ${r.previousCampaignId} (${plainText(r.how)})`,
    `${codeSpan(r.campaignName)}: ${r.workItems} work item(s), ${r.combinations} combination(s)`,
    `Operator image: ${codeSpan(r.operatorImage || '(harness default)')}`,
    `Enqueued ${r.viaCli ? 'with `eval run campaign --cloud=gcp`' : 'directly (one transaction)'}`,
    ...r.withheld.map((w) => `Withheld: ${combinationSpan(w)} — ${plainText(w.reason)}`),
  ]);
}
