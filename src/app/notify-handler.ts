import type { OutgoingMessage } from '../ports/index.js';
import type { AppContext } from './dependencies.js';
import type { EffectHandler } from './outbox.js';

/** Delivers a `notify` effect (ruler contacts, account e-mails and messages) through the notifier, with the effect's key. */
export function notifyHandler(context: AppContext): EffectHandler {
  return async (effect) => {
    const payload = effect.payload as Record<string, unknown> & { channel: OutgoingMessage['channel']; customerId: string; to: string };
    const { channel, customerId, to, templateId, text, ...data } = payload;
    await context.notifier.send({
      key: effect.key,
      channel,
      customerId,
      to,
      ...(typeof templateId === 'string' ? { templateId } : {}),
      ...(typeof text === 'string' ? { text } : {}),
      data,
    });
  };
}
