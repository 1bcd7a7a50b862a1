// Browser tests for Nyttig: runs the real `nyttig` binary against a temp data
// folder with demo content and drives Debian's chromium with playwright-core.
//
//   node tests/e2e/run.mjs path/to/nyttig        (or NYTTIG_BIN=path/to/nyttig)
//
// Every page a test visits is checked with axe-core (WCAG 2.1 A and AA).
// The server is always stopped (SIGTERM, must exit 0 within a few seconds)
// and the data folder removed, also when a test fails.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { env } from './lib/env.mjs';
import { Server } from './lib/server.mjs';
import { launchBrowser } from './lib/browser.mjs';

const binary = resolve(process.argv[2] || process.env.NYTTIG_BIN || 'build/test/src/nyttig');
if (!existsSync(binary)) {
  console.error(`nyttig binary not found: ${binary}\nusage: node tests/e2e/run.mjs path/to/nyttig`);
  process.exit(2);
}

const started = Date.now();
env.server = new Server(binary);

async function cleanup() {
  if (env.browser) await env.browser.close();
  env.browser = null;
  await env.server.cleanup();
}

// Ctrl-C or a CI timeout: stop the server and remove the folder before leaving.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => { cleanup().finally(() => process.exit(130)); });
}

before(async () => {
  await env.server.start();
  env.browser = await launchBrowser();
}, { timeout: 180_000 });

after(async () => {
  await cleanup();
  console.log(`# e2e: ${env.pagesChecked.length} page states checked with axe, `
    + `${((Date.now() - started) / 1000).toFixed(1)} s`);
});

// The flows, in the order a person would meet them. Later flows use the
// person the registration flow created.
await import('./flows/accounts.mjs');
await import('./flows/organisations.mjs');
await import('./flows/language.mjs');
await import('./flows/accessibility.mjs');
await import('./flows/keyboard.mjs');
await import('./flows/search.mjs');
await import('./flows/ideas.mjs');
await import('./flows/ideas_assessment.mjs');
await import('./flows/challenges.mjs');
await import('./flows/dialogue.mjs');
await import('./flows/pilots.mjs');
await import('./flows/surveys.mjs');
await import('./flows/knowledge.mjs');

test('the server stops cleanly on SIGTERM', async () => {
  assert.ok(env.server.running, `the server died during the tests:\n${env.server.tail()}`);
  const stopped = await env.server.stop(5000);
  assert.ok(stopped, `nyttig serve did not exit within 5 s of SIGTERM:\n${env.server.tail()}`);
  assert.equal(stopped.signal, null, `nyttig serve was ended by ${stopped.signal}:\n${env.server.tail()}`);
  assert.equal(stopped.code, 0, `nyttig serve exited with ${stopped.code} after SIGTERM:\n${env.server.tail()}`);
});
