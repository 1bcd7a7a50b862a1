// What the runner sets up once and every flow uses: the server under test,
// the browser, and the people created along the way.
export const env = {
  server: null,   // lib/server.mjs Server
  browser: null,  // lib/browser.mjs launchBrowser() result
  password: 'nyttig-demo-2026',
  admin: 'karin.ek@exempelby.se',
  // Filled in by the flows, in order.
  newPerson: null,  // { name, email, password }
  pagesChecked: [],
};

import { Visitor } from './browser.mjs';

// Opens a visitor (own cookies), runs `fn`, then checks that every page it
// saw passed axe and nothing went wrong in the console; always closes it.
export async function asVisitor(name, fn, options = {}) {
  const visitor = await Visitor.open(env.browser, env.server.baseUrl, name, options);
  try {
    await fn(visitor);
    await visitor.finish();
  } finally {
    env.pagesChecked.push(...visitor.checkedPages);
    await visitor.context.close().catch(() => {});
  }
}

// Logs in through the form (pointer use is fine outside the keyboard pass).
export async function logIn(v, email, password = env.password) {
  await v.goto('/login');
  await v.page.getByLabel(/E-postadress|Email address/).fill(email);
  await v.page.getByLabel(/^(Lösenord|Password)$/).fill(password);
  await v.navigates(() => v.page.locator('main form button[type=submit]').click(), 'after log-in');
}
