import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from '../browser/chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/**
 * Builds the production bundle and serves it with `vite preview` for the
 * browser suite. A missing Chromium is a failure with instructions, never a skip.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromium = chromiumPath();
  if (!existsSync(chromium)) {
    throw new Error(
      `Chromium was not found at ${chromium}. The browser tests need it.\n` +
        'Install it with: sudo apt-get install -y chromium   (Debian/Ubuntu)\n' +
        'or point CHROMIUM_PATH at another Chromium or Chrome binary.',
    );
  }
  // vitest sets NODE_ENV=test; the suite must test what is shipped.
  const build = spawnSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error('vite build failed; the browser tests need the production build.');

  const server = spawn('node_modules/.bin/vite', ['preview', '--port', '0', '--host', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await waitForUrl(server);
  project.provide('baseUrl', url);
  return async () => {
    server.kill('SIGTERM');
  };
}

function waitForUrl(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`vite preview did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // biome-ignore lint/suspicious/noControlCharactersInRegex: strips terminal colour codes
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output.replace(/\u001b\[[0-9;]*m/g, ''));
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    server.stdout?.on('data', onData);
    server.stderr?.on('data', onData);
    server.on('exit', (code) => reject(new Error(`vite preview exited with ${code}:\n${output}`)));
  });
}
