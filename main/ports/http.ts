export type HttpRequest = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  url: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  timeoutMs?: number;
};
export type HttpResponse = {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
  text(): string;
  json<T = unknown>(): T;
};
/** Outgoing HTTP (Internetmarke, billing service, update feed). Timeouts and network errors throw HttpNetworkError. */
export interface Http {
  request(req: HttpRequest): Promise<HttpResponse>;
}
export class HttpNetworkError extends Error {
  constructor(
    message: string,
    readonly kind: 'timeout' | 'network',
  ) {
    super(message);
    this.name = 'HttpNetworkError';
  }
}
