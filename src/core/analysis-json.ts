import type { CampaignAnalysis } from './analysis.js';

/** Lines per chunk of the failing trials' details: a few hundred kilobytes each. */
const DETAILS_PER_CHUNK = 500;

/**
 * `JSON.stringify(analysis, null, 2)` in chunks of whole lines, so a campaign with tens of
 * thousands of failing trials is never one string of tens of megabytes (and its copy on the way
 * out). Joined with newlines, the chunks are exactly that text.
 */
export function* analysisJsonChunks(analysis: CampaignAnalysis): Generator<string> {
  const marker = `\u0000trials_detail ${Math.random()}\u0000`;
  const text = JSON.stringify({ ...analysis, trials_detail: marker }, null, 2);
  const quoted = JSON.stringify(marker);
  const at = text.indexOf(quoted);
  const details = analysis.trials_detail;
  if (at < 0 || details.length === 0) {
    yield JSON.stringify(analysis, null, 2);
    return;
  }
  // The array sits at depth 1: its items are indented by four spaces, its bracket by two.
  yield `${text.slice(0, at)}[`;
  for (let start = 0; start < details.length; start += DETAILS_PER_CHUNK) {
    const chunk = details.slice(start, start + DETAILS_PER_CHUNK).map((detail, i) => {
      const item = JSON.stringify(detail, null, 2).replaceAll('\n', '\n    ');
      return `    ${item}${start + i < details.length - 1 ? ',' : ''}`;
    });
    yield chunk.join('\n');
  }
  yield `  ]${text.slice(at + quoted.length)}`;
}
