// Keyboard-only helpers: Tab / Shift+Tab / Enter / Space and typing, never
// the mouse. Every step asserts that the focused element has a visible focus
// indicator and that focus moves forward in reading order.
import assert from 'node:assert/strict';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), '
  + 'select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

// Before any element on the page has focus, remember how each focusable
// element looks without focus, so the focused look can be compared with it.
export async function recordUnfocusedStyles(page) {
  await page.evaluate((selector) => {
    const styles = new Map();
    const look = (el) => {
      const s = getComputedStyle(el);
      return {
        outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
        boxShadow: s.boxShadow,
        background: s.backgroundColor,
        border: `${s.borderTopColor} ${s.borderTopWidth}`,
        textDecoration: s.textDecorationLine + ' ' + s.textDecorationThickness,
      };
    };
    for (const el of document.querySelectorAll(selector)) styles.set(el, look(el));
    const main = document.getElementById('main');
    if (main) styles.set(main, look(main));
    window.__e2eUnfocused = styles;
    window.__e2eLook = look;
  }, FOCUSABLE);
}

// What is focused now, where it is, and whether its focus is visible.
export async function focusState(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    const before = window.__e2eUnfocused && window.__e2eUnfocused.get(el);
    const now = window.__e2eLook ? window.__e2eLook(el) : null;
    const outlineWidth = parseFloat(s.outlineWidth) || 0;
    const outlineVisible = s.outlineStyle !== 'none' && outlineWidth >= 2
      && !/rgba\(.*, 0\)$/.test(s.outlineColor);
    const shadowVisible = s.boxShadow !== 'none' && s.boxShadow !== '';
    const changed = before ? (before.outline !== now.outline || before.boxShadow !== now.boxShadow) : true;
    const label = (el.getAttribute('aria-label') || el.innerText || el.value || el.id || el.name || '')
      .trim().replace(/\s+/g, ' ').slice(0, 60);
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      href: el.getAttribute('href'),
      name: el.getAttribute('name'),
      type: el.getAttribute('type'),
      label,
      rect: { top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left + scrollX, right: r.right + scrollX,
        width: r.width, height: r.height },
      inViewport: r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
      outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
      boxShadow: s.boxShadow,
      visible: (outlineVisible || shadowVisible) && changed,
      changed,
      describe: `<${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.getAttribute('href') ? ' href=' + el.getAttribute('href') : ''}> "${(el.innerText || el.value || el.getAttribute('name') || '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`,
    };
  });
}

function assertVisible(state, where) {
  assert.ok(state, `${where}: nothing has focus`);
  assert.ok(state.width !== 0 || state.rect.width > 0, `${where}: ${state.describe} has no size`);
  assert.ok(state.rect.width > 0 && state.rect.height > 0, `${where}: focused ${state.describe} is invisible (zero size)`);
  assert.ok(state.inViewport, `${where}: focused ${state.describe} is not scrolled into view`);
  assert.ok(state.visible,
    `${where}: focus on ${state.describe} is not visible (outline ${state.outline}, box-shadow ${state.boxShadow}, `
    + `changed from unfocused: ${state.changed})`);
}

// b comes after a in reading order (left to right, top to bottom), with a
// little tolerance for elements on the same line of different height.
function readsAfter(a, b) {
  const slack = 4;
  if (b.rect.top >= a.rect.bottom - slack) return true;          // a later line
  const overlap = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
  if (overlap > 0) return b.rect.left >= a.rect.left - slack;     // same line, further right
  return false;
}

// A keyboard user on one page: tracks the focus path and checks every step.
export class Keyboard {
  constructor(page) {
    this.page = page;
    this.previous = null;
    this.steps = 0;
  }

  // Call after every page load (no element has focus yet).
  async newPage() {
    await recordUnfocusedStyles(this.page);
    this.previous = null;
  }

  async tab({ checkOrder = true } = {}) {
    await this.page.keyboard.press('Tab');
    this.steps += 1;
    const state = await focusState(this.page);
    if (state === null) { this.previous = null; return null; }  // past the last element
    assertVisible(state, `Tab on ${this.page.url()}`);
    if (checkOrder && this.previous) {
      assert.ok(readsAfter(this.previous, state),
        `focus order on ${this.page.url()} jumps back: from ${this.previous.describe} `
        + `(${Math.round(this.previous.rect.left)},${Math.round(this.previous.rect.top)}) to ${state.describe} `
        + `(${Math.round(state.rect.left)},${Math.round(state.rect.top)})`);
    }
    this.previous = state;
    return state;
  }

  async shiftTab() {
    await this.page.keyboard.press('Shift+Tab');
    this.steps += 1;
    const state = await focusState(this.page);
    if (state) assertVisible(state, `Shift+Tab on ${this.page.url()}`);
    this.previous = state;
    return state;
  }

  // Tab until `wanted(state)` holds; fails after `max` steps.
  async tabTo(wanted, what, max = 60) {
    for (let i = 0; i < max; i++) {
      const state = await this.tab();
      if (state && wanted(state)) return state;
    }
    assert.fail(`could not reach ${what} with Tab on ${this.page.url()} in ${max} steps`);
  }

  // All the way through the page and back: the Shift+Tab path must be the
  // exact reverse of the Tab path. Ends with focus on the first element (the
  // skip link). Returns the forward path.
  async roundTrip(max = 100) {
    const forward = [];
    for (let i = 0; i < max; i++) {
      // Past the last element chromium either leaves the page (nothing has
      // focus) or wraps to the first element; neither is an order jump.
      const wrapping = forward.length > 0
        && (await this.peekNext()) === forward[0];
      const state = await this.tab({ checkOrder: !wrapping });
      if (state === null || wrapping) break;
      forward.push(state.describe);
    }
    assert.ok(forward.length < max, `Tab never left the page on ${this.page.url()}`);
    // Back onto the last element, then all the way back to the first.
    let state = await this.shiftTab();
    if (state === null) state = await this.shiftTab();
    assert.ok(state, `Shift+Tab does not reach the page again from outside on ${this.page.url()}`);
    const backward = [state.describe];
    for (let i = 1; i < forward.length; i++) {
      state = await this.shiftTab();
      assert.ok(state, `Shift+Tab lost focus on ${this.page.url()} after ${backward.join(' ← ')}`);
      backward.push(state.describe);
    }
    assert.deepEqual(backward, [...forward].reverse(), `Shift+Tab does not retrace Tab on ${this.page.url()}`);
    return forward;
  }

  // What the next Tab would focus, by the document's own tab order rules for
  // the simple case (no positive tabindex): the first focusable element after
  // the focused one, or null at the end. Used only to recognise wrap-around.
  async peekNext() {
    return this.page.evaluate((selector) => {
      const all = [...document.querySelectorAll(selector)].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      });
      const i = all.indexOf(document.activeElement);
      if (i >= 0 && i + 1 < all.length) return 'not the end';
      const first = all[0];
      if (!first) return null;
      return `<${first.tagName.toLowerCase()}${first.id ? '#' + first.id : ''}${first.getAttribute('href') ? ' href=' + first.getAttribute('href') : ''}> "${(first.innerText || first.value || first.getAttribute('name') || '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
    }, FOCUSABLE);
  }

  async press(key) { await this.page.keyboard.press(key); this.steps += 1; }
  async type(text) { await this.page.keyboard.type(text); }
}
