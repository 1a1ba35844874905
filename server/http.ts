import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { forkFor } from './db/orm.ts';
import { scopeOf } from '../domain/organisations/scope.ts';
import { NotFoundError, DomainError, ValidationError } from '../domain/shared/errors.ts';
import { paramsData, type Locale, type Message, type MessageData } from '../domain/shared/messages.ts';
import { render, renderedIssue } from './i18n/catalogue.ts';
import { localeFromAcceptLanguage } from './i18n/locale.ts';
import { transportMessage } from './graphql/transport.messages.ts';
import type { App } from './app.ts';
import { readChecklistById } from '../domain/checklists/checklist.service.ts';
import { readPhoto } from '../domain/photos/photo.service.ts';
import { checklistWorkbook, inspectionWorkbook } from '../domain/reports/export.service.ts';
import { findingsWorkbook } from '../domain/reports/findings-export.service.ts';
import { dashboardWorkbook, kpiWorkbook } from '../domain/reports/dashboard-export.service.ts';
import { authorize, ForbiddenError, holds, type Actor, type Permission } from '../domain/shared/access.ts';
import { etagOf, ResponseCache } from './response-cache.ts';
import { OPERATION_HEADER } from './graphql/response-meta.ts';
import { directMediaType, directParamsOf, executeDirectly } from './graphql/direct-queries.ts';
import { immutableIdentity, immutableRequestOf, ImmutableResults } from './graphql/immutable-results.ts';
import { AdminUi } from './admin-ui.ts';
import { idleCollector } from './idle-gc.ts';
import { reviewPackWorkbook } from '../domain/voice/review-pack.service.ts';

/** The language of a request's messages, from Accept-Language (Chinese by default). */
function localeOf(req: IncomingMessage): Locale {
  return localeFromAcceptLanguage(req.headers['accept-language']);
}

/** A refusal before GraphQL runs: the message in the request's language, with its code and parameters. */
function errorBody(req: IncomingMessage, message: MessageData & { message?: string }, category?: string): unknown {
  return { errors: [{ message: render(message, localeOf(req)), extensions: { ...(category ? { code: category } : {}), messageCode: message.code, params: paramsData(message.params) } }] };
}

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

/** The signed-in caller of a request, from its bearer token and their memberships now. */
async function bearerActor(app: App, req: IncomingMessage): Promise<Actor | null> {
  const header = req.headers.authorization ?? '';
  const username = header.startsWith('Bearer ') ? app.tokens.verify(header.slice(7).trim()) : null;
  return username ? app.access.actorOf(username) : null;
}

/**
 * The address a request comes from (login throttling): the socket's peer, or — behind a proxy the
 * operator trusts (TRUST_PROXY) — the first address of X-Forwarded-For.
 */
function clientAddressOf(app: App, req: IncomingMessage): string {
  const forwarded = app.config.trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',')[0].trim() : '';
  return forwarded || req.socket.remoteAddress || 'unknown';
}

/**
 * The caller a request speaks for, as a cache-key part: responses depend on who asks, in which
 * organisation and where their roles reach (so a changed membership never meets an older answer).
 */
function callerOf(actor: Actor | null): string {
  return actor ? `${actor.username}|${actor.organisationId}|${JSON.stringify(actor.reach)}` : 'anonymous';
}

/** The caller when they may read inspections (or hold `alsoFor`); answers 401 or 403 and gives null when not. */
async function mayRead(app: App, req: IncomingMessage, res: ServerResponse, alsoFor: Permission | null = null): Promise<Actor | null> {
  const actor = await bearerActor(app, req);
  if (!actor) {
    sendJson(res, 401, errorBody(req, transportMessage('request.sign_in_first')));
    return null;
  }
  if (alsoFor && holds(actor, alsoFor)) return actor;
  try {
    return authorize(actor, 'readInspections');
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    sendJson(res, 403, errorBody(req, error));
    return null;
  }
}

/**
 * Refuses a JSON body that does not parse, saying where — without echoing it back (the parser's
 * own message quotes the body).
 */
