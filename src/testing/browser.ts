import type { App } from '#src/app.ts';

/**
 * A tiny in-process browser over `app.request()`: keeps cookies, repeats the CSRF token in
 * forms like a real page does, and never follows redirects (tests assert them).
 * @example const b = new TestBrowser(app); await b.get('/'); const res = await b.post('/dang-nhap', { email, password })
 */
export class TestBrowser {
  cookies = new Map<string, string>();
  /**
   * @param address the client's address, as the trusted proxy of the test runtime reports it
   *   (X-Forwarded-For); left out, every browser comes from the same in-process address.
   */
  constructor(
    readonly app: App,
    readonly address?: string,
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      const expired = attrs.some((a) => /max-age=0/i.test(a.trim())) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', this.cookieHeader());
    if (this.address && !headers.has('x-forwarded-for')) headers.set('x-forwarded-for', this.address);
    const res = await this.app.request(path, { ...init, headers });
    this.remember(res);
    return res;
  }

  get(path: string) {
    return this.request(path);
  }

  /** The CSRF token the site gave this browser (visiting a page with a form first if needed). */
  async csrfToken(): Promise<string> {
    if (!this.cookies.has('kn_csrf')) await this.get('/dang-nhap');
    return decodeURIComponent(this.cookies.get('kn_csrf') ?? '');
  }

  /** Submits a form as a browser would (urlencoded), with the CSRF token unless told otherwise. */
  async post(path: string, fields: Record<string, string | string[]> = {}, { csrf = true } = {}): Promise<Response> {
    const body = new URLSearchParams();
    if (csrf) body.append('_csrf', await this.csrfToken());
    for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    return this.request(path, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  /** Submits a form with files (multipart/form-data), as a browser does for `<input type="file">`. */
  async postFiles(
    path: string,
    fields: Record<string, string | string[]>,
    files: Record<string, File[]>,
  ): Promise<Response> {
    const body = new FormData();
    body.append('_csrf', await this.csrfToken());
    for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    for (const [k, list] of Object.entries(files)) for (const f of list) body.append(k, f);
    return this.request(path, { method: 'POST', body });
  }

  /** Signs in through the real form. */
  async signIn(email: string, password: string): Promise<Response> {
    const res = await this.post('/dang-nhap', { email, password });
    if (res.status !== 303) throw new Error(`sign-in failed for ${email}: ${res.status}`);
    return res;
  }
}
