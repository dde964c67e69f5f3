/**
 * A small HTTP server the browser tests control: it serves the production
 * build (dist/) like any static host, plus dataset addresses that fail in
 * the ways real servers and networks fail. Started on 127.0.0.1, port 0,
 * from a test file; every request is counted by path, so a test can tell
 * whether the page retried.
 *
 *   /                    dist/index.html
 *   /<file>              dist/<file> (assets, data/gia-lam.json, …); /assets/* may be cached
 *   /fixtures/<name>     tests/fixtures/datasets/<name>, byte for byte
 *   /net/ok.json         a valid small dataset (NET_OK_DATASET)
 *   /net/404.json        404
 *   /net/500.json        500
 *   /net/html.json       200 with an HTML error page
 *   /net/hang.json       headers and a first chunk, then nothing; the socket stays open until close()
 *   /net/cut.json        half the JSON, then the socket is destroyed
 *   /net/flaky.json      the first `flakyOk` requests succeed, later ones answer 500
 *
 * A test can add or change an address with `serve` (a body) or `behave` (one of the behaviours above).
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The built page; TTHC_DIST_DIR points the server at another build (e.g. one made with NODE_ENV=production). */
export const DIST_DIR = process.env.TTHC_DIST_DIR ?? join(ROOT, 'dist');
export const FIXTURES_DIR = join(ROOT, 'tests', 'fixtures', 'datasets');

/** The dataset /net/ok.json serves: one district and one commune over two months. */
export const NET_OK_DATASET = {
  schemaVersion: 1,
  title: 'Huyện Thử Mạng – số liệu kiểm thử',
  units: [
    { id: 'h', name: 'Huyện Thử Mạng', level: 'district' },
    { id: 'x', name: 'Xã Thử Mạng', level: 'commune', parentId: 'h' },
  ],
  records: [
    {
      unitId: 'h',
      month: '2023-01',
      carriedOver: 10,
      received: 4321,
      receivedOnlineLevel3: 100,
      receivedOnlineLevel4: 200,
      resolvedEarly: 1000,
      resolvedOnTime: 3000,
      resolvedLate: 21,
      pendingWithinDeadline: 310,
      pendingOverdue: 0,
      feesVnd: 1_000_000,
    },
    {
      unitId: 'x',
      month: '2023-01',
      carriedOver: 0,
      received: 876,
      receivedOnlineLevel3: 50,
      receivedOnlineLevel4: 25,
      resolvedEarly: 100,
      resolvedOnTime: 700,
      resolvedLate: 6,
      pendingWithinDeadline: 70,
      pendingOverdue: 0,
      feesVnd: 250_000,
    },
  ],
} as const;

export type Behaviour = 'ok' | '404' | '500' | 'html' | 'hang' | 'cut' | 'flaky';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const HTML_ERROR_PAGE = `<!doctype html>
<html><head><title>502 Bad Gateway</title></head>
<body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>
`;

export interface TestServer {
  /** e.g. http://127.0.0.1:41234/ (with the trailing slash, like inject('baseUrl')). */
  readonly url: string;
  readonly origin: string;
  /** Requests received for a path (no query), since the start or the last resetCounts(). */
  count(path: string): number;
  resetCounts(): void;
  /** Every request path received, in order. */
  readonly requests: readonly string[];
  /** How many requests of /net/flaky.json succeed before it starts failing (default 1); resets its count. */
  setFlaky(okCount: number): void;
  /** Serve a fixed body at a path (JSON-encoded when not a string). */
  serve(path: string, body: unknown, options?: { status?: number; contentType?: string }): void;
  /** Give a path one of the built-in behaviours. */
  behave(path: string, behaviour: Behaviour): void;
  /** Stops the server, closing every open socket (the hanging ones too). */
  close(): Promise<void>;
}

interface Fixed {
  status: number;
  contentType: string;
  body: Buffer;
}

