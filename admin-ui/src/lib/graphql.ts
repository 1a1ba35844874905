/**
 * The admin UI's only way to the server: the public GraphQL API at /graphql, with the signed-in
 * user's bearer token. Expected failures arrive as members of a field's result union; `expect`
 * turns any member other than the wanted one into an `ApiError` carrying its kind and issues.
 * Every request names the UI's language (Accept-Language), so the server's messages arrive in it.
 */

export interface Issue {
  pointer: string;
  /** the server's stable message code (e.g. ajv.required) */
  code?: string;
  message: string;
}

/** What went wrong, as the API typed it: ValidationError, ConflictError, NotFoundError, ForbiddenError … */
export class ApiError extends Error {
  readonly kind: string;
  readonly issues: Issue[];
  readonly currentRevision: number | null;

  constructor(kind: string, message: string, issues: Issue[] = [], currentRevision: number | null = null) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.issues = issues;
    this.currentRevision = currentRevision;
  }
}

/** Selects what every error member carries (every result union has ValidationError); append to any union selection. */
export const ERROR_FIELDS = `__typename ... on Error { code message } ... on ValidationError { issues { pointer code message } }`;
/** The same for the results of writes, whose unions also have ConflictError (with the current revision). */
export const WRITE_ERROR_FIELDS = `${ERROR_FIELDS} ... on ConflictError { currentRevision }`;

/** The server's code for "sign in first": the token is missing, expired or forged. */
const SIGN_IN_FIRST = 'auth.sign_in_first';

let token: string | null = null;
let language = 'zh-CN';

/** The language the server writes its messages in: the UI's own (zh-CN or en). */
export function setLanguage(value: 'zh-CN' | 'en'): void {
  language = value;
}
let onSignedOut: () => void = () => {};

/** The bearer token sent with every request (null when signed out). */
export function setToken(value: string | null, signedOut?: () => void): void {
  token = value;
  if (signedOut) onSignedOut = signedOut;
}

export function authHeaders(): Record<string, string> {
  return { 'accept-language': language, ...(token ? { authorization: `Bearer ${token}` } : {}) };
}

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; messageCode?: string; issues?: Issue[] } }[];
}

async function send<T>(init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', { ...init, headers: { accept: 'application/json', ...authHeaders(), ...(init.headers as Record<string, string>) } });
  } catch {
    // the UI names the kind in the reader's language; there is nothing more to say
    throw new ApiError('NetworkError', '');
  }
  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError('NetworkError', `HTTP ${response.status}`);
  }
  if (body.errors?.length) {
    const first = body.errors[0];
    const code = first.extensions?.code ?? 'Error';
    if (code === 'FORBIDDEN' && first.extensions?.messageCode === SIGN_IN_FIRST) onSignedOut();
    throw new ApiError(code, body.errors.map((e) => e.message).join('; '), first.extensions?.issues ?? []);
  }
  if (!body.data) throw new ApiError('Error', `HTTP ${response.status}`);
  return body.data;
}

/** Runs a query or mutation and returns its data; transport and GraphQL errors become ApiError. */
export function request<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  return send<T>({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
}

interface Typed {
  __typename: string;
  code?: string;
  message?: string;
  issues?: Issue[];
  currentRevision?: number | null;
}

/** Returns a union member when it is the wanted type; any error member is thrown as an ApiError. */
export function expect<T extends Typed>(value: Typed, typename: T['__typename']): T {
  if (value.__typename === typename) return value as T;
  if (value.__typename === 'ForbiddenError' && value.code === SIGN_IN_FIRST) onSignedOut();
  throw new ApiError(value.__typename, value.message ?? value.__typename, value.issues ?? [], value.currentRevision ?? null);
}

/** Uploads one photo with the GraphQL multipart request spec; returns its sha256. */
export async function uploadPhoto(file: File): Promise<string> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: `mutation ($f: File!) { uploadPhoto(file: $f) { ${ERROR_FIELDS} ... on Photo { sha256 } } }`, variables: { f: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.f'] }));
  form.append('0', file, file.name);
  const data = await send<{ uploadPhoto: Typed & { sha256?: string } }>({ method: 'POST', body: form });
  return expect<Typed & { __typename: 'Photo'; sha256: string }>(data.uploadPhoto, 'Photo').sha256;
}

/** Fetches a file the API serves behind the bearer token (photos, workbooks) as a blob URL. */
export async function fetchBlobUrl(path: string): Promise<string> {
  const response = await fetch(path, { headers: authHeaders() });
  if (!response.ok) throw new ApiError('NotFoundError', `${path}: ${response.status}`);
  return URL.createObjectURL(await response.blob());
}

/** Downloads a file the API serves behind the bearer token under its own file name. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await fetch(path, { headers: authHeaders() });
  if (!response.ok) throw new ApiError('NotFoundError', `${path}: ${response.status}`);
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = decodeURIComponent(name);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
