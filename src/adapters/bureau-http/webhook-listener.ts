import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Result } from 'neverthrow';
import type { CobrancaError } from '../../errors.js';
import type { BureauGateway, BureauStatusReport } from '../../ports/index.js';

/** At most this many bytes of webhook body are read (a bureau event is small). */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * A `node:http` request listener for a bureau's webhooks: reads the raw body,
 * verifies it with `gateway.parseWebhook`, hands the report to `apply`
 * (typically `collections.applyBureauReport`) and answers 204. A forged, stale
 * or malformed webhook is refused with 401/400 and not applied; a replay is
 * acknowledged with 200 and not applied (a duplicate delivery is harmless).
 * A failure to apply answers 500, so the bureau delivers it again.
 * @example
 * ```ts no-run
 * import { createServer } from 'node:http';
 * import { createHttpBureauGateway, bureauWebhookListener } from 'cobranca/adapters/bureau-http';
 * import type { Collections } from 'cobranca';
 *
 * declare const app: Collections; // built by createCollections
 * const gateway = createHttpBureauGateway({ baseUrl: 'https://api.bureau.example/v1', webhookSecret: process.env['BUREAU_WEBHOOK_SECRET'] ?? '' });
 * if (gateway.isErr()) throw new Error(gateway.error.message);
 * createServer(bureauWebhookListener(gateway.value, app.applyBureauReport)).listen(8080); // 204 applied, 401 forged, 200 replay
 * ```
 */
export function bureauWebhookListener(gateway: Pick<BureauGateway, 'parseWebhook'>, apply: (report: BureauStatusReport) => Promise<Result<void, CobrancaError>>) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const chunks: Buffer[] = [];
    let size = 0;
    const answer = (status: number, body?: unknown) => {
      if (response.headersSent) return;
      response.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
      response.end(body === undefined ? undefined : JSON.stringify(body));
    };
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        answer(413, { error: 'webhook body too large' });
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => {
      if (size > MAX_BODY_BYTES) return;
      const verified = gateway.parseWebhook(request.headers, Buffer.concat(chunks).toString('utf8'));
      if (verified.isErr()) {
        const code = verified.error.code;
        if (code === 'webhook_replayed') return answer(200, { ignored: code });
        return answer(code === 'webhook_malformed' ? 400 : 401, { error: code });
      }
      void apply(verified.value).then(
        (applied) => (applied.isOk() ? answer(204) : answer(500, { error: applied.error.code })),
        () => answer(500, { error: 'apply failed' }),
      );
    });
  };
}
