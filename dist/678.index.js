export const id = 678;
export const ids = [678];
export const modules = {

/***/ 7678:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderComparisonText: () => (/* binding */ renderComparisonText)
/* harmony export */ });
/* harmony import */ var _grouping_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5414);
/* harmony import */ var _render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4063);
/* harmony import */ var _style_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5009);
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1148);




const VERDICT_TONE = {
    fixed: 'good',
    improved: 'info',
    inconclusive: 'warn',
    'still failing': 'bad',
    regressed: 'bad',
    held: 'good',
};
/** `compare` for a person at a terminal: the verdict, one aligned row per combination, what next. */
function renderComparisonText(c, context, style) {
    const p = (0,_style_js__WEBPACK_IMPORTED_MODULE_2__/* .painter */ .C)(style);
    return [
        headline(c, style, p),
        rowsTable(c.rows, style, p),
        flakyFixes(c, style, p),
        failures(c, style, p),
        images(context, style, p),
        links(c, context, style, p),
    ]
        .filter(Boolean)
        .join('\n\n');
}
function headline(c, style, p) {
    const r = c.retry;
    const tone = c.verdict === 'regressed' || r.verdict === 'missed' ? 'bad' : 'good';
    const target = (0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(c.target_win_rate);
    const status = r.verdict === 'reached'
        ? `target ${target} reached with confidence (95% lower bound ${(0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(r.ci[0])})`
        : r.verdict === 'reached-not-confident'
            ? `target ${target} reached, not yet confident: ${r.all_success_trials_needed ?? '∞'} more all-success trials needed`
            : `target ${target} missed`;
    const lines = [
        `${p.mark(tone)} ${p.bold(`Retry campaign ${c.retry_campaign_id} vs campaign ${c.previous_campaign_id}`)}: ${p.tone(tone, `${(0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(r.win_rate)} (${r.successes}/${r.trials}), ${status}`)}`,
        `  95% CI ${(0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(r.ci[0])}–${(0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(r.ci[1])} · baseline trials left out · verdict ${p.bold(c.verdict)}`,
    ];
    if (c.regressions.length) {
        const names = c.regressions.map((x) => (0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCombination */ .jU)({ chaosType: x.chaos_type, params: x.params }));
        lines.push(`  ${p.mark('bad')} ${p.tone('bad', `Regressions: ${names.join(', ')}`)}`);
    }
    return lines.map((l, i) => (0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .hangingIndent */ .XH)(l, style.width, i ? 4 : 2)).join('\n');
}
function share(side) {
    return side.trials ? `${side.successes}/${side.trials} ${(0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(side.win_rate)}` : '—';
}
function rowsTable(rows, style, p) {
    if (rows.length === 0)
        return '';
    const table = (0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .renderTable */ .bo)([
        { header: 'Chaos type', flex: true },
        { header: 'Before', align: 'right' },
        { header: 'After', align: 'right' },
        { header: 'p', align: 'right' },
        { header: 'Verdict' },
    ], rows.map((r) => [
        (0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCombination */ .jU)({ chaosType: r.chaos_type, params: r.params }),
        share(r.before),
        share(r.after),
        (r.verdict === 'regressed' ? r.p_regression : r.p_improvement).toFixed(3),
        `${p.mark(VERDICT_TONE[r.verdict])} ${p.tone(VERDICT_TONE[r.verdict], r.verdict)}${r.next_trials ? p.dim(` +${r.next_trials} trials`) : ''}`,
    ]), style);
    const note = p.dim(`  ${(0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .hangingIndent */ .XH)('p: one-sided Fisher exact test, the chance of a change at least this large if nothing changed.', style.width - 2, 2)}`);
    return `${p.heading('Per chaos type')}\n${table}\n${note}`;
}
function flakyFixes(c, style, p) {
    const lines = (c.flaky_fixes ?? []).map((f) => {
        const where = (0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCombination */ .jU)({ chaosType: f.chaos_type, params: f.params });
        const more = f.more_trials_needed === null
            ? 'no number of extra trials separates a fix from its noise'
            : f.more_trials_needed === 0
                ? 'the retry already beats its usual pass rate'
                : `${f.more_trials_needed} more all-success trials would tell a fix from noise`;
        const text = `${p.mark('warn')} ${where} is flaky (flips ${Math.round(f.flip_rate * 100)}% over ${f.campaigns} campaigns, ${Math.round(f.pooled_rate * 100)}% of its trials passed): "fixed" at ${f.retry.successes}/${f.retry.trials} may be luck; ${more}.`;
        return `  ${(0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .hangingIndent */ .XH)(text, style.width - 2, 4)}`;
    });
    return lines.join('\n');
}
function failures(c, style, p) {
    if (c.new_findings.length === 0)
        return '';
    const shown = c.new_findings.slice(0, 30);
    const lines = shown.map((f) => {
        const where = (0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCombination */ .jU)({ chaosType: f.chaos_type, params: f.params });
        const count = f.trial_ids.length
            ? `${f.trial_ids.length} trial(s)`
            : `${f.work_ids.length} work item(s)`;
        const head = `${p.mark(f.kind === 'pipeline' ? 'warn' : 'bad')} ${p.bold(f.symptom)} — ${where} · ${f.kind} · ${count}`;
        const fix = p.dim((0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .hangingIndent */ .XH)(`fix in ${f.fix_locations.join(', ')}`, style.width - 4, 4));
        return `  ${(0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .hangingIndent */ .XH)(head, style.width - 2, 4)}\n    ${fix}`;
    });
    if (c.new_findings.length > shown.length)
        lines.push(`  ${p.dim(`…and ${c.new_findings.length - shown.length} more (--json lists them all)`)}`);
    return `${p.heading('Failures in the retry')}\n${lines.join('\n')}`;
}
function images(context, style, p) {
    if (!context.images?.length)
        return '';
    const pairs = context.images.map((i) => [i.name, `${i.reference}${i.digest ? ` ${p.dim(i.digest)}` : ''}`]);
    return `${p.heading('Images tested')}\n${(0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .renderPairs */ .a3)(pairs, style)}`;
}
function links(c, context, style, p) {
    const pairs = [
        [
            'Campaigns',
            `previous ${c.previous_campaign_id} · retry ${c.retry_campaign_id} (uv run eval show ${c.retry_campaign_id} --remote)`,
        ],
    ];
    if (context.issueNumber)
        pairs.push(['Diagnosis', `issue #${context.issueNumber}`]);
    if (context.runUrl)
        pairs.push(['Full report', context.runUrl]);
    if (context.nextStep)
        pairs.push(['Next', p.bold(context.nextStep)]);
    return (0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .renderPairs */ .a3)(pairs, style);
}


/***/ }),

