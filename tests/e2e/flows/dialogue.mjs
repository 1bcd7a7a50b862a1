// Dialogue: a visitor without an account opens the demo dialogue from the
// list, votes on statements by keyboard only (Tab to a button, Enter), sees
// the progress move, writes a statement of their own (first too long, which
// keeps the text and explains), and reads the results. Every page is
// checked with axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asVisitor, logIn } from '../lib/env.mjs';
import { Keyboard } from '../lib/keyboard.mjs';

const T = { timeout: 180_000 };
const QUESTION = 'Hur ska Exempelby bli en bättre plats att vara ung i?';

test('vote through a dialogue by keyboard and see the results', T, async () => {
  await asVisitor('dialogue participant', async (v) => {
    const { page } = v;
    await v.goto('/dialogues', 'dialogue list');
    await v.navigates(() => page.getByRole('link', { name: QUESTION }).click(), 'voting page');
    const main = () => page.locator('main').innerText();
    assert.match(await main(), /Du har tagit ställning till 0 av 13 påståenden/);
    const keys = new Keyboard(page);
    for (const [button, done] of [['Håller med', 1], ['Håller inte med', 2], ['Vet inte / hoppa över', 3]]) {
      await keys.newPage();
      await keys.tabTo((s) => s.tag === 'button' && s.label === button, `the ${button} button`);
      await v.navigates(() => page.keyboard.press('Enter'), `voting page after ${done} votes`);
      assert.match(await main(), new RegExp(`Du har tagit ställning till ${done} av 13`));
    }

    await v.navigates(() => page.getByRole('link', { name: 'Skriv ett eget påstående' }).click(), 'statement form');
    await page.getByLabel('Ditt påstående').fill('a'.repeat(141));
    await v.navigates(() => page.getByRole('button', { name: 'Skicka påståendet' }).click(), 'statement form (too long)');
    assert.match(await main(), /Texten får vara högst 140 tecken/);
    assert.equal(await page.getByLabel('Ditt påstående').inputValue(), 'a'.repeat(141));
    await page.getByLabel('Ditt påstående').fill('Det borde finnas fler ställen att plugga på efter skolan.');
    await v.navigates(() => page.getByRole('button', { name: 'Skicka påståendet' }).click(), 'voting page (statement sent)');
    await page.getByRole('status').filter({ hasText: 'Tack! Ditt påstående finns nu med' }).waitFor();

    await v.navigates(() => page.getByRole('link', { name: 'Se resultatet' }).click(), 'results');
    const results = await main();
    assert.match(results, /Åsiktsgrupper/);
    assert.match(results, /grupp A/);
    assert.match(results, /Det här är nästan alla överens om/);
    assert.doesNotMatch(results, /NaN|Infinity/);
    assert.ok(await page.getByRole('figure', { name: /Röster och nya deltagare per dag/ }).isVisible());
    assert.ok(await page.getByRole('figure', { name: /Åsiktskartan/ }).isVisible());
  });
});

// The moderation buttons say "Ta bort" / "Ta tillbaka" and carry the
// statement in a visually hidden span (": <statement>"). That span is
// position: absolute, so it is block-level for the accessible-name
// computation, and Chromium (like Playwright) puts a space between it and the
// visible word: the name is "Ta bort : <statement>". Match the exact name with
// that optional space rather than a substring.
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const decisionButton = (verb, statement) =>
  new RegExp(`^${verb}\\s*: ${escapeRegExp(statement)}$`);

test('a coordinator moderates a statement out of the dialogue', T, async () => {
  await asVisitor('dialogue moderator', async (v) => {
    const { page } = v;
    await logIn(v, 'anna.berg@exempelby.se');
    await v.goto('/dialogues', 'dialogue list (coordinator)');
    await v.navigates(() => page.getByRole('link', { name: QUESTION }).click(), 'voting page (coordinator)');
    await v.navigates(() => page.getByRole('link', { name: 'Moderera påståenden' }).click(), 'moderation queue');
    const statement = 'Det borde finnas en plats där unga kan laga mat ihop.';
    await v.navigates(() => page.getByRole('button', { name: decisionButton('Ta bort', statement) }).click(), 'moderation queue (removed)');
    await page.getByRole('status').filter({ hasText: 'Ditt beslut är sparat' }).waitFor();
    assert.ok(await page.getByRole('button', { name: decisionButton('Ta tillbaka', statement) }).isVisible());
  });
});
