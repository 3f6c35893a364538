/// <reference lib="dom" />
/**
 * Renders Markdown the way GitHub shows an issue or comment body, in headless Chromium: GFM via
 * micromark (tables, strikethrough, autolinks, raw HTML like <details>), github-markdown-css in an
 * 846 px content box, and every ```mermaid block drawn by the `mermaid` npm package loaded from
 * node_modules (no network). Then measures what a reader would see.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import puppeteer, { type Browser } from 'puppeteer-core';

const require = createRequire(import.meta.url);

/** GitHub's issue and comment body width. */
export const CONTENT_WIDTH = 846;

const MERMAID_VERSIONS = {
  '10.9': require.resolve('mermaid-10/dist/mermaid.min.js'),
  '11': require.resolve('mermaid/dist/mermaid.min.js'),
} as const;
export type MermaidVersion = keyof typeof MERMAID_VERSIONS;

const CSS = readFileSync(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8');

export function chromiumPath(): string | undefined {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ];
  return candidates.find((p): p is string => Boolean(p && existsSync(p)));
}

export interface OpenBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export async function openBrowser(executablePath: string): Promise<OpenBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'render-test-chromium-'));
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    userDataDir: profile,
    timeout: 60_000,
    protocolTimeout: 60_000,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

function githubHtml(markdown: string): string {
  const body = micromark(markdown, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  });
  return `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}
body { margin: 0; background: #fff; }
.markdown-body { box-sizing: border-box; width: ${CONTENT_WIDTH}px; margin: 16px; }
</style></head><body><article class="markdown-body">${body}</article></body></html>`;
}

interface ChartBar {
  series: number;
  fill: string;
  x: number;
  /** Right edge on the page: where the bar's value is. */
  right: number;
  width: number;
  centre: number;
}

interface ChartLabel {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface RenderedChart {
  error?: string;
  bars: ChartBar[];
  labels: ChartLabel[];
  svg: { left: number; right: number; top: number; bottom: number };
}

export interface RenderedPage {
  charts: RenderedChart[];
  tables: { headers: string[]; rows: string[][] }[];
  codeBlocks: { scrollWidth: number; text: string }[];
  /** Text of the inline code spans, as shown. */
  codeSpans: string[];
  notes: { text: string; top: number }[];
  firstTableTop: number | null;
  contentWidth: number;
  height: number;
}

/** Loads the page, draws every Mermaid block with the given version and measures the result. */
export async function renderPage(
  open: OpenBrowser,
  markdown: string,
  version: MermaidVersion,
  screenshot?: string,
): Promise<RenderedPage> {
  const page = await open.browser.newPage();
  try {
    page.setDefaultTimeout(60_000);
    await page.setViewport({ width: CONTENT_WIDTH + 32, height: 900 });
    // Nothing may come from the network: GitHub's page is simulated entirely from local files.
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      void (request.url().startsWith('data:') ? request.continue() : request.abort());
    });
    await page.setContent(githubHtml(markdown), { waitUntil: 'load' });
    await page.addScriptTag({ content: readFileSync(MERMAID_VERSIONS[version], 'utf8') });
    const charts = await page.evaluate(drawMermaidBlocks);
    const measured = await page.evaluate(measurePage);
    if (screenshot) {
      const hosts = await page.$$('.mermaid-host');
      for (const [i, host] of hosts.entries()) {
        await host.screenshot({ path: screenshot.replace(/\.png$/, `-chart-${i + 1}.png`) });
      }
      await page.screenshot({
        path: screenshot,
        clip: { x: 0, y: 0, width: CONTENT_WIDTH + 32, height: Math.min(measured.height, 12_000) },
        captureBeyondViewport: true,
      });
    }
    return { ...measured, charts };
  } finally {
    await page.close();
  }
}

/* The functions below run inside the page. */

declare const mermaid: {
  initialize(config: object): void;
  render(id: string, text: string): Promise<{ svg: string }>;
};

async function drawMermaidBlocks(): Promise<RenderedChart[]> {
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  const blocks = [...document.querySelectorAll('pre > code.language-mermaid')];
  const charts: RenderedChart[] = [];
  for (const [index, code] of blocks.entries()) {
    const host = document.createElement('div');
    host.className = 'mermaid-host';
    code.parentElement!.replaceWith(host);
    try {
      const { svg } = await mermaid.render(`chart-${index}`, code.textContent ?? '');
      host.innerHTML = svg;
    } catch (error) {
      charts.push({
        error: String(error),
        bars: [],
        labels: [],
        svg: { left: 0, right: 0, top: 0, bottom: 0 },
      });
      continue;
    }
    const svg = host.querySelector('svg')!;
    const box = svg.getBoundingClientRect();
    const bars = [...svg.querySelectorAll('g[class^="bar-plot-"] rect')].map((rect) => {
      const series = Number(/bar-plot-(\d+)/.exec(rect.parentElement!.getAttribute('class')!)![1]);
      const width = Number(rect.getAttribute('width'));
      const r = rect.getBoundingClientRect();
      return {
        series,
        fill: rect.getAttribute('fill') ?? '',
        x: r.left,
        right: r.right,
        width,
        centre: r.top + r.height / 2,
      };
    });
    const labels = [
      // Category labels (left in a horizontal chart) and value tick labels (top) alike.
      ...svg.querySelectorAll(
        'g.left-axis g.label text, g.bottom-axis g.label text, g.top-axis g.label text',
      ),
    ].map((text) => {
      const r = text.getBoundingClientRect();
      return {
        text: text.textContent ?? '',
        left: r.left,
        right: r.right,
        top: r.top,
        bottom: r.bottom,
      };
    });
    charts.push({
      bars,
      labels,
      svg: { left: box.left, right: box.right, top: box.top, bottom: box.bottom },
    });
  }
  return charts;
}

function measurePage(): Omit<RenderedPage, 'charts'> {
  const article = document.querySelector('article')!;
  // A reader opens the evidence: measure (and photograph) it open.
  for (const details of article.querySelectorAll('details')) details.open = true;
  const top = article.getBoundingClientRect().top;
  const tables = [...article.querySelectorAll('table')].map((table) => ({
    headers: [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? ''),
    rows: [...table.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
    ),
  }));
  const codeBlocks = [...article.querySelectorAll('pre')].map((pre) => ({
    scrollWidth: pre.scrollWidth,
    text: (pre.textContent ?? '').slice(0, 80),
  }));
  const codeSpans = [...article.querySelectorAll(':not(pre) > code')].map(
    (c) => c.textContent ?? '',
  );
  const notes = [...article.querySelectorAll('blockquote')]
    .filter((q) => /Shortened to fit/.test(q.textContent ?? ''))
    .map((q) => ({ text: q.textContent ?? '', top: q.getBoundingClientRect().top - top }));
  const firstTable = article.querySelector('table');
  return {
    tables,
    codeBlocks,
    codeSpans,
    notes,
    firstTableTop: firstTable ? firstTable.getBoundingClientRect().top - top : null,
    contentWidth: article.clientWidth,
    height: Math.ceil(document.documentElement.scrollHeight),
  };
}