function invalidJson(req: IncomingMessage, body: Buffer | undefined): Message | null {
  if (!body || body.length === 0 || !String(req.headers['content-type'] ?? '').includes('json')) return null;
  try {
    JSON.parse(body.toString('utf8'));
    return null;
  } catch (error) {
    // the parser's reason, without the excerpt of the body it quotes
    const reason = (error as Error).message.replace(/,?\s*".*" is not valid JSON$/s, '').replace(' in JSON', '').replace(' of JSON input', ' of the body');
    return transportMessage('request.body_not_json', { reason: `${reason.charAt(0).toLowerCase()}${reason.slice(1)}` });
  }
}

function sendCached(req: IncomingMessage, res: ServerResponse, entry: { status: number; headers: Record<string, string>; body: Buffer; etag: string }, hit: boolean): void {
  const headers = { ...entry.headers, etag: entry.etag, 'cache-control': 'private, no-cache', vary: 'accept-language', 'x-pinzhi-cache': hit ? 'hit' : 'miss' };
  if (req.headers['if-none-match'] === entry.etag) {
    res.writeHead(304, { etag: entry.etag, 'cache-control': headers['cache-control'], vary: headers.vary, 'x-pinzhi-cache': headers['x-pinzhi-cache'] });
    res.end();
    return;
  }
  res.writeHead(entry.status, { ...headers, 'content-length': String(entry.body.length) });
  res.end(entry.body);
}

/**
 * The memo key of a query about immutable data, after the resolver's own access check for this
 * caller; null when the request is of another kind or the caller may not see the object (Yoga then
 * answers it as usual). Cross-origin requests are left to Yoga (their CORS headers differ).
 */
async function immutableKeyOf(app: App, req: IncomingMessage, body: Buffer | undefined, actorNow: () => Promise<Actor | null>): Promise<string | null> {
  if (req.method !== 'POST' || !body || req.headers.origin || !String(req.headers['content-type'] ?? '').includes('json')) return null;
  const request = immutableRequestOf(JSON.parse(body.toString('utf8')));
  if (!request) return null;
  const actor = await actorNow();
  try {
    const identity = await immutableIdentity({ em: forkFor(app.orm, actor), actor, limits: app.limits }, request);
    return ImmutableResults.key(identity, request, localeOf(req), String(req.headers.accept ?? ''));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return null;
  }
}

