import type { BusinessCalendar, Clock, CivilDate } from '../calendar/index.js';
import type { BureauGateway, IdGenerator, Notifier, RateSource, Share, Store } from '../ports/index.js';
import { todayIn } from '../calendar/index.js';
import type { Policies } from './policies.js';

/** The ports the application layer needs (the rest of `createCollections`' options are policy). */
export interface Ports {
  readonly store: Store;
  /** The bureau gateways by name (Serasa, SPC, Boa Vista …); the setting `bureau` names the one a branch registers with (seed 002). */
  readonly bureaus: Readonly<Record<string, BureauGateway>>;
  readonly notifier: Notifier;
  readonly clock: Clock;
  readonly rates: RateSource;
  readonly calendar: BusinessCalendar;
  readonly ids: IdGenerator;
}

/** What every use case gets: the ports, the resolved policies, and "now". */
export interface AppContext extends Ports {
  readonly policies: Policies;
  /** The current instant as ISO text (for records). */
  nowIso(): string;
  /** Today's civil date in São Paulo. */
  today(): CivilDate;
  /** The worker's share of the portfolio when N workers run one day's cycle together; the whole portfolio when absent. */
  readonly share?: Share;
}

/** The gateway of a named bureau; a name no gateway serves (a record written under another configuration) is an error the outbox retries and reports. */
export function gatewayOf(context: Pick<Ports, 'bureaus'>, bureau: string): BureauGateway {
  const gateway = Object.hasOwn(context.bureaus, bureau) ? context.bureaus[bureau] : undefined;
  if (!gateway) throw new Error(`no bureau gateway is called '${bureau}' (bureaus: ${Object.keys(context.bureaus).join(', ')})`);
  return gateway;
}

/**
 * `clock.now()` as ISO text, the text built once per instant: a call in the same millisecond as the last one
 * answers the same string (one Date and one string built per action's several records otherwise, each kept by the store).
 */
function isoTextOf(clock: Clock): () => string {
  let lastMs = Number.NaN;
  let lastText = '';
  return () => {
    const now = clock.now();
    const ms = now.getTime();
    // An invalid date (NaN) is never equal to the last one: toISOString throws as it always did.
    if (ms !== lastMs) {
      lastText = now.toISOString();
      lastMs = ms;
    }
    return lastText;
  };
}

/** Builds the {@link AppContext} from the ports and policies. */
export function appContext(ports: Ports, policies: Policies): AppContext {
  return {
    ...ports,
    policies,
    nowIso: isoTextOf(ports.clock),
    today: () => todayIn(ports.clock),
  };
}
