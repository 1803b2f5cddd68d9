import { HttpNetworkError, type Http, type HttpResponse } from '../ports/http';

const decoder = new TextDecoder();

/** Node's fetch behind the Http port, with a timeout on every request. */
export const fetchHttp: Http = {
  async request(req) {
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), req.timeoutMs ?? 30_000);
    try {
      const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body as BodyInit | undefined, signal: ctrl.signal });
      const body = new Uint8Array(await res.arrayBuffer());
      const headers: Record<string, string> = {};
      res.headers.forEach((v, k) => (headers[k] = v));
      const out: HttpResponse = {
        status: res.status,
        headers,
        body,
        text: () => decoder.decode(body),
        json: <T>() => JSON.parse(decoder.decode(body)) as T,
      };
      return out;
    } catch (e) {
      if (ctrl.signal.aborted) throw new HttpNetworkError(`Zeitüberschreitung bei ${req.method} ${req.url}`, 'timeout');
      throw new HttpNetworkError(`Netzwerkfehler bei ${req.method} ${req.url}: ${e instanceof Error ? (e.cause as Error | undefined)?.message ?? e.message : String(e)}`, 'network');
    } finally {
      clearTimeout(timer);
    }
  },
};
