import { Agent, request as httpRequest, type IncomingMessage } from 'node:http';

/** A `fetch` for plain-HTTP calls to the simulation's own servers, and how to close its connections. */
export interface LocalFetch {
  readonly fetch: typeof fetch;
  /** Closes the kept-alive connections. */
  destroy(): void;
}

/**
 * A `fetch` on `node:http` with one kept-alive connection pool, for the HTTP
 * bureau gateway's calls to the bureau simulators on 127.0.0.1: the gateway
 * (ky: retries, timeouts, the circuit breaker) is unchanged, only the
 * transport is lighter than the global `fetch`, which the gateway's option
 * `fetch` exists to replace. Plain `http:` only; the body is read as text (the
 * generic profile sends JSON). A POST on a kept-alive socket the server had
 * just closed is sent once more on a fresh one (Node's `reusedSocket` retry).
 */
export function localFetch(): LocalFetch {
  const agent = new Agent({ keepAlive: true });
  const send = (url: string, method: string, headers: Record<string, string>, body: string | undefined, signal: AbortSignal | undefined, retried: boolean): Promise<Response> =>
    new Promise((resolve, reject) => {
      const request = httpRequest(url, { method, agent, headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) }, ...(signal ? { signal } : {}) }, (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const answer = new Headers();
          for (const [name, value] of Object.entries(response.headers)) if (typeof value === 'string') answer.set(name, value);
          const status = response.statusCode ?? 500;
          const text = Buffer.concat(chunks).toString('utf8');
          resolve(new Response(status === 204 || status === 304 ? null : text, { status, headers: answer }));
        });
        response.on('error', reject);
      });
      request.on('error', (error: NodeJS.ErrnoException) => {
        if (!retried && request.reusedSocket && error.code === 'ECONNRESET') resolve(send(url, method, headers, body, signal, true));
        else reject(new TypeError('fetch failed', { cause: error }));
      });
      request.end(body);
    });
  const fetchLike = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
    return send(request.url, request.method, headers, body, request.signal, false);
  };
  return { fetch: fetchLike as typeof fetch, destroy: () => agent.destroy() };
}
