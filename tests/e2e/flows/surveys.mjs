// Surveys: a coordinator finds the demo citizen survey in the staff list,
// its builder page and its results (chart and table, no NaN); then a
// visitor on a phone-sized window answers it by keyboard only: one question
// per page with its progress, a number typed wrong first (the text is kept
// and the error explains), check your answers, a receipt, and a second visit
// that says the browser has already answered. Every page is checked with axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asVisitor, logIn } from '../lib/env.mjs';
import { Keyboard } from '../lib/keyboard.mjs';

const T = { timeout: 180_000 };
const TITLE = 'Biblioteket på kvällstid';
let surveyPath = null;

test('a coordinator sees the survey list, the builder and the results', T, async () => {
  await asVisitor('survey coordinator', async (v) => {
    const { page } = v;
    await logIn(v, 'anna.berg@exempelby.se');
    await v.goto('/surveys', 'survey list');
    await v.navigates(() => page.getByRole('link', { name: TITLE, exact: true }).click(), 'survey builder');
    surveyPath = v.path.replace(/\/edit$/, '');
    assert.match(surveyPath, /^\/surveys\/\d+$/);
    const main = () => page.locator('main').innerText();
    assert.match(await main(), /Enkäten har fått svar/);
    await v.navigates(() => page.getByRole('link', { name: 'Se resultat' }).click(), 'survey results');
    const results = await main();
    assert.match(results, /38 personer har svarat/);
    assert.match(results, /Medelvärde [\d,]+ \(95 % konfidensintervall/);
    assert.doesNotMatch(results, /NaN|Infinity/);
    assert.ok(await page.getByRole('figure', { name: /Hur ofta besöker du biblioteket/ }).isVisible());
  });
});

test('answer a survey on a phone by keyboard', T, async () => {
  assert.ok(surveyPath, 'the coordinator test found the survey');
  await asVisitor('survey respondent (phone)', async (v) => {
    const { page } = v;
    await page.setViewportSize({ width: 390, height: 844 });
    const keys = new Keyboard(page);
    const main = () => page.locator('main').innerText();
    const next = async (label) => {
      await keys.tabTo((s) => s.tag === 'button' && s.label === 'Fortsätt', 'the Fortsätt button');
      await v.navigates(() => page.keyboard.press('Enter'), label);
      await keys.newPage();
    };

    await v.goto(surveyPath, 'survey start (phone)');
    await keys.newPage();
    await keys.tabTo((s) => s.tag === 'a' && s.label === 'Börja svara', 'the start link');
    await v.navigates(() => page.keyboard.press('Enter'), 'question 1 (Likert)');
    await keys.newPage();
    assert.match(await main(), /Fråga 1 av 5/);
    await keys.tabTo((s) => s.type === 'radio', 'the first value');
    await page.keyboard.press('Space');
    for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowDown');
    assert.ok(await page.getByLabel('4', { exact: true }).isChecked());
    await next('question 2 (single choice)');

    assert.match(await main(), /Fråga 2 av 5/);
    await keys.tabTo((s) => s.type === 'radio', 'the first option');
    await page.keyboard.press('Space');
    await next('question 3 (number)');

    await keys.tabTo((s) => s.tag === 'input' && s.type === 'text', 'the number field');
    await page.keyboard.type('en kvart');
    await next('question 3 (not a number)');
    assert.match(await main(), /Skriv ett tal, till exempel 12 eller 3,5/);
    const field = page.getByLabel(/Hur många minuter/);
    assert.equal(await field.inputValue(), 'en kvart');
    await keys.tabTo((s) => s.tag === 'a' && /Skriv ett tal/.test(s.label), 'the error summary link');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('12');
    await keys.newPage();
    await next('question 4 (multiple choice)');

    assert.match(await main(), /Fråga 4 av 5/);
    await keys.tabTo((s) => s.type === 'checkbox', 'the first box');
    await page.keyboard.press('Space');
    await next('question 5 (free text)');

    await keys.tabTo((s) => s.tag === 'textarea', 'the text area');
    await page.keyboard.type('Gärna öppet på lördagar också.');
    await next('check your answers');
    const check = await main();
    assert.match(check, /Kontrollera dina svar/);
    assert.match(check, /4 av 5/);
    assert.match(check, /Varje vecka/);
    assert.match(check, /Gärna öppet på lördagar också\./);

    await keys.tabTo((s) => s.tag === 'button' && s.label === 'Skicka svaren', 'the send button');
    await v.navigates(() => page.keyboard.press('Enter'), 'receipt');
    assert.match(await main(), /Tack! Dina svar har kommit in\.\s+Ditt kvittonummer är 2026-\d{5}/);

    await v.goto(surveyPath, 'survey start (already answered)');
    assert.match(await main(), /Du har redan svarat på enkäten/);
  });
});
