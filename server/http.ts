import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { App } from './app.ts';

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Reads a request body, refusing more than `limit` bytes. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return 'too-large';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * The HTTP front: `/health`, `/graphql` (Yoga, with a request-size limit), and a redirect from `/`.
 * `getApp` returns null while the server is still starting (health answers 503 until then).
 */
export function createHttpServer(getApp: () => App | null, maxBodyBytes: number): Server {
  return createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const app = getApp();
      if (url.pathname === '/health') {
        return app ? sendJson(res, 200, { status: 'ok' }) : sendJson(res, 503, { status: 'starting' });
      }
      if (!app) return sendJson(res, 503, { errors: [{ message: 'Pinzhi is starting; try again in a moment' }] });
      if (url.pathname === '/') {
        res.writeHead(302, { location: '/graphql' });
        return res.end();
      }
      if (url.pathname !== '/graphql') return sendJson(res, 404, { errors: [{ message: `Nothing at ${url.pathname}; the API is at /graphql` }] });
      let body: Buffer | undefined;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        const read = await readBody(req, maxBodyBytes);
        if (read === 'too-large') {
          res.setHeader('connection', 'close');
          return sendJson(res, 413, { errors: [{ message: `Request body exceeds ${maxBodyBytes} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
        }
        body = read;
      }
      const headers = new Headers();
      for (const [key, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(key, value);
        else if (Array.isArray(value)) for (const v of value) headers.append(key, v);
      }
      const response = await app.yoga.fetch(new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`), { method: req.method, headers, body });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      if (response.body && response.headers.get('content-type')?.includes('text/event-stream')) {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
        res.end();
      } else {
        res.end(Buffer.from(await response.arrayBuffer()));
      }
    } catch (error) {
      console.error(error);
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Unexpected error' }] });
      else res.end();
    }
  });
}
