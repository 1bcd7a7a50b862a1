// Challenges: a citizen finds the open challenge, logs in from its page and
// sends an idea that answers it; a coordinator creates a challenge with the
// form (an error first, nothing typed lost), publishes it, and reads the
// results of the closed demo challenge. Every page is checked with axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asVisitor, logIn } from '../lib/env.mjs';

const T = { timeout: 180_000 };
const OPEN = 'Fler unga i föreningslivet';
const DECIDED = 'Mer tid hos brukaren i hemtjänsten';

test('a citizen answers an open challenge with an idea', T, async () => {
  await asVisitor('citizen (challenge)', async (v) => {
    const { page } = v;
    await v.goto('/challenges', 'challenge list (anonymous)');
    await v.navigates(() => page.getByRole('link', { name: OPEN }).click(), 'challenge page (anonymous)');
    const main = await page.locator('main').innerText();
    assert.match(main, /Så bedöms idéerna/);
    assert.match(main, /Når nya grupper/);
    await v.navigates(() => page.getByRole('link', { name: 'Logga in', exact: true }).last().click(), 'log-in from the challenge');
    await page.getByLabel('E-postadress').fill('medborgare@example.org');
    await page.getByLabel('Lösenord', { exact: true }).fill('nyttig-demo-2026');
    await v.navigates(() => page.locator('main form button[type=submit]').click(), 'challenge page (citizen)');
    await v.navigates(() => page.getByRole('link', { name: 'Skicka in en idé' }).click(), 'idea form for the challenge');
    assert.match(await page.locator('main').innerText(), /Din idé blir ett svar på utmaningen/);
    await page.getByLabel('Rubrik').fill('Kompisbiljett till första träningen');
    await page.getByLabel('Vilket behov eller problem löser idén?').fill('Många vågar inte gå till en ny förening ensamma.');
    await page.getByLabel('Vad föreslår du?').fill('Den som redan är med får ta med en kompis gratis till första träningen.');
    await v.navigates(() => page.getByRole('button', { name: 'Skicka' }).click(), 'idea page (answering the challenge)');
    await page.getByRole('status').filter({ hasText: 'Din idé har kommit in' }).waitFor();
    assert.match(await page.locator('main').innerText(), new RegExp(`Svar på utmaningen\\s+${OPEN}`));
  });
});

test('a coordinator creates and publishes a challenge, and reads the results of a closed one', T, async () => {
  await asVisitor('coordinator (challenge)', async (v) => {
    const { page } = v;
    await logIn(v, 'anna.berg@exempelby.se');
    await v.goto('/challenges', 'challenge list (coordinator)');
    await v.navigates(() => page.getByRole('link', { name: DECIDED }).click(), 'decided challenge');
    const results = page.getByRole('region', { name: 'Resultat' });
    assert.match(await results.innerText(), /Vinnare:\s+Digitala nyckelskåp/);

    await v.goto('/challenges/new', 'challenge form');
    await page.getByLabel('Rubrik').fill('Tryggare skolvägar');
    await page.getByLabel('Kriterium 1', { exact: true }).fill('Fler barn går eller cyklar');
    await v.navigates(() => page.getByRole('button', { name: 'Spara' }).click(), 'challenge form (errors)');
    await page.locator('.error-summary').getByRole('link', { name: 'Fältet måste fyllas i' }).first().waitFor();
    assert.equal(await page.getByLabel('Rubrik').inputValue(), 'Tryggare skolvägar');
    assert.equal(await page.getByLabel('Kriterium 1', { exact: true }).inputValue(), 'Fler barn går eller cyklar');
    await page.getByLabel('Frågan').fill('Hur kan vi göra det tryggare för barn att gå och cykla till skolan?');
    await v.navigates(() => page.getByRole('button', { name: 'Spara' }).click(), 'challenge page (draft)');
    await page.getByRole('status').filter({ hasText: 'Utmaningen är sparad som utkast' }).waitFor();
    await v.navigates(() => page.getByRole('button', { name: 'Publicera utmaningen' }).click(), 'challenge page (published)');
    await page.getByRole('status').filter({ hasText: 'Utmaningen är publicerad' }).waitFor();
    assert.match(await page.locator('main').innerText(), /Öppen/);
  });
});
