// The search page: reachable from the menu, usable by keyboard without
// script, empty states that say what to do, and a query that finds nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asVisitor } from '../lib/env.mjs';

const T = { timeout: 120_000 };

// Enter in the search field is the form's own submit only: the field's
// htmx trigger is "input changed" (not also the `search` event, which
// Chromium fires on Enter and which made one Enter load the results twice,
// the second load replacing the page under axe).
test('search from the menu, with a query that finds nothing and one with odd characters', T, async () => {
  await asVisitor('visitor who searches', async (v) => {
    const { page } = v;
    await v.goto('/organisations', 'organisations');
    await v.navigates(() => page.locator('nav').getByRole('link', { name: 'Sök', exact: true }).click(), 'search (empty)');
    assert.equal(await page.locator('h1').innerText(), 'Sök');
    assert.match(await page.locator('main').innerText(), /Skriv vad du letar efter/);

    await page.getByLabel('Vad letar du efter?').fill('ordsomintefinnsnågonstans');
    await v.navigates(() => page.getByLabel('Vad letar du efter?').press('Enter'), 'search (no results)');
    assert.match(await page.locator('main').innerText(), /Vi hittade inget för ”ordsomintefinnsnågonstans”/);
    assert.match(await page.locator('main').innerText(), /Försök med färre ord/);

    await v.goto('/search?q=%22%3Cscript%3E%20-%20OR%20*', 'search (odd characters)');
    assert.match(await page.locator('main').innerText(), /Vi hittade inget för/);
  });
});
