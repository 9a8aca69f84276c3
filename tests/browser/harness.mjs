// The browser-test harness: starts the real `tipline serve` on a free port with a fresh
// data directory and SQLite database, runs the CLI against the same settings, and
// launches Debian's Chromium through playwright-core.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import https from 'node:https';
import { createHmac } from 'node:crypto';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
export const binary = process.env.TIPLINE_BIN ?? join(repo, 'target', 'debug', 'tipline');
export const artifacts = join(repo, 'tests', 'artifacts');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';

function freePort() {
  return new Promise((ok, fail) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
    server.on('error', fail);
  });
}

/** GET over TLS trusting only the server's dev certificate. */
export function httpsGet(url, ca) {
  return new Promise((ok, fail) => {
    https.get(url, { ca }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body }));
    }).on('error', fail);
  });
}

/** POST JSON over TLS trusting only the server's dev certificate. */
export function httpsPostJson(url, ca, payload, headers = {}) {
  return new Promise((ok, fail) => {
    const data = JSON.stringify(payload);
    const req = https.request(url, {
      method: 'POST', ca,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), ...headers },
    }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end(data);
  });
}

export class TestServer {
  static async start(extraEnv = {}) {
    if (!existsSync(binary)) throw new Error(`${binary} not built: run cargo build first`);
    const dir = mkdtempSync(join(tmpdir(), 'tipline-browser-'));
    const port = await freePort();
    const env = {
      ...process.env,
      TIPLINE_DATA_DIR: join(dir, 'data'),
      TIPLINE_DATABASE__URL: `sqlite://${join(dir, 'data', 'tipline.db')}`,
      TIPLINE_SERVER__LISTEN: `127.0.0.1:${port}`,
      TIPLINE_REDACTION__POLL_SECONDS: '1',
      // The tests lease right after forwarding; the undo window is tested in tests/api.
      TIPLINE_REVIEW__UNDO_SECONDS: '0',
      ...extraEnv,
    };
    const server = new TestServer(dir, port, env);
    server.process = spawn(binary, ['serve'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'] });
    server.log = '';
    server.process.stderr.on('data', (c) => (server.log += c));
    await server.waitHealthy();
    return server;
  }

  constructor(dir, port, env) {
    this.dir = dir;
    this.port = port;
    this.env = env;
    this.base = `https://localhost:${port}`;
  }

  get ca() {
    return readFileSync(join(this.dir, 'data', 'dev-cert.pem'));
  }

  async waitHealthy() {
    for (let i = 0; i < 300; i++) {
      try {
        if (existsSync(join(this.dir, 'data', 'dev-cert.pem'))) {
          const r = await httpsGet(`${this.base}/healthz`, this.ca);
          if (r.status === 200) return;
        }
      } catch { /* not up yet */ }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`server did not start:\n${this.log}`);
  }

  /** Runs the tipline CLI against this server's settings. */
  cli(args, input = '') {
    const r = spawnSync(binary, args, { cwd: this.dir, env: this.env, input, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`tipline ${args.join(' ')} failed: ${r.stderr}`);
    return r.stdout;
  }

  /** Adds a console user with a known password. */
  addHandler(username, role = 'handler', password = `pw-${username}-long-enough`) {
    this.cli(['handler', 'add', '--username', username, '--role', role, '--password-stdin'], `${password}\n`);
    return { username, password };
  }

  agencyToken(agency) {
    return this.cli(['agency', 'token', '--agency', agency]).trim();
  }

  async stop() {
    if (this.process && this.process.exitCode === null) {
      this.process.kill('SIGKILL');
      await new Promise((r) => this.process.once('exit', r));
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Headless Chromium as the machine allows it: no sandbox as root, no background traffic. */
export async function launchBrowser(options = {}) {
  mkdirSync(artifacts, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage',
    ],
    ...options,
  });
}

/** A browser context that accepts the generated dev certificate. */
export async function newContext(browser, options = {}) {
  return browser.newContext({ ignoreHTTPSErrors: true, ...options });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page (evaluated through DevTools, so the page policy stays as
 *  served) and fails on serious or critical violations of WCAG 2.2 AA or best practice. */
export async function assertAccessible(page, what) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
  }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`), [], `${what}: axe found serious violations`);
}

/** RFC 6238 (HMAC-SHA1, 6 digits, 30 s) from a base32 secret, at Unix time `at`. */
export function totp(secretBase32, at) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secretBase32.replace(/=+$/, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) key.push(parseInt(bits.slice(i, i + 8), 2));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30)));
  const h = createHmac('sha1', Buffer.from(key)).update(counter).digest();
  const offset = h[19] & 0xf;
  return ((h.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).toString().padStart(6, '0');
}

export const now = () => Math.floor(Date.now() / 1000);

/** Signs a new handler in through the console and sets up their authenticator (as a
 *  first sign-in must when it is required); the page is on the queue afterwards. */
export async function consoleUser(page, server, username, role = 'handler') {
  const user = server.addHandler(username, role);
  await page.goto(`${server.base}/console/login`);
  await page.fill('#username', user.username);
  await page.fill('#password', user.password);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  await page.goto(`${server.base}/console/account`);
  if (await page.$('#totp-start')) {
    await Promise.all([page.waitForNavigation(), page.click('#totp-start')]);
  }
  user.secret = (await page.textContent('#totp-secret')).trim();
  await page.fill('#code', totp(user.secret, now()));
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/totp/confirm"] button')]);
  if (await page.$('#recovery-codes')) {
    user.recovery = await page.$$eval('#recovery-codes li code', (cs) => cs.map((c) => c.textContent.trim()));
  }
  await page.goto(`${server.base}/console/queue`);
  return user;
}

/** Reloads `page` until `selector` is on it (the worker works in the background), up to
 *  100 tries 200 ms apart. */
export async function reloadUntil(page, selector) {
  for (let i = 0; i < 100 && !(await page.$(selector)); i++) {
    await new Promise((r) => setTimeout(r, 200));
    await page.reload();
  }
}

/** From the queue, opens the first tip once the worker has put it there; with
 *  `files`, waits on its page until the stripped copies of its files show. */
export async function openFirstTip(page, { files = false } = {}) {
  await reloadUntil(page, '#pending tr[data-tip]');
  await Promise.all([page.waitForNavigation(), page.click('#pending tr[data-tip] button')]);
  if (files) {
    await reloadUntil(page, 'img.attachment-preview');
  }
}

/** How far the page scrolls sideways (0 when it fits). */
export function sidewaysScroll(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** A phone-sized viewport. */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

/** A signed-in handler's session cookie (`name=value`) for the review API: the handler
 *  sets up their authenticator in the console first, as every handler must. */
export async function handlerSession(browser, server, username, role = 'handler') {
  const context = await newContext(browser);
  const page = await context.newPage();
  const user = await consoleUser(page, server, username, role);
  const cookies = await context.cookies();
  await context.close();
  const session = cookies.find((c) => c.name === '__Host-tipline_session');
  return { ...user, cookie: `${session.name}=${session.value}` };
}