async function handleGraphQL(app: App, options: HttpOptions, cache: ResponseCache, results: ImmutableResults, req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer | undefined): Promise<void> {
  const badJson = invalidJson(req, body);
  if (badJson) return sendJson(res, 400, errorBody(req, badJson, 'BAD_REQUEST'));
  const cacheable = cache.enabled && (req.method === 'GET' || req.method === 'POST') && !String(req.headers.accept ?? '').includes('text/html');
  // answers depend on who asks and in which language
  // the caller is read once per request and handed to Yoga, however many steps ask who it is
  let actor: Promise<Actor | null> | undefined;
  const actorNow = () => (actor ??= bearerActor(app, req));
  const key = cacheable ? ResponseCache.key(req.method!, url.search, `${callerOf(await actorNow())}|${localeOf(req)}`, body) : '';
  if (cacheable) {
    const hit = cache.get(key);
    if (hit) return sendCached(req, res, hit, true);
  }
  const generation = cache.generation;
  const memoKey = results.enabled ? await immutableKeyOf(app, req, body, actorNow) : null;
  const memo = memoKey ? results.get(memoKey) : undefined;
  if (memo) {
    if (!cacheable) {
      res.writeHead(200, { ...memo.headers, 'content-length': String(memo.body.length) });
      res.end(memo.body);
      return;
    }
    const entry = { status: 200, headers: memo.headers, body: memo.body, etag: memo.etag };
    cache.set(key, generation, entry);
    return sendCached(req, res, entry, false);
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  const request = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  // a plain JSON query goes straight to Yoga's execution pipeline; anything else, or a query with errors, to Yoga
  const mediaType = options.directQueries !== false && req.method === 'POST' && body?.length ? directMediaType(req.headers) : null;
  const params = mediaType ? directParamsOf(JSON.parse(body!.toString('utf8'))) : null;
  const direct = params ? await executeDirectly(app.yoga, new Request(request, { method: 'POST', headers }), params, mediaType!, { clientAddress: clientAddressOf(app, req), actor: await actorNow() }, app.resolverHeaders) : null;
  let answer: { status: number; headers: Record<string, string>; bytes: Buffer };
  if (options.counts) options.counts[direct ? 'direct' : 'yoga']++;
  if (direct) answer = direct;
  else {
    const response = await app.yoga.fetch(request, { method: req.method, headers, body }, { clientAddress: clientAddressOf(app, req), ...(actor ? { actor: await actor } : {}) });
    if (response.body && response.headers.get('content-type')?.includes('text/event-stream')) {
      response.headers.delete(OPERATION_HEADER);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
      res.end();
      return;
    }
    // header names as node:http gives them (lower case), whatever case Yoga's response kept
    answer = { status: response.status, headers: Object.fromEntries([...response.headers].map(([name, value]) => [name.toLowerCase(), value])), bytes: Buffer.from(await response.arrayBuffer()) };
  }
  // what the request executed, whatever its content type: a mutation may have changed anything
  const { [OPERATION_HEADER]: kind, ...responseHeaders } = answer.headers;
  if (kind === 'mutation' || kind === 'subscription') cache.invalidate();
  const { bytes, status } = answer;
  const contentType = responseHeaders['content-type'] ?? '';
  if (memoKey && kind === 'query' && status === 200 && contentType.includes('json') && !('errors' in (JSON.parse(bytes.toString('utf8')) as object))) {
    results.set(memoKey, responseHeaders, bytes);
  }
  if (cacheable && kind === 'query' && status === 200 && contentType.includes('json')) {
    const entry = { status: 200, headers: { 'content-type': contentType }, body: bytes, etag: etagOf(bytes) };
    if (!('errors' in (JSON.parse(bytes.toString('utf8')) as object))) cache.set(key, generation, entry);
    return sendCached(req, res, entry, false);
  }
  res.writeHead(status, responseHeaders);
  res.end(bytes);
}

/**
 * `GET /checklists/<id>`: a stored checklist as JSON. Checklists are content-addressed and never
 * change, so the id is the ETag and the response may be kept for a year (private: it needs a token).
 */
async function serveChecklist(app: App, req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
  const actor = await mayRead(app, req, res);
  if (!actor) return;
  const etag = `"${id}"`;
  const headers = { etag, 'cache-control': 'private, max-age=31536000, immutable' };
  try {
    const { json } = await readChecklistById({ em: forkFor(app.orm, actor), actor, limits: app.limits }, id);
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': String(json.length) });
    res.end(req.method === 'HEAD' ? undefined : json);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    sendJson(res, 404, errorBody(req, error));
  }
}

/** `GET /photos/<sha256>`: an uploaded photo; content-addressed, so cacheable for a year. */
async function servePhoto(app: App, req: IncomingMessage, res: ServerResponse, sha256: string): Promise<void> {
  // whoever may upload photos sees them (frontline staff their proposals' attachments)
  const actor = await mayRead(app, req, res, 'uploadPhotos');
  if (!actor) return;
  const etag = `"${sha256}"`;
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { etag });
    res.end();
    return;
  }
  try {
    const { photo, bytes } = await readPhoto(forkFor(app.orm, actor), app.photos, sha256, actor.organisationId);
    res.writeHead(200, { etag, 'cache-control': 'private, max-age=31536000, immutable', 'content-type': photo.mime, 'x-content-type-options': 'nosniff', 'content-length': String(bytes.length) });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    sendJson(res, 404, errorBody(req, error));
  }
}

