interface StoredCookie {
  value: string;
  path: string;
}

export interface BrowserResponse {
  status: number;
  url: string;
  location?: string;
  body: string;
}

/**
 * Just enough of a browser for sign-in flows over real HTTP: a cookie jar with path
 * matching and manual redirects, so a test can stop at the app's redirect URI.
 */
export class Browser {
  private readonly cookies = new Map<string, StoredCookie>();

  private cookieHeader(url: URL): string | undefined {
    const pairs = [...this.cookies].filter(([, cookie]) => url.pathname.startsWith(cookie.path)).map(([name, cookie]) => `${name}=${cookie.value}`);
    return pairs.length ? pairs.join("; ") : undefined;
  }

  private store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = header.split(";").map((part) => part.trim());
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const path = attributes.find((a) => a.toLowerCase().startsWith("path="))?.slice(5) ?? "/";
      const expired = attributes.some((a) => /^max-age=0$/i.test(a) || /^expires=thu, 01 jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, { value, path });
    }
  }

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<BrowserResponse> {
    const target = new URL(url);
    const headers: Record<string, string> = {};
    const cookie = this.cookieHeader(target);
    if (cookie) headers.cookie = cookie;
    let body: string | undefined;
    if (init.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(target, { method: init.method ?? (body ? "POST" : "GET"), headers, body, redirect: "manual" });
    this.store(response);
    const location = response.headers.get("location");
    return {
      status: response.status,
      url: target.href,
      location: location ? new URL(location, target).href : undefined,
      body: await response.text(),
    };
  }

  /** Follows redirects until one leaves for `stopAt` (returned, not fetched) or a page renders. */
  async follow(url: string, init: { method?: string; form?: Record<string, string> } = {}, stopAt?: string): Promise<BrowserResponse> {
    let response = await this.request(url, init);
    for (let hops = 0; response.location && hops < 10; hops++) {
      if (stopAt && response.location.startsWith(stopAt)) return response;
      response = await this.request(response.location);
    }
    return response;
  }
}

/** The sandbox's login form: its action URL and hidden fields. */
export function loginForm(page: BrowserResponse): { action: string; hidden: Record<string, string> } {
  const action = /<form method="post" action="([^"]+)"/.exec(page.body)?.[1];
  if (!action) throw new Error(`No login form on ${page.url} (status ${page.status}):\n${page.body.slice(0, 500)}`);
  const hidden: Record<string, string> = {};
  for (const match of page.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    hidden[match[1]!] = decodeEntities(match[2]!);
  }
  return { action: new URL(decodeEntities(action), page.url).href, hidden };
}

export function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
