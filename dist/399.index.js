export const id = 399;
export const ids = [399];
export const modules = {

/***/ 3399:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderAnalysisText: () => (/* binding */ renderAnalysisText)
/* harmony export */ });
/* harmony import */ var _grouping_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5414);
/* harmony import */ var _render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4063);
/* harmony import */ var _style_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5009);
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1148);




/**
 * `analyze` for a person at a terminal: the verdict first, aligned tables, one line per failed
 * trial with the command that reproduces it. No Markdown, no HTML, no hidden markers.
 */
function renderAnalysisText(analysis, style) {
    const p = (0,_style_js__WEBPACK_IMPORTED_MODULE_2__/* .painter */ .C)(style);
    const sections = [
        (0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .hangingIndent */ .XH)(headline(analysis, p), style.width, 2),
        analysis.trials
            ? (0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .renderPairs */ .a3)(summaryPairs(analysis, p), style)
            : `  ${(0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .hangingIndent */ .XH)(emptyNote(analysis), style.width - 2, 2)}`,
        comboTable(analysis, style, p),
        findings(analysis, style, p),
        coverage(analysis, style, p),
        flaky(analysis, style, p),
        notes(analysis, p, style.width),
    ];
    return sections.filter(Boolean).join('\n\n');
}
function headline(a, p) {
    const tone = a.trials === 0 ? 'warn' : a.meets_target ? 'good' : 'bad';
    const verdict = a.trials === 0 ? 'no trials' : a.meets_target ? 'target met' : 'target missed';
    return `${p.mark(tone)} ${p.bold(`Campaign ${a.campaign.id} · ${a.campaign.name}`)}: ${p.tone(tone, `${(0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(a.win_rate)} vs target ${(0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(a.target_win_rate)}, ${verdict}`)}`;
}
function emptyNote(a) {
    const w = a.work_items;
    return `No trials were recorded (${w.total} work items: ${w.pending} pending, ${w.running} running, ${w.failed} failed). There is nothing to score yet.`;
}
function seconds(value) {
    return value === null ? '—' : `${value.toFixed(1)} s`;
}
function summaryPairs(a, p) {
    const unfinished = a.work_items.pending + a.work_items.running;
    return [
        [
            'Win rate',
            `${p.bold((0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(a.win_rate))} (${a.successes}/${a.trials}) · 95% CI ${(0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(a.win_rate_ci[0])}–${(0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(a.win_rate_ci[1])}`,
        ],
        [
            'Agent win rate',
            a.agent_win_rate === null
                ? '—'
                : `${(0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(a.agent_win_rate)} (${a.agent_successes}/${a.agent_trials}), baseline trials left out`,
        ],
        ['Target', `${(0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(a.target_win_rate)}: ${(0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .targetVerdict */ .Fo)(a)}`],
        ['Outcomes', `${a.successes} success · ${a.failures} failure · ${a.timeouts} timeout`],
        [
            'Work items',
            `${a.work_items.total} total · ${a.broken_work_items.length} broken (no trial row)${a.finished ? '' : ` · ${p.tone('warn', `${unfinished} still pending or running`)}`}`,
        ],
        [
            'Detect / resolve',
            `${seconds(a.avg_time_to_detect_sec)} / ${seconds(a.avg_time_to_resolve_sec)} on average`,
        ],
        [
            'Subject',
            `${a.campaign.subject} · variant ${a.campaign.variant} · commit ${a.campaign.git_commit.slice(0, 8) || 'unknown'}`,
        ],
    ];
}
function comboTable(a, style, p) {
    if (a.by_chaos_type.length === 0)
        return '';
    const anyBroken = a.by_chaos_type.some((c) => c.broken_work_items > 0);
    const rows = a.by_chaos_type.map((c) => {
        const status = c.baseline
            ? p.dim('baseline')
            : c.trials === 0
                ? `${p.mark('warn')} no trials`
                : c.meets_target
                    ? p.mark('good')
                    : `${p.mark('bad')} retry`;
        return [
            (0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCombination */ .jU)({ chaosType: c.chaos_type, params: c.params }),
            `${c.successes}/${c.trials}`,
            c.trials ? (0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(c.win_rate) : '—',
            `${(0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(c.ci[0])}–${(0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .pct */ .Oe)(c.ci[1])}`,
            ...(anyBroken ? [c.broken_work_items ? String(c.broken_work_items) : ''] : []),
            status,
        ];
    });
    const table = (0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .renderTable */ .bo)([
        { header: 'Chaos type', flex: true },
        { header: 'Wins', align: 'right' },
        { header: 'Rate', align: 'right' },
        { header: '95% CI' },
        ...(anyBroken ? [{ header: 'Broken', align: 'right' }] : []),
        { header: 'Status' },
    ], rows, style);
    return `${p.heading('Per chaos type')}\n${table}`;
}
function findings(a, style, p) {
    if (a.findings.length === 0)
        return a.trials > 0 ? `${p.heading('Findings')}\n  No failures to diagnose.` : '';
    const details = new Map(a.trials_detail.map((t) => [t.trial_id, t]));
    const sections = a.findings.map((f, i) => finding(f, i + 1, a, details, style, p));
    return `${p.heading('Findings')}\n${sections.join('\n\n')}`;
}
function finding(f, index, a, details, style, p) {
    const where = (0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCombination */ .jU)({ chaosType: f.chaos_type, params: f.params });
    const count = f.trial_ids.length
        ? plural(f.trial_ids.length, 'trial')
        : plural(f.work_ids.length, 'work item');
    const kindTone = f.kind === 'pipeline' ? 'warn' : 'bad';
    const head = `  ${(0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .hangingIndent */ .XH)(`${p.bold(`${index}. ${f.symptom}`)} — ${where} · ${p.tone(kindTone, f.kind)} · ${count}`, style.width - 2, 5)}`;
    const about = (0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .renderPairs */ .a3)([
        ['Likely cause', f.likely_cause],
        ['Fix in', f.fix_locations.join(', ')],
    ], style, 5);
    return [head, about, evidence(f, a, details, style, p)].filter(Boolean).join('\n');
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/** One line per failed trial (and per broken work item), each with what reproduces or explains it. */
function evidence(f, a, details, style, p) {
    const rows = [];
    const shown = new Set();
    for (const id of f.trial_ids) {
        const t = details.get(id);
        if (!t?.evidence)
            continue;
        shown.add(id);
        rows.push([
            `${p.mark(t.outcome === 'timeout' ? 'warn' : 'bad')} trial ${t.trial_id}`,
            t.outcome,
            t.symptoms.join(', ') || '—',
            t.evidence.reproduce,
        ]);
    }
    const broken = new Map(a.broken_work_items.map((b) => [b.work_id, b]));
    for (const id of f.work_ids) {
        const item = broken.get(id);
        if (!item)
            continue;
        const error = (0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)(oneLine(item.error) || '(no error text)', Math.max(20, style.width - 40));
        rows.push([`${p.mark('bad')} item ${id}`, 'failed', `on ${item.worker_id ?? '—'}`, error]);
    }
    const rest = f.trial_ids.filter((id) => !shown.has(id));
    const more = rest.length
        ? `\n     ${p.dim((0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .hangingIndent */ .XH)(`…and ${plural(rest.length, 'more trial')}: ${idList(rest)}`, style.width - 5, 5))}`
        : '';
    if (!rows.length)
        return more.trimStart() ? `     ${more.trim()}` : '';
    const table = (0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .renderTable */ .bo)([
        { header: 'Trial' },
        { header: 'Outcome' },
        { header: 'Symptoms', flex: true },
        { header: 'Reproduce' },
    ], rows, style, { indent: 5, header: false });
    return `${table}${more}`;
}
function idList(ids, max = 20) {
    const shown = ids.slice(0, max).join(', ');
    return ids.length > max ? `${shown} and ${ids.length - max} more` : shown;
}
function oneLine(text) {
    return text.replace(/\s+/g, ' ').trim();
}
const COVERAGE_TONE = { missing: 'bad', insensitive: 'warn', covered: 'good' };
function coverage(a, style, p) {
    const rows = a.invariant_coverage ?? [];
    const note = a.invariant_coverage_note
        ? `  ${(0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .hangingIndent */ .XH)(p.dim(a.invariant_coverage_note), style.width - 2, 2)}`
        : '';
    if (!rows.length)
        return note ? `${p.heading('Invariant coverage')}\n${note}` : '';
    const table = (0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .renderTable */ .bo)([
        { header: 'Chaos type', flex: true },
        { header: 'Verdict' },
        { header: 'Invariants', flex: true },
        { header: 'Why', flex: true },
    ], rows.map((r) => [
        (0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCombination */ .jU)({ chaosType: r.chaos_type, params: r.params }),
        `${p.mark(COVERAGE_TONE[r.verdict])} ${r.verdict}`,
        r.invariants.map((i) => `${i.name} (${i.file}:${i.line})`).join(', ') || '—',
        r.reason,
    ]), style);
    return [p.heading('Invariant coverage'), table, note].filter(Boolean).join('\n');
}
function flaky(a, style, p) {
    const rows = (a.flaky ?? []).filter((f) => f.flaky);
    if (!rows.length)
        return '';
    const lines = rows.map((f) => {
        const history = f.campaigns.map((c) => `${c.successes}/${c.trials}`).join(' → ');
        const where = (0,_grouping_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCombination */ .jU)({ chaosType: f.chaos_type, params: f.params });
        const text = `${p.mark('warn')} ${where}: ${history} over ${f.campaigns.length} campaigns, flips ${Math.round((f.flip_rate ?? 0) * 100)}% of the time`;
        return `  ${(0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .hangingIndent */ .XH)(text, style.width - 2, 4)}`;
    });
    return `${p.heading('Flaky across campaigns')} ${p.dim('(oldest first; one campaign says little here)')}\n${lines.join('\n')}`;
}
function notes(a, p, width) {
    const lines = (0,_render_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .analysisNotes */ .KQ)(a, (name) => name);
    if (!lines.length)
        return '';
    const items = lines.map((l) => `  ${(0,_table_js__WEBPACK_IMPORTED_MODULE_3__/* .hangingIndent */ .XH)(`${p.mark('info')} ${l}`, width - 2, 4)}`);
    return `${p.heading('Notes')}\n${items.join('\n')}`;
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