/** `GET /checklists/<id>.xlsx` and `GET /inspections/<id>.xlsx`: workbooks for field staff and managers. */
async function serveWorkbook(app: App, req: IncomingMessage, res: ServerResponse, kind: 'checklists' | 'inspections', id: string): Promise<void> {
  const actor = await mayRead(app, req, res);
  if (!actor) return;
  const em = forkFor(app.orm, actor);
  try {
    const scope = scopeOf(actor, 'readInspections');
    const { filename, bytes } = kind === 'checklists' ? await checklistWorkbook(em, id, scope) : await inspectionWorkbook(em, Number(id), scope);
    res.writeHead(200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${filename}"`,
      'content-length': String(bytes.length),
      'cache-control': kind === 'checklists' ? 'private, max-age=31536000, immutable' : 'private, no-cache',
      ...(kind === 'checklists' ? { etag: `"${id}.xlsx"` } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    sendJson(res, 404, errorBody(req, error));
  }
}

/** The findings filter of a query string, by the names the admin UI's findings page uses (`project`, `overdue=1` …). */
function findingQueryOf(params: URLSearchParams): Record<string, string | number | boolean | null> {
  const text = (name: string) => params.get(name) || null;
  const project = text('project');
  return {
    projectId: project === null ? null : /^\d{1,9}$/.test(project) ? Number(project) : -1, region: text('region'), module: text('module'), severity: text('severity'),
    status: text('status'), overdue: params.get('overdue') === '1', touchpoint: text('touchpoint'), from: text('from'), to: text('to'), sort: text('sort'),
  };
}

/**
 * A workbook made from filters in the query string: sent as an attachment that is never reused
 * (the data behind it changes); a bad filter is a 400 naming each one, and nothing is written.
 */
async function serveFilteredWorkbook(req: IncomingMessage, res: ServerResponse, make: () => Promise<{ filename: string; bytes: Uint8Array }>): Promise<void> {
  try {
    const { filename, bytes } = await make();
    res.writeHead(200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${filename}"`,
      'content-length': String(bytes.length),
      'cache-control': 'private, no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const body = errorBody(req, error, 'BAD_USER_INPUT') as { errors: { extensions: Record<string, unknown> }[] };
    body.errors[0].extensions.issues = error.issues.map((i) => renderedIssue(i, localeOf(req)));
    sendJson(res, 400, body);
  }
}

/** `GET /findings.xlsx?<the findings page's filters>`: the findings list as a workbook. */
async function serveFindingsWorkbook(app: App, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const actor = await mayRead(app, req, res);
  if (!actor) return;
  await serveFilteredWorkbook(req, res, () => findingsWorkbook(app.context(actor), findingQueryOf(url.searchParams)));
}

/**
 * `GET /reports/dashboard.xlsx` and `GET /reports/rectification-kpis.xlsx`: the dashboard and the
 * rectification KPIs as workbooks, with the dashboard's filters as query parameters (from, to,
 * module, groupBy).
 */
async function serveReport(app: App, req: IncomingMessage, res: ServerResponse, kind: 'dashboard' | 'rectification-kpis', url: URL): Promise<void> {
  const actor = await mayRead(app, req, res);
  if (!actor) return;
  const q = url.searchParams;
  const filter = { from: q.get('from') || null, to: q.get('to') || null, module: q.get('module') || null, groupBy: q.get('groupBy') || null };
  const ctx = { em: forkFor(app.orm, actor), actor, limits: app.limits };
  await serveFilteredWorkbook(req, res, () => (kind === 'dashboard' ? dashboardWorkbook(ctx, filter) : kpiWorkbook(ctx, filter)));
}

/** `GET /standards/<code>/review-pack.xlsx?since=YYYY-MM-DD`: a standard's review pack as a workbook. */
async function serveReviewPack(app: App, req: IncomingMessage, res: ServerResponse, code: string, url: URL): Promise<void> {
  const actor = await mayRead(app, req, res);
  if (!actor) return;
  try {
    await serveFilteredWorkbook(req, res, () => reviewPackWorkbook(app.context(actor), code, url.searchParams.get('since') || null));
  } catch (error) {
    if (!(error instanceof NotFoundError || error instanceof ForbiddenError)) throw error;
    sendJson(res, error instanceof NotFoundError ? 404 : 403, errorBody(req, error));
  }
}

export interface HttpOptions {
  maxBodyBytes: number;
  /** Query responses are reused for this long (and always revalidated by ETag); 0 turns it off. */
  responseCacheTtlMs: number;
  /** The most bytes of responses the cache keeps (64 MiB by default). */
  responseCacheMaxBytes?: number;
  /** Rendered answers about immutable data (checklists by id) kept for reuse: 32 MiB by default; a budget of 0 turns it off. */
  immutableResults?: ImmutableResults;
  /** A full garbage collection once requests stop for a few seconds (on by default). */
  collectWhenIdle?: boolean;
  /** where the built admin UI is (admin-ui/dist by default) */
  adminUiDir?: string;
  /** Plain JSON queries executed without Yoga's HTTP layer (on by default; see `graphql/direct-queries.ts`). */
  directQueries?: boolean;
  /** Counts GraphQL requests by the way they were answered (tests and the benchmark read it). */
  counts?: GraphQLCounts;
}

/** GraphQL requests answered without Yoga's HTTP layer, and by Yoga. */
export interface GraphQLCounts {
  direct: number;
  yoga: number;
}

/**
 * The HTTP front: `/health`, `/graphql` (Yoga behind a request-size limit and a response cache),
 * the admin UI at `/admin/`, the phone app at `/m/`, files (checklists, workbooks, photos), and a redirect from `/` to the UI. `getApp` returns null while the server is still starting (health
 * answers 503 until then).
 */
export function createHttpServer(getApp: () => App | null, options: HttpOptions): Server {
  const cache = new ResponseCache({ ttlMs: options.responseCacheTtlMs, maxBytes: options.responseCacheMaxBytes ?? 64 * 1024 * 1024, maxEntryBytes: 4 * 1024 * 1024 });
  const results = options.immutableResults ?? new ImmutableResults(32 * 1024 * 1024);
  const adminUi = new AdminUi(options.adminUiDir);
  const idle = options.collectWhenIdle === false ? null : idleCollector();
  return createServer(async (req, res) => {
    idle?.activity();
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const app = getApp();
      if (url.pathname === '/health') {
        return app ? sendJson(res, 200, { status: 'ok' }) : sendJson(res, 503, { status: 'starting' });
      }
      // the UI's files need no database: they are served while the server is still starting
      if (url.pathname === '/admin' || url.pathname.startsWith('/admin/') || url.pathname === '/m' || url.pathname.startsWith('/m/')) return await adminUi.handle(req, res, url.pathname);
      // a survey link (/s/<token>) opens the answering page of the UI, outside the signed-in shell
      if (/^\/s\/[A-Za-z0-9_-]{1,64}$/.test(url.pathname)) {
        res.writeHead(302, { location: `/admin${url.pathname}` });
        return res.end();
      }
      if (url.pathname === '/') {
        res.writeHead(302, { location: '/admin/' });
        return res.end();
      }
      if (!app) return sendJson(res, 503, errorBody(req, transportMessage('request.starting')));
      const read = req.method === 'GET' || req.method === 'HEAD';
      const checklistBook = /^\/checklists\/([0-9a-f]{64})\.xlsx$/.exec(url.pathname);
      if (checklistBook && read) return await serveWorkbook(app, req, res, 'checklists', checklistBook[1]);
      const inspectionBook = /^\/inspections\/(\d{1,9})\.xlsx$/.exec(url.pathname);
      if (inspectionBook && read) return await serveWorkbook(app, req, res, 'inspections', inspectionBook[1]);
      if (url.pathname === '/findings.xlsx' && read) return await serveFindingsWorkbook(app, req, res, url);
      const report = /^\/reports\/(dashboard|rectification-kpis)\.xlsx$/.exec(url.pathname);
      if (report && read) return await serveReport(app, req, res, report[1] as 'dashboard', url);
      const pack = /^\/standards\/([A-Za-z0-9._-]{1,64})\/review-pack\.xlsx$/.exec(url.pathname);
      if (pack && read) return await serveReviewPack(app, req, res, pack[1], url);
      const photo = /^\/photos\/([0-9a-f]{64})$/.exec(url.pathname);
      if (photo && (req.method === 'GET' || req.method === 'HEAD')) return await servePhoto(app, req, res, photo[1]);
      const checklist = /^\/checklists\/([0-9a-f]{64})$/.exec(url.pathname);
      if (checklist && (req.method === 'GET' || req.method === 'HEAD')) return await serveChecklist(app, req, res, checklist[1]);
      if (url.pathname !== '/graphql') return sendJson(res, 404, errorBody(req, transportMessage('request.nothing_here', { path: url.pathname })));
      let body: Buffer | undefined;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        const read = await readBody(req, options.maxBodyBytes);
        if (read === 'too-large') {
          res.setHeader('connection', 'close');
          return sendJson(res, 413, errorBody(req, transportMessage('request.body_too_large', { limit: options.maxBodyBytes }), 'PAYLOAD_TOO_LARGE'));
        }
        body = read;
      }
      await handleGraphQL(app, options, cache, results, req, res, url, body);
    } catch (error) {
      console.error(error);
      if (!res.headersSent) sendJson(res, 500, errorBody(req, transportMessage('request.unexpected')));
      else res.end();
    }
  });
}
