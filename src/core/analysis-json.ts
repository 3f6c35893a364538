import type { CampaignAnalysis } from './analysis.js';

/**
 * Characters per chunk of the failing trials' details, about. Under V8's large-object size (128 KB)
 * a chunk dies young with its pieces; larger ones went to the large-object space, which only a full
 * collection empties, and 100,000 trials peaked 50 MB higher.
 */
const CHUNK_CHARS = 32_000;

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
  let chunk: string[] = [];
  let chars = 0;
  for (let i = 0; i < details.length; i++) {
    const item = `    ${JSON.stringify(details[i], null, 2).replaceAll('\n', '\n    ')}${i < details.length - 1 ? ',' : ''}`;
    chunk.push(item);
    chars += item.length + 1;
    if (chars >= CHUNK_CHARS || i === details.length - 1) {
      yield chunk.join('\n');
      chunk = [];
      chars = 0;
    }
  }
  yield `  ]${text.slice(at + quoted.length)}`;
}
