// Ideas: an employee submits an idea, a coordinator moves it to assessment,
// a decision maker approves a test at the gate, and the author finds the
// move in the inbox. A citizen sends an idea through the public idea box and
// gets a receipt with a registration number. Every page is checked with axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asVisitor, logIn } from '../lib/env.mjs';

const T = { timeout: 180_000 };
const TITLE = 'Påminnelse om hämtning av grovsopor';

async function moveTo(v, stage, reason, label) {
  const { page } = v;
  const form = page.locator('form[action$="/move"]');
  await form.getByRole('radio', { name: stage, exact: true }).check();
  if (reason) await form.getByRole('textbox', { name: 'Motivering' }).fill(reason);
  await v.navigates(() => form.getByRole('button', { name: 'Flytta' }).click(), label);
  await page.getByRole('status').filter({ hasText: `Idén har gått vidare till ${stage}` }).waitFor();
}

test('an idea goes from an employee through assessment to a test, and the author is told', T, async () => {
  let ideaPath = '';
  await asVisitor('employee', async (v) => {
    const { page } = v;
    await logIn(v, 'omar.said@exempelby.se');
    await v.goto('/ideas', 'idea list');
    await v.navigates(() => page.getByRole('link', { name: 'Lämna en idé' }).first().click(), 'idea form');
    await page.getByLabel('Rubrik').fill(TITLE);
    await page.getByLabel('Vilket behov eller problem löser idén?').fill('Invånare missar hämtningen av grovsopor och ställer soporna på gatan.');
    await page.getByLabel('Vad föreslår du?').fill('Skicka ett sms två dagar före hämtningen till dem som vill.');
    await page.getByRole('checkbox', { name: 'Socialt' }).check();
    await page.getByRole('checkbox', { name: '11. Hållbara städer och samhällen' }).check();
    await v.navigates(() => page.getByRole('button', { name: 'Skicka' }).click(), 'idea page (created)');
    await page.getByRole('status').filter({ hasText: 'Din idé har kommit in' }).waitFor();
    ideaPath = new URL(page.url()).pathname;
    assert.match(await page.locator('main').innerText(), /En innovationsledare bedömer/);
  });

  await asVisitor('coordinator', async (v) => {
    await logIn(v, 'anna.berg@exempelby.se');
    await v.goto(ideaPath, 'idea page (coordinator)');
    const { page } = v;
    await v.navigates(() => page.locator('form[action$="/move"]').getByRole('button', { name: 'Flytta' }).click(), 'idea page (move without stage)');
    assert.match(await page.locator('.error-summary').innerText(), /Välj ett steg/);
    await moveTo(v, 'Bedömning', '', 'idea page (moved to assessment)');
    assert.equal(await page.getByRole('radio', { name: 'Test' }).count(), 0, 'coordinators do not decide at the gate');
    // The legal checklist (ideas_assessment) is answered before the gate to test.
    await v.goto(`${ideaPath}/assessment`, 'assessment page');
    for (const group of await page.locator('fieldset[id^="field-answer_"]').all()) {
      await group.getByRole('radio', { name: 'Inte aktuellt' }).check();
    }
    await v.navigates(() => page.getByRole('button', { name: 'Spara svaren' }).click(), 'assessment page (checklist answered)');
  });

  await asVisitor('decision maker', async (v) => {
    await logIn(v, 'lena.holm@exempelby.se');
    await v.goto(ideaPath, 'idea page (decision maker)');
    await moveTo(v, 'Test', 'Vi provar i två bostadsområden under våren.', 'idea page (moved to test)');
    assert.match(await v.page.locator('.timeline').innerText(), /Lena Holm flyttade idén från Bedömning till Test/);
  });

  await asVisitor('author again', async (v) => {
    await logIn(v, 'omar.said@exempelby.se');
    await v.goto('/inbox', 'inbox');
    const main = await v.page.locator('main').innerText();
    assert.match(main, new RegExp(`${TITLE}.*har gått vidare till Test`));
    await v.navigates(() => v.page.getByRole('button', { name: 'Markera alla som lästa' }).click(), 'inbox (read)');
    await v.goto('/me/ideas', 'my ideas');
    assert.match(await v.page.locator('main').innerText(), new RegExp(TITLE));
  });
});

test('a citizen sends an idea through the idea box and gets a registration number', T, async () => {
  await asVisitor('citizen', async (v) => {
    const { page } = v;
    await v.goto('/o/exempelby-kommun/ideas', 'idea box');
    await v.navigates(() => page.getByRole('link', { name: 'Lämna en idé' }).click(), 'box step 1');
    await v.navigates(() => page.getByRole('button', { name: 'Fortsätt' }).click(), 'box step 1 (errors)');
    assert.match(await page.locator('.error-summary').innerText(), /Skriv en rubrik/);
    await page.getByLabel('Rubrik').fill('Belysning på gångvägen till skolan');
    await page.getByLabel('Vilket behov eller problem löser idén?').fill('Det är mörkt och otryggt att gå till skolan på vintern.');
    await v.navigates(() => page.getByRole('button', { name: 'Fortsätt' }).click(), 'box step 2');
    await page.getByLabel('Vad föreslår du?').fill('Sätt upp belysning längs gångvägen.');
    await v.navigates(() => page.getByRole('button', { name: 'Fortsätt' }).click(), 'box step 3');
    await v.navigates(() => page.getByRole('button', { name: 'Fortsätt' }).click(), 'box step 4');
    await page.getByRole('radio', { name: 'Öppen för alla' }).check();
    await v.navigates(() => page.getByRole('button', { name: 'Fortsätt' }).click(), 'check your answers');
    assert.match(await page.locator('main').innerText(), /Belysning på gångvägen till skolan/);
    await v.navigates(() => page.getByRole('button', { name: 'Skicka idén' }).click(), 'receipt');
    assert.match(await page.locator('main').innerText(), /Den har nummer \d{4}-\d{4}\./);
  });
});
