import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Where `npm run build:ui` writes the admin UI (built at set-up by `npm ci`). */
export const ADMIN_UI_DIST = fileURLToPath(new URL('../admin-ui/dist/', import.meta.url));

const gzipAsync = promisify(gzip);

/**
 * The file a request path names, relative to the build folder: decoded and normalised, or null
 * when it cannot name a file there (bad escapes, NUL, backslashes, anything climbing out). The
 * normalised form is also the cache key, so one file is kept once however it is spelled.
 */
export function distPath(pathname: string): string | null {
  let relative: string;
  try {
    // /admin/<file> is <file> of the build; /m/<file> (the phone app) is m/<file>
    relative = decodeURIComponent(pathname.startsWith('/m/') ? pathname.slice(1) : pathname.slice('/admin/'.length));
  } catch {
    return null;
  }
  if (relative.includes('\0') || relative.includes('\\')) return null;
  const normal = posix.normalize(`/${relative}`).slice(1);
  return normal.split('/').includes('..') ? null : normal;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.eot': 'application/vnd.ms-fontobject',
  '.ttf': 'font/ttf',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

// The UI talks only to this server; bpmn-js sets inline styles on the diagram, and photos are shown from blob: URLs.
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

interface StaticFile {
  mtimeMs: number;
  type: string;
  body: Buffer;
  gzip: Buffer | null;
  etag: string;
}

/**
 * Serves the built admin UI under /admin and the inspector's phone app under /m (its own page,
 * service worker and manifest in the build's m/ folder; the assets are shared): hashed assets are
 * cached for a year, every other path is the single-page app's index.html (the app routes on the client). Files are read once and kept in
 * memory, gzipped when that helps.
 */
export class AdminUi {
  private readonly files = new Map<string, Promise<StaticFile | null>>();
  private readonly dir: string;

  constructor(dir: string = ADMIN_UI_DIST) {
    this.dir = dir;
  }

  async handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      res.end('Method not allowed');
      return;
    }
    if (pathname === '/admin' || pathname === '/m') {
      res.writeHead(301, { location: `${pathname}/` });
      res.end();
      return;
    }
    const phone = pathname.startsWith('/m/');
    const relative = distPath(pathname);
    const asset = relative && !relative.endsWith('/') ? await this.read(relative) : null;
    if (asset) return this.send(req, res, asset, relative!.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (relative?.startsWith('assets/')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('No such asset');
      return;
    }
    const index = await this.read(phone ? 'm/index.html' : 'index.html');
    if (!index) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The admin UI is not built yet: run `npm run build:ui` (npm ci builds it).');
      return;
    }
    this.send(req, res, index, 'no-cache');
  }

  private async read(relative: string): Promise<StaticFile | null> {
    let file = this.files.get(relative);
    // hashed assets never change; index.html and the like are looked at again after a rebuild
    if (file && !relative.startsWith('assets/')) {
      const known = await file;
      const now = await stat(join(this.dir, relative)).then((s) => s.mtimeMs, () => -1);
      if (!known || known.mtimeMs !== now) file = undefined;
    }
    if (!file) {
      file = this.load(relative);
      this.files.set(relative, file);
      // a file that is not there yet (a build under way) is looked for again next time
      file.then((f) => f ?? this.files.delete(relative), () => this.files.delete(relative));
    }
    return file;
  }

  private async load(relative: string): Promise<StaticFile | null> {
    const path = join(this.dir, relative);
    const type = TYPES[extname(path).toLowerCase()];
    if (!type) return null;
    let body: Buffer;
    let mtimeMs: number;
    try {
      [body, mtimeMs] = await Promise.all([readFile(path), stat(path).then((s) => s.mtimeMs)]);
    } catch {
      return null;
    }
    const compressible = /text|javascript|json|svg/.test(type) && body.length > 1024;
    return { mtimeMs, type, body, gzip: compressible ? await gzipAsync(body) : null, etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"` };
  }

  private send(req: IncomingMessage, res: ServerResponse, file: StaticFile, cacheControl: string): void {
    const headers: Record<string, string> = { ...SECURITY_HEADERS, 'content-type': file.type, 'cache-control': cacheControl, etag: file.etag, vary: 'accept-encoding' };
    if (req.headers['if-none-match'] === file.etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const gzip = file.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? file.gzip! : file.body;
    res.writeHead(200, { ...headers, ...(gzip ? { 'content-encoding': 'gzip' } : {}), 'content-length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
  }
}
