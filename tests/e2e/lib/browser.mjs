// Debian's chromium driven by playwright-core, one fresh browser context per
// visitor, and axe-core run on every page a visitor sees.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const CHROMIUM = process.env.NYTTIG_E2E_CHROMIUM || '/usr/bin/chromium';
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function launchBrowser() {
  const profile = await mkdtemp(join(tmpdir(), 'nyttig-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // The persistent context is only the browser's anchor; visitors get their
  // own isolated contexts from the same browser.
  const browser = context.browser() ?? null;
  return {
    context,
    browser,
    async close() {
      await context.close().catch(() => {});
      await rm(profile, { recursive: true, force: true });
    },
  };
}

// A readable list of axe violations: rule, impact, what to fix, where.
export function formatViolations(violations) {
  const lines = [];
  for (const v of violations) {
    lines.push(`  - ${v.id} [${v.impact}] ${v.help}`);
    lines.push(`    ${v.helpUrl}`);
    for (const node of v.nodes.slice(0, 8)) {
      lines.push(`    at ${node.target.join(' ')}`);
      lines.push(`       ${node.html.replace(/\s+/g, ' ').slice(0, 200)}`);
      for (const line of (node.failureSummary || '').split('\n')) {
        if (line.trim()) lines.push(`       ${line.trim()}`);
      }
    }
    if (v.nodes.length > 8) lines.push(`    … and ${v.nodes.length - 8} more`);
  }
  return lines.join('\n');
}

// One person in one browser context. Every page that loads in it must be
// checked with axe before the visitor is finished; console errors (for
// example a CSP violation), failed assets and requests to other origins fail
// the test.
export class Visitor {
  constructor(anchor, baseUrl, page, context, name) {
    this.anchor = anchor;
    this.baseUrl = baseUrl;
    this.page = page;
    this.context = context;
    this.name = name;
    this.unchecked = new Set();
    this.problems = [];
    this.checkedPages = [];
  }

  static async open(anchor, baseUrl, name, { javaScript = true } = {}) {
    // Contexts from the persistent anchor share its profile; a separate
    // context per visitor keeps cookies apart.
    const context = anchor.browser
      ? await anchor.browser.newContext({ baseURL: baseUrl, javaScriptEnabled: javaScript, locale: 'sv-SE' })
      : anchor.context;
    const page = await context.newPage();
    const visitor = new Visitor(anchor, baseUrl, page, context, name);
    visitor.javaScript = javaScript;
    page.setDefaultTimeout(15_000);
    // Every document that loads (not the address changes htmx makes with
    // pushState: those are checked where the test waits for the swap).
    page.on('domcontentloaded', () => visitor.unchecked.add(page.url()));
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      // A 4xx form page (e.g. 400 after a validation error) is expected.
      if (/Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text())
          && (msg.location().url === page.url() || msg.location().url.endsWith('/favicon.ico'))) return;
      visitor.problems.push(`console error on ${page.url()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => visitor.problems.push(`script error on ${page.url()}: ${err.message}`));
    page.on('request', (req) => {
      if (!req.url().startsWith(baseUrl) && !req.url().startsWith('data:')) {
        visitor.problems.push(`request to another origin from ${page.url()}: ${req.url()}`);
      }
    });
    page.on('response', (res) => {
      if (res.request().resourceType() !== 'document' && res.status() >= 400) {
        visitor.problems.push(`asset failed (${res.status()}): ${res.url()}`);
      }
    });
    return visitor;
  }

  url(path) { return new URL(path, this.baseUrl).toString(); }
  get path() { const u = new URL(this.page.url()); return u.pathname + u.search; }

  // Runs axe (WCAG 2.1 A and AA) on the page as it is now. axe needs
  // timers, so a page without script is checked as a copy of its HTML (with
  // the same stylesheet, scripts left out) in a script-enabled twin page.
  async axe(label = this.path) {
    let target = this.page;
    let twin = null;
    if (!this.javaScript) {
      twin = await this.anchor.browser.newContext({ baseURL: this.baseUrl, locale: 'sv-SE' });
      target = await twin.newPage();
      const html = await this.page.content();
      const url = this.page.url();
      await target.route((u) => u.toString() === url, (route) => route.fulfill({
        status: 200, contentType: 'text/html; charset=utf-8', body: html }));
      await target.route('**/*.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }));
      await target.goto(url, { waitUntil: 'load' });
    }
    try {
      const results = await new AxeBuilder({ page: target }).withTags(WCAG_TAGS).analyze();
      this.checkedPages.push(label);
      this.unchecked.delete(this.page.url());
      assert.equal(results.violations.length, 0,
        `axe found ${results.violations.length} WCAG 2.1 A/AA violation(s) on "${label}" `
        + `(${this.page.url()}):\n${formatViolations(results.violations)}`);
    } finally {
      if (twin) await twin.close();
    }
  }

  async goto(path, label) {
    const res = await this.page.goto(this.url(path), { waitUntil: 'load' });
    await this.axe(label || path);
    return res;
  }

  // Runs an action that loads a new page (a submit, a link), waits for it and checks it.
  async navigates(action, label) {
    const [res] = await Promise.all([
      this.page.waitForNavigation({ waitUntil: 'load' }),
      action(),
    ]);
    await this.axe(label);
    return res;
  }

  // At the end of a test: every page seen was checked and nothing went wrong.
  async finish() {
    try {
      const missed = [...this.unchecked].filter((u) => u !== 'about:blank');
      assert.deepEqual(missed, [], `pages loaded but not checked with axe: ${missed.join(', ')}`);
      assert.deepEqual(this.problems, [], this.problems.join('\n'));
    } finally {
      if (this.context !== this.anchor.context) await this.context.close();
    }
  }
}
