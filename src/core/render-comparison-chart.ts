import type { ComparisonRow } from './compare.js';
import { describeCombination } from './grouping.js';

/** Colours of the series; the title names them because xychart has no legend. */
const BEFORE_COLOUR = '#8c959f';
const AFTER_COLOUR = '#1a7f37';
/** A real 0 %: its own series, so it never reads as a small win rate. */
const ZERO_COLOUR = '#cf222e';
const LABEL_CHARS = 48;
const ROW_HEIGHT = 20;
/** GitHub's content box is 846 px wide; Mermaid scales the chart down, never up. */
const CHART_WIDTH = 840;

/**
 * A horizontal Mermaid bar chart GitHub renders natively (xychart-beta, Mermaid 10.9 and 11): one
 * row for "before" and one for "after" per combination, each its own series and colour, every row
 * labelled with its value. xychart draws all series at each category, so each row gives the other
 * series a value far below the axis: a bar of negative width, which SVG does not draw. A rate that
 * is missing (the combination did not run) is drawn the same way and labelled "not run" — never
 * as 0%. Mermaid starts every bar a padding's width left of the axis's 0, so a real 0 % would be a
 * stub like a small rate: it is drawn in a third series of its own colour (a red stub ending at 0).
 * The axis runs to 105 so the "100" tick label is not cut at the chart's right edge.
 */
export function beforeAfterChart(rows: readonly ComparisonRow[]): string {
  if (rows.length === 0) return '';
  const hidden = -100;
  const labels: string[] = [];
  const before: number[] = [];
  const after: number[] = [];
  const zero: number[] = [];
  const bar = (side: Side) => {
    const value = percent(side);
    return value === null || value === 0 ? hidden : value;
  };
  rows.forEach((row, index) => {
    const name = chartText(
      shorten(describeCombination({ chaosType: row.chaos_type, params: row.params })),
    );
    labels.push(`"${index + 1}. ${name} · before ${rateLabel(row.before)}"`);
    labels.push(`"${index + 1}. after ${rateLabel(row.after)}"`);
    before.push(bar(row.before), hidden);
    after.push(hidden, bar(row.after));
    zero.push(percent(row.before) === 0 ? 0 : hidden, percent(row.after) === 0 ? 0 : hidden);
  });
  const config = {
    xyChart: {
      width: CHART_WIDTH,
      height: 90 + labels.length * ROW_HEIGHT,
      plotReservedSpacePercent: 40,
      xAxis: { labelFontSize: 12 },
    },
    themeVariables: {
      xyChart: { plotColorPalette: `${BEFORE_COLOUR}, ${AFTER_COLOUR}, ${ZERO_COLOUR}` },
    },
  };
  return [
    '```mermaid',
    `%%{init: ${JSON.stringify(config)}}%%`,
    'xychart-beta horizontal',
    '  title "Win rate (%) per combination: grey = before, green = after, red = 0%"',
    `  x-axis [${labels.join(', ')}]`,
    '  y-axis "Win rate (%)" 0 --> 105',
    `  bar [${before.join(', ')}]`,
    `  bar [${after.join(', ')}]`,
    `  bar [${zero.join(', ')}]`,
    '```',
  ].join('\n');
}

type Side = ComparisonRow['before'];

function percent(side: Side): number | null {
  return side.trials && side.win_rate !== null ? Math.round(side.win_rate * 100) : null;
}

function rateLabel(side: Side): string {
  const value = percent(side);
  return value === null ? 'not run' : `${value}% (${side.successes}/${side.trials})`;
}

function shorten(text: string): string {
  const chars = [...text];
  return chars.length <= LABEL_CHARS ? text : `${chars.slice(0, LABEL_CHARS - 1).join('')}…`;
}

/** Text safe inside a quoted xychart label: no quotes, no entity-like `#…;`, one line. */
function chartText(text: string): string {
  return text.replace(/"/g, "'").replace(/#/g, '＃').replace(/\s+/g, ' ');
}