/***/ 5009:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ painter),
/* harmony export */   PLAIN_STYLE: () => (/* binding */ PLAIN_STYLE)
/* harmony export */ });
/* unused harmony export styleFor */
/* harmony import */ var picocolors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7336);

const PLAIN_STYLE = { color: false, symbols: false, width: 80 };
/** The decision the CLI makes for a stream: colour only on a TTY and only when NO_COLOR is unset. */
function styleFor(stream, env) {
    const tty = stream.isTTY === true;
    return {
        color: tty && !env.NO_COLOR && env.TERM !== 'dumb',
        symbols: tty,
        width: Math.max(40, stream.columns || 80),
    };
}
const SYMBOLS = {
    good: ['✓', 'ok'],
    bad: ['✗', 'FAIL'],
    warn: ['⚠', 'WARN'],
    info: ['▸', '-'],
    muted: ['·', '-'],
};
function painter(style) {
    const c = picocolors__WEBPACK_IMPORTED_MODULE_0__.createColors(style.color);
    const colorOf = {
        good: c.green,
        bad: c.red,
        warn: c.yellow,
        info: c.cyan,
        muted: c.dim,
    };
    const tone = (t, text) => colorOf[t](text);
    return {
        bold: c.bold,
        dim: c.dim,
        tone,
        mark: (t) => tone(t, SYMBOLS[t][style.symbols ? 0 : 1]),
        heading: (text) => c.bold(text),
    };
}


/***/ }),

/***/ 1148:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   XH: () => (/* binding */ hangingIndent),
/* harmony export */   a3: () => (/* binding */ renderPairs),
/* harmony export */   bo: () => (/* binding */ renderTable),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/* unused harmony exports displayWidth, wrapText */
/* harmony import */ var cli_table3__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5832);
/* harmony import */ var string_width__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4668);


const GAP = 2;
const MIN_FLEX_WIDTH = 12;
const BORDERLESS = {
    top: '',
    'top-mid': '',
    'top-left': '',
    'top-right': '',
    bottom: '',
    'bottom-mid': '',
    'bottom-left': '',
    'bottom-right': '',
    left: '',
    'left-mid': '',
    mid: '',
    'mid-mid': '',
    right: '',
    'right-mid': '',
    middle: ' '.repeat(GAP),
};
/** Display width in terminal cells: wide CJK and emoji count 2, ANSI colour codes 0. */
const displayWidth = (text) => (0,string_width__WEBPACK_IMPORTED_MODULE_1__/* ["default"] */ .A)(text);
/**
 * An aligned table without borders: a header, a rule, the rows. Flexible columns wrap (by display
 * width, never inside a grapheme) so the table fits `style.width` columns after `indent`.
 */
