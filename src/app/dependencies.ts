import type { BusinessCalendar, Clock, CivilDate } from '../calendar/index.js';
import type { BureauGateway, IdGenerator, Notifier, RateSource, Share, Store } from '../ports/index.js';
import { todayIn } from '../calendar/index.js';
import type { Policies } from './policies.js';

/** The ports the application layer needs (the rest of `createCollections`' options are policy). */
export interface Ports {
  readonly store: Store;
  readonly bureau: BureauGateway;
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

/** Builds the {@link AppContext} from the ports and policies. */
export function appContext(ports: Ports, policies: Policies): AppContext {
  return {
    ...ports,
    policies,
    nowIso: () => ports.clock.now().toISOString(),
    today: () => todayIn(ports.clock),
  };
}
