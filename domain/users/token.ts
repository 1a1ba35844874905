import { createHmac, timingSafeEqual } from 'node:crypto';
interface TokenPayload {
  sub: string;
  exp: number;
}

/**
 * Stateless bearer tokens: base64url(JSON payload) + "." + base64url(HMAC-SHA256). Any server
 * sharing the secret can verify one without a database round trip. A token names the person only:
 * what they may do, and where, is read from their memberships on every request.
 */
export class TokenService {
  readonly #secret: string;
  readonly #ttlSeconds: number;

  constructor(secret: string, ttlSeconds: number) {
    this.#secret = secret;
    this.#ttlSeconds = ttlSeconds;
  }

  /** Issues a token for a user. */
  issue(username: string, now = Date.now()): { token: string; expiresAt: Date } {
    const exp = Math.floor(now / 1000) + this.#ttlSeconds;
    const payload = Buffer.from(JSON.stringify({ sub: username, exp } satisfies TokenPayload)).toString('base64url');
    return { token: `${payload}.${this.#sign(payload)}`, expiresAt: new Date(exp * 1000) };
  }

  /** The username a token stands for, or null when it is malformed, forged or expired. */
  verify(token: string, now = Date.now()): string | null {
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) return null;
    const expected = Buffer.from(this.#sign(payload));
    const actual = Buffer.from(signature);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
    try {
      const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenPayload;
      if (typeof data.sub !== 'string' || typeof data.exp !== 'number') return null;
      if (data.exp * 1000 <= now) return null;
      return data.sub;
    } catch {
      return null;
    }
  }

  #sign(payload: string): string {
    return createHmac('sha256', this.#secret).update(payload).digest('base64url');
  }
}