function renderTable(columns, rows, style, options = {}) {
    const indent = options.indent ?? 2;
    const widths = fitWidths(columns, rows, style.width - indent, options.header !== false);
    const table = new cli_table3__WEBPACK_IMPORTED_MODULE_0__({
        chars: BORDERLESS,
        style: { 'padding-left': 0, 'padding-right': 0, head: [], border: [] },
        colAligns: columns.map((c) => c.align ?? 'left'),
    });
    const rule = style.symbols ? '─' : '-';
    if (options.header !== false) {
        table.push(columns.map((c) => c.header));
        table.push(widths.map((w) => rule.repeat(w)));
    }
    for (const row of rows) {
        table.push(row.map((cell, i) => (columns[i]?.flex ? wrapText(cell, widths[i]) : cell)));
    }
    const pad = ' '.repeat(indent);
    return table
        .toString()
        .split('\n')
        .map((line) => `${pad}${line}`.trimEnd())
        .join('\n');
}
function fitWidths(columns, rows, available, header) {
    const widths = columns.map((column, i) => Math.max(header ? displayWidth(column.header) : 0, ...rows.map((row) => Math.max(0, ...(row[i] ?? '').split('\n').map(displayWidth)))));
    let excess = widths.reduce((a, b) => a + b, 0) + GAP * (columns.length - 1) - available;
    while (excess > 0) {
        let widest = -1;
        columns.forEach((column, i) => {
            if (column.flex &&
                widths[i] > MIN_FLEX_WIDTH &&
                (widest < 0 || widths[i] > widths[widest]))
                widest = i;
        });
        if (widest < 0)
            break;
        widths[widest] -= 1;
        excess -= 1;
    }
    return widths;
}
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
// eslint-disable-next-line no-control-regex
const ANSI = /(\x1b\[[0-9;]*m)/;
/** Graphemes with their display width; colour codes are zero-width tokens that are never split. */
function tokens(text) {
    const out = [];
    text.split(ANSI).forEach((part, i) => {
        if (i % 2 === 1)
            out.push({ text: part, width: 0 });
        else
            for (const { segment } of segmenter.segment(part))
                out.push({ text: segment, width: displayWidth(segment) });
    });
    return out;
}
/**
 * Breaks `text` into lines of at most `width` display cells, preferring a break after a space, a
 * comma or a hyphen in the second half of the line; a grapheme wider than the line gets a line of
 * its own. Colour codes pass through.
 */
function wrapText(text, width) {
    const lines = [];
    const join = (line) => line.map((t) => t.text).join('');
    for (const paragraph of text.split('\n')) {
        let line = [];
        let lineWidth = 0;
        for (const token of tokens(paragraph)) {
            if (token.text === ' ' && lineWidth + token.width > width) {
                lines.push(join(line).trimEnd());
                line = [];
                lineWidth = 0;
                continue;
            }
            while (lineWidth + token.width > width && line.length > 0) {
                const cut = breakPoint(line);
                lines.push(join(line.slice(0, cut)).trimEnd());
                line = line.slice(cut);
                if (line[0]?.text === ' ')
                    line = line.slice(1);
                lineWidth = line.reduce((n, t) => n + t.width, 0);
            }
            line.push(token);
            lineWidth += token.width;
        }
        lines.push(join(line).trimEnd());
    }
    return lines.join('\n');
}
function breakPoint(line) {
    for (let i = line.length - 1; i >= Math.floor(line.length / 2); i--) {
        const t = line[i].text;
        if (t === ' ' || t === ',' || t === '-')
            return i + 1;
    }
    return line.length;
}
/** Wraps to `width` cells and indents every line after the first by `indent` spaces. */
function hangingIndent(text, width, indent) {
    return wrapText(text, width)
        .split('\n')
        .join(`\n${' '.repeat(indent)}`);
}
/** Cuts `text` to `width` display cells with an ellipsis; text that fits is returned as is. */
function truncate(text, width) {
    if (displayWidth(text) <= width)
        return text;
    let out = '';
    for (const { segment } of segmenter.segment(text)) {
        if (displayWidth(out + segment) > width - 1)
            break;
        out += segment;
    }
    return `${out}…`;
}
/** `Label   value` lines with the values aligned; long values wrap under themselves. */
function renderPairs(pairs, style, indent = 2) {
    return renderTable([{ header: '' }, { header: '', flex: true }], pairs.map(([k, v]) => [k, v]), style, { indent, header: false });
}


/***/ })

};
