/** A minimal client of the Saydo HTTP API: JSON in, JSON or RFC 9457 problems out. */
export interface ApiResponse<T = any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  status: number;
  headers: Headers;
  body: T;
}

export class SaydoClient {
  constructor(readonly baseUrl: string) {}

  url(path: string): string {
    return new URL(path, this.baseUrl).toString();
  }

  /** True when a Saydo API answers /health at this address. */
  async isUp(): Promise<boolean> {
    try {
      const response = await fetch(this.url('/health'), { signal: AbortSignal.timeout(2000) });
      return response.ok;
    } catch {
      return false;
    }
  }

  async get(path: string): Promise<ApiResponse> {
    return this.request('GET', path);
  }

  async post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> {
    return this.request('POST', path, body, headers);
  }

  /** A read that waits for the read models to reach `position`, retrying while they answer 503. */
  async read(path: string, position: number, attempts = 10): Promise<ApiResponse> {
    const separator = path.includes('?') ? '&' : '?';
    for (let attempt = 1; ; attempt++) {
      const response = await this.get(`${path}${separator}waitForPosition=${position}`);
      if (response.status !== 503 || attempt >= attempts) return response;
      await sleep(1000 * Number(response.headers.get('retry-after') ?? 1));
    }
  }

  private async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> {
    const response = await fetch(this.url(path), {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed };
  }
}

/** "422 idempotency-key-reused: ..." from a problem answer. */
export function describeProblem(response: ApiResponse): string {
  const problem = response.body as { type?: string; detail?: string; title?: string; errors?: Array<{ field: string; message: string }> } | string | null;
  if (!problem || typeof problem !== 'object') return `${response.status} ${String(problem ?? '')}`.trim();
  const slug = problem.type?.split('/').pop() ?? '';
  const errors = (problem.errors ?? []).slice(0, 5).map((e) => `\n    ${e.field}: ${e.message}`).join('');
  return `${response.status} ${slug}: ${problem.detail ?? problem.title ?? ''}${errors}`;
}

export function problemSlug(response: ApiResponse): string {
  const type = (response.body as { type?: string } | null)?.type;
  return typeof type === 'string' ? type.split('/').pop()! : '';
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
