import type { Notifier, OutgoingMessage } from 'cobranca';
import { SimulationLedger } from './ledger.js';

/** A notifier that delivers nothing and counts: messages by channel, and any key sent twice. */
export function countingNotifier(ledger: SimulationLedger): Notifier {
  let n = 0;
  return {
    send: async (message: OutgoingMessage) => {
      if (ledger.messageKeys.has(message.key)) ledger.repeatedMessages.push(message.key);
      ledger.messageKeys.add(message.key);
      SimulationLedger.bump(ledger.messages, message.channel);
      return { messageId: `msg-${++n}` };
    },
  };
}
