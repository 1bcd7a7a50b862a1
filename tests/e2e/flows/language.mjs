// Switching to English and back: the choice is kept in a cookie across pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { env, asVisitor } from '../lib/env.mjs';

const T = { timeout: 120_000 };

async function lang(page) {
  return page.evaluate(() => document.documentElement.lang);
}

test('switch language to English and back; the choice is remembered', T, async () => {
  await asVisitor('visitor who reads English', async (v) => {
    const { page } = v;
    await v.goto('/organisations', 'organisations');
    assert.equal(await lang(page), 'sv');
    const toEnglish = page.getByRole('link', { name: 'English' });
    assert.equal(await toEnglish.getAttribute('lang'), 'en', 'the link text is marked as English');
    await v.navigates(() => toEnglish.click(), 'organisations (English)');
    assert.equal(await lang(page), 'en');
    assert.equal(await page.locator('h1').innerText(), 'Organisations');
    const cookies = await v.context.cookies();
    assert.ok(cookies.some((c) => c.value === 'en'), 'a cookie remembers English');

    // Other pages, without ?lang=, stay in English; the forms too, with their errors.
    await v.goto('/', 'start (English)');
    assert.equal(await lang(page), 'en');
    assert.equal(await page.locator('h1').innerText(), 'New ideas put to good use');
    await v.goto('/register', 'register (English)');
    assert.equal(await lang(page), 'en');
    await v.navigates(() => page.getByRole('button', { name: 'Create account', exact: true }).click(),
      'register (English, with errors)');
    assert.equal(await page.locator('.error-summary h2').innerText(), 'There is a problem');
    await v.goto('/login', 'log-in (English)');
    await page.getByLabel('Email address').fill('nobody@example.org');
    await page.getByLabel('Password').fill('not-the-password');
    await v.navigates(() => page.getByRole('button', { name: 'Log in' }).click(), 'log-in (English, wrong password)');
    assert.match(await page.locator('.error-summary').innerText(), /email address or password is not correct/i);
    await v.goto('/accessibility', 'accessibility statement (English)');
    await v.goto('/accessibility/feedback', 'accessibility feedback (English)');
    await v.goto('/password/forgot', 'forgot password (English)');
    await v.goto('/o/exempelby-kommun/', 'organisation page (English)');
    assert.match(await page.locator('main').innerText(), /Log in to ask to join/);

    // And back to Swedish, which is remembered too.
    const toSwedish = page.getByRole('link', { name: 'Svenska' });
    assert.equal(await toSwedish.getAttribute('lang'), 'sv');
    await v.navigates(() => toSwedish.click(), 'organisation page (Swedish again)');
    assert.equal(await lang(page), 'sv');
    await v.goto('/organisations', 'organisations (Swedish again)');
    assert.equal(await lang(page), 'sv');
    assert.equal(await page.locator('h1').innerText(), 'Organisationer');
  });
});
