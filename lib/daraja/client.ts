/**
 * A Daraja API client: an OAuth access token (client credentials, Basic auth), cached until
 * shortly before the expiry Safaricom states (`expires_in` seconds from when it was issued) and
 * fetched again after that or once on a 401, and JSON requests with it. Shared by every Daraja
 * API the app calls (B2C payouts here; STK push can use the same client).
 */
export interface DarajaClientOptions {
  baseUrl: string;
  consumerKey: string;
  consumerSecret: string;
  /** Milliseconds since the epoch; a test passes its own clock. */
  now?: () => number;
  fetch?: typeof fetch;
}

export class DarajaError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(message);
    this.name = "DarajaError";
  }

  /** Whether the request may not have reached Safaricom's processing (retry it only after checking). */
  get uncertain(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

/** A token is renewed this long before the expiry Daraja gave it (clock skew, slow requests). */
export const TOKEN_EXPIRY_MARGIN_MS = 60_000;

export class DarajaClient {
  private token: { value: string; renewAt: number } | null = null;
  private pending: Promise<string> | null = null;
  private readonly now: () => number;
  private readonly fetchImpl: typeof fetch;
  /** How many tokens this client has fetched (tests check the cache with it). */
  tokensFetched = 0;

  constructor(private readonly options: DarajaClientOptions) {
    this.now = options.now ?? Date.now;
    this.fetchImpl = options.fetch ?? fetch;
  }

  async accessToken(): Promise<string> {
    if (this.token && this.now() < this.token.renewAt) return this.token.value;
    this.pending ??= this.fetchToken().finally(() => (this.pending = null));
    return this.pending;
  }

  private async fetchToken(): Promise<string> {
    const issuedAt = this.now();
    const basic = Buffer.from(`${this.options.consumerKey}:${this.options.consumerSecret}`).toString("base64");
    const response = await this.send(`${this.options.baseUrl}/oauth/v1/generate?grant_type=client_credentials`, {
      method: "GET",
      headers: { Authorization: `Basic ${basic}` },
    });
    const body = (await readJson(response)) as { access_token?: unknown; expires_in?: unknown };
    if (!response.ok || typeof body.access_token !== "string") {
      throw new DarajaError(`Daraja refused the access token request (${response.status})`, response.status, body);
    }
    // expires_in is a number of seconds, sent as a string ("3599"); counted from when we asked.
    const seconds = Number(body.expires_in);
    const lifetimeMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
    this.token = { value: body.access_token, renewAt: issuedAt + Math.max(0, lifetimeMs - TOKEN_EXPIRY_MARGIN_MS) };
    this.tokensFetched += 1;
    return body.access_token;
  }

  /** POSTs JSON to a Daraja API; a 401 (token revoked or expired early) is retried once with a new token. */
  async post<T>(path: string, body: object): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      const token = await this.accessToken();
      const response = await this.send(`${this.options.baseUrl}${path}`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      const answer = await readJson(response);
      if (response.status === 401 && attempt === 0) {
        this.token = null;
        continue;
      }
      if (!response.ok) {
        const detail = (answer as { errorMessage?: string } | null)?.errorMessage;
        throw new DarajaError(`Daraja ${path} answered ${response.status}${detail ? `: ${detail}` : ""}`, response.status, answer);
      }
      return answer as T;
    }
  }

  private async send(url: string, init: RequestInit): Promise<Response> {
    try {
      return await this.fetchImpl(url, { ...init, signal: AbortSignal.timeout(30_000) });
    } catch (error) {
      throw new DarajaError(`Daraja could not be reached: ${error instanceof Error ? error.message : String(error)}`, 0, null);
    }
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return { text };
  }
}

const state = globalThis as unknown as { __harambeeDaraja?: { key: string; client: DarajaClient } };

/** One client per configuration, so the token cache is shared by everything in the process. */
export function darajaClientFor(config: { baseUrl: string; consumerKey: string; consumerSecret: string }): DarajaClient {
  const key = `${config.baseUrl}\n${config.consumerKey}\n${config.consumerSecret}`;
  if (state.__harambeeDaraja?.key !== key) state.__harambeeDaraja = { key, client: new DarajaClient(config) };
  return state.__harambeeDaraja.client;
}