export async function startTestServer(): Promise<TestServer> {
  const counts = new Map<string, number>();
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const fixed = new Map<string, Fixed>();
  const behaviours = new Map<string, Behaviour>([
    ['/net/ok.json', 'ok'],
    ['/net/404.json', '404'],
    ['/net/500.json', '500'],
    ['/net/html.json', 'html'],
    ['/net/hang.json', 'hang'],
    ['/net/cut.json', 'cut'],
    ['/net/flaky.json', 'flaky'],
  ]);
  let flakyOk = 1;
  const okBody = Buffer.from(JSON.stringify(NET_OK_DATASET, null, 2));

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const n = (counts.get(path) ?? 0) + 1;
    counts.set(path, n);
    requests.push(path);

    const own = fixed.get(path);
    if (own) {
      res.writeHead(own.status, { 'Content-Type': own.contentType, 'Cache-Control': 'no-store' });
      res.end(own.body);
      return;
    }
    const behaviour = behaviours.get(path);
    if (behaviour) {
      act(behaviour, n, res);
      return;
    }
    if (path.startsWith('/fixtures/')) {
      await sendFile(res, FIXTURES_DIR, path.slice('/fixtures/'.length), 'application/json; charset=utf-8', 'no-store');
      return;
    }
    // Hashed asset names change with their content, so they may be cached like on a real host;
    // everything else is fetched afresh, so a test sees every request.
    const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-store';
    await sendFile(res, DIST_DIR, path === '/' ? 'index.html' : path.slice(1), undefined, cache);
  };

  const act = (behaviour: Behaviour, n: number, res: ServerResponse) => {
    const noStore = { 'Cache-Control': 'no-store' };
    switch (behaviour) {
      case 'ok':
        res.writeHead(200, { 'Content-Type': CONTENT_TYPES['.json'], ...noStore });
        res.end(okBody);
        return;
      case '404':
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...noStore });
        res.end('Not found');
        return;
      case '500':
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', ...noStore });
        res.end('Internal server error');
        return;
      case 'html':
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...noStore });
        res.end(HTML_ERROR_PAGE);
        return;
      case 'hang':
        // Headers and a first chunk go out, then nothing: the socket stays open until close().
        res.writeHead(200, { 'Content-Type': CONTENT_TYPES['.json'], ...noStore });
        res.write(okBody.subarray(0, 20));
        return;
      case 'cut': {
        // The full length is announced, half is sent, then the connection drops.
        res.writeHead(200, {
          'Content-Type': CONTENT_TYPES['.json'],
          'Content-Length': String(okBody.length),
          ...noStore,
        });
        res.write(okBody.subarray(0, Math.floor(okBody.length / 2)), () => res.socket?.destroy());
        return;
      }
      case 'flaky':
        act(n <= flakyOk ? 'ok' : '500', n, res);
        return;
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(String(e));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/`,
    origin,
    count: (path) => counts.get(path) ?? 0,
    resetCounts: () => {
      counts.clear();
      requests.length = 0;
    },
    requests,
    setFlaky: (okCount) => {
      flakyOk = okCount;
      counts.delete('/net/flaky.json');
    },
    serve: (path, body, options = {}) => {
      fixed.set(path, {
        status: options.status ?? 200,
        contentType: options.contentType ?? CONTENT_TYPES['.json'] ?? 'application/json',
        body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
      });
    },
    behave: (path, behaviour) => {
      fixed.delete(path);
      behaviours.set(path, behaviour);
    },
    close: () =>
      new Promise<void>((ok) => {
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** A file under `dir`, never outside it; 404 when there is none. */
async function sendFile(
  res: ServerResponse,
  dir: string,
  relative: string,
  contentType: string | undefined,
  cacheControl: string,
) {
  const base = resolve(dir);
  const full = resolve(base, normalize(relative));
  if (full !== base && !full.startsWith(base + sep)) {
    res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Forbidden');
    return;
  }
  try {
    const info = await stat(full);
    if (!info.isFile()) throw new Error('not a file');
    const body = await readFile(full);
    res.writeHead(200, {
      'Content-Type': contentType ?? CONTENT_TYPES[extname(full).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': String(body.length),
      'Cache-Control': cacheControl,
    });
    res.end(body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found');
  }
}
