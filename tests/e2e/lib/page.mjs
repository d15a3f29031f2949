// Helpers for the browser tests: open the playground, wait until the cluster is usable, type into the
// terminal and read what it shows (xterm's DOM renderer rows), read the map.

export async function openPlayground(context, url, { waitReady = true } = {}) {
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(url);
  if (waitReady) await page.waitForSelector('html[data-ready="1"]', { timeout: 20_000 });
  return { page, readyMs: Date.now() - t0 };
}

/** Text on the terminal screen (visible rows plus scrollback that xterm keeps in the DOM). */
export async function terminalText(page) {
  return page.evaluate(() => {
    const rows = document.querySelector('[data-testid="terminal"] .xterm-rows');
    if (!rows) return '';
    return [...rows.children].map((r) => r.textContent.replace(/\u00a0/g, ' ').trimEnd()).join('\n');
  });
}

export async function waitForTerminal(page, pattern, timeout = 15_000) {
  const re = typeof pattern === 'string' ? new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : pattern;
  const start = Date.now();
  let text = '';
  while (Date.now() - start < timeout) {
    text = await terminalText(page);
    if (re.test(text)) return text;
    await page.waitForTimeout(100);
  }
  throw new Error(`terminal never showed ${re}; it shows:\n${text}`);
}

export async function typeCommand(page, line, { enter = true } = {}) {
  await page.click('[data-testid="terminal"]');
  await page.keyboard.type(line, { delay: 5 });
  if (enter) await page.keyboard.press('Enter');
}

export async function podChips(page) {
  return page.$$eval('[data-pod]', (els) => els.map((e) => ({ key: e.dataset.pod, status: e.dataset.status, label: e.getAttribute('aria-label') })));
}

export async function waitFor(fn, what, timeout = 15_000, every = 150) {
  const start = Date.now();
  let last;
  while (Date.now() - start < timeout) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, every));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}
