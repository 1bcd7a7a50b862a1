// Registering, logging in and out, and a wrong password.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { env, asVisitor, logIn } from '../lib/env.mjs';

const T = { timeout: 120_000 };

// The ids of the fields an error summary links to, and whether each exists.
async function summaryTargets(page) {
  return page.locator('.error-summary a').evaluateAll((links) => links.map((a) => ({
    href: a.getAttribute('href'),
    text: a.textContent.trim(),
    exists: !!document.querySelector(a.getAttribute('href')),
  })));
}

async function activeElement(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return { id: el.id, className: el.className, tag: el.tagName.toLowerCase() };
  });
}

test('register: a first attempt with errors, then an account', T, async () => {
  env.newPerson = { name: 'Elin Nyberg', email: 'elin.nyberg@exempel.se', password: 'tre gröna äpplen i maj' };
  await asVisitor('new person', async (v) => {
    const { page } = v;
    await v.goto('/');
    await v.navigates(() => page.locator('header').getByRole('link', { name: 'Skapa konto' }).click(), 'register');
    assert.equal(await page.locator('h1').innerText(), 'Skapa konto');

    await page.getByLabel('Namn').fill(env.newPerson.name);
    await page.getByLabel('E-postadress').fill('elin.nyberg@');
    await page.getByLabel('Lösenord').fill('kort');
    await v.navigates(() => page.getByRole('button', { name: 'Skapa konto' }).click(), 'register (with errors)');

    const summary = page.locator('.error-summary');
    await summary.waitFor();
    assert.equal(await summary.getByRole('heading').innerText(), 'Det finns ett problem');
    assert.match((await activeElement(page)).className, /error-summary/, 'the error summary has focus');
    const targets = await summaryTargets(page);
    assert.deepEqual(targets.map((t) => t.href), ['#field-email', '#field-password']);
    for (const t of targets) assert.ok(t.exists, `the summary links to ${t.href}, which exists`);
    assert.match(targets[0].text, /namn@exempel\.se/);
    assert.match(targets[1].text, /minst 10 tecken/);

    // Each message sits next to its field and is read out with it.
    for (const field of ['email', 'password']) {
      const input = page.locator(`#field-${field}`);
      assert.equal(await input.getAttribute('aria-invalid'), 'true', `${field} is marked invalid`);
      assert.match(await input.getAttribute('aria-describedby'), new RegExp(`error-${field}`));
      assert.ok(await page.locator(`#error-${field}`).isVisible());
    }
    // What was typed is kept, except the password.
    assert.equal(await page.locator('#field-display_name').inputValue(), env.newPerson.name);
    assert.equal(await page.locator('#field-email').inputValue(), 'elin.nyberg@');
    assert.equal(await page.locator('#field-password').inputValue(), '');

    // The summary link takes you to the field.
    await summary.getByRole('link').first().click();
    assert.equal((await activeElement(page)).id, 'field-email');

    await page.locator('#field-email').fill(env.newPerson.email);
    await page.locator('#field-password').fill(env.newPerson.password);
    await v.navigates(() => page.getByRole('button', { name: 'Skapa konto' }).click(), 'profile (welcome)');
    assert.equal(new URL(page.url()).pathname, '/profile');
    await page.getByRole('status').filter({ hasText: 'Ditt konto är skapat' }).waitFor();
    assert.ok(await page.getByRole('button', { name: 'Logga ut' }).isVisible());
    assert.ok(await page.getByText(env.newPerson.email).isVisible());
  });
});

test('log out and log in again', T, async () => {
  assert.ok(env.newPerson, 'the registration test created a person');
  await asVisitor('returning person', async (v) => {
    const { page } = v;
    await logIn(v, env.newPerson.email, env.newPerson.password);
    assert.equal(new URL(page.url()).pathname, '/');
    assert.ok(await page.getByRole('button', { name: 'Logga ut' }).isVisible());
    assert.equal(await page.locator('header').getByRole('link', { name: 'Logga in' }).count(), 0);

    await v.navigates(() => page.getByRole('button', { name: 'Logga ut' }).click(), 'start (logged out)');
    await page.getByRole('status').filter({ hasText: 'Du är utloggad' }).waitFor();
    assert.ok(await page.locator('header').getByRole('link', { name: 'Logga in' }).isVisible());
    assert.equal(await page.getByRole('button', { name: 'Logga ut' }).count(), 0);
    // The session is gone: the profile asks for a log-in again.
    await v.goto('/profile', 'profile (logged out → log-in)');
    assert.equal(new URL(page.url()).pathname, '/login');
  });
});

test('a wrong password shows an error without revealing whether the e-mail exists', T, async () => {
  await asVisitor('mistaken person', async (v) => {
    const { page } = v;
    const attempt = async (email, label) => {
      await v.goto('/login');
      await page.getByLabel('E-postadress').fill(email);
      await page.getByLabel('Lösenord').fill('fel-lösenord-123');
      await v.navigates(() => page.getByRole('button', { name: 'Logga in' }).click(), label);
      await page.locator('.error-summary').waitFor();
      assert.match((await activeElement(page)).className, /error-summary/, 'the error summary has focus');
      assert.equal(await page.locator('#field-email').inputValue(), email, 'the e-mail is kept');
      assert.equal(await page.locator('#field-password').inputValue(), '', 'the password is not');
      return {
        summary: (await page.locator('.error-summary').innerText()).trim(),
        field: (await page.locator('#error-email').innerText()).trim(),
        title: await page.title(),
      };
    };
    const known = await attempt(env.admin, 'log-in (wrong password)');
    const unknown = await attempt('ingen.alls@exempel.se', 'log-in (unknown e-mail)');
    assert.match(known.field, /E-postadressen eller lösenordet stämmer inte/);
    assert.deepEqual(unknown, known, 'a known and an unknown e-mail get the same answer');
  });
});
