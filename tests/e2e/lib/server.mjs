// Starts and stops the `nyttig` server under test: a temp data folder, demo
// content, a free port on loopback, and a wait for /readyz.
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export class Server {
  constructor(binary) {
    this.binary = binary;
    this.dataDir = null;
    this.child = null;
    this.exit = null;  // resolves to {code, signal} when the process ends
    this.log = [];
    this.baseUrl = null;
    this.demo = null;
  }

  // The last lines the server wrote, for failure reports.
  tail(lines = 40) {
    return this.log.join('').split('\n').slice(-lines).join('\n');
  }

  async start() {
    this.dataDir = await mkdtemp(join(tmpdir(), 'nyttig-e2e-'));
    const { stdout } = await run(this.binary, ['--data', this.dataDir, 'demo'], {
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    this.demo = JSON.parse(stdout);
    const port = await freePort();
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.child = spawn(this.binary,
      ['--data', this.dataDir, 'serve', '--listen', `127.0.0.1:${port}`, '--development'],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk) => {
      this.log.push(chunk.toString());
      if (this.log.length > 2000) this.log.splice(0, 1000);
    };
    this.child.stdout.on('data', keep);
    this.child.stderr.on('data', keep);
    this.exit = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => resolve({ code, signal }));
    });
    let exited = null;
    this.exit.then((e) => { exited = e; });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (exited) {
        throw new Error(`nyttig serve exited early (${JSON.stringify(exited)}):\n${this.tail()}`);
      }
      try {
        const res = await fetch(`${this.baseUrl}/readyz`);
        if (res.status === 200) return;
      } catch { /* not listening yet */ }
      await sleep(100);
    }
    throw new Error(`nyttig serve did not become ready within 60 s:\n${this.tail()}`);
  }

  get running() {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  // SIGTERM and wait; returns {code, signal, ms}, or null when it had to be killed.
  async stop(graceMs = 5000) {
    if (!this.child) return { code: 0, signal: null, ms: 0 };
    if (!this.running) return { ...(await this.exit), ms: 0 };
    const started = Date.now();
    this.child.kill('SIGTERM');
    const result = await Promise.race([this.exit, sleep(graceMs).then(() => null)]);
    if (result === null) {
      this.child.kill('SIGKILL');
      await this.exit;
      return null;
    }
    return { ...result, ms: Date.now() - started };
  }

  async cleanup() {
    if (this.running) await this.stop(2000);
    if (this.dataDir) await rm(this.dataDir, { recursive: true, force: true });
    this.dataDir = null;
  }
}
