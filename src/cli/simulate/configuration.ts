/**
 * The synthetic creditor's configuration: two rulers, two bureaus, four
 * branches whose settings differ (general → branch → contract, seed 002).
 */
export const SIMULATION_RULERS = {
  padrao: {
    id: 'padrao',
    steps: [
      { id: 'lembrete', offsetDays: -3, action: { kind: 'notify', channel: 'email', template: 'lembrete' } },
      { id: 'atraso', offsetDays: 1, action: { kind: 'notify', channel: 'sms', template: 'atraso', text: 'Sua fatura venceu. Pague pelo Pix.' } },
      { id: 'whatsapp', offsetDays: 5, action: { kind: 'notify', channel: 'whatsapp', template: 'atraso-5' } },
      { id: 'encaminhar', offsetDays: 10, action: { kind: 'forward_to_collections' } },
      { id: 'carta', offsetDays: 12, action: { kind: 'notify', channel: 'letter', template: 'carta-cobranca' } },
      { id: 'negativar', offsetDays: 15, action: { kind: 'negativate' } },
    ],
  },
  vip: {
    id: 'vip',
    steps: [
      { id: 'lembrete-vip', offsetDays: -5, action: { kind: 'notify', channel: 'whatsapp', template: 'lembrete-vip' } },
      { id: 'aviso-vip', offsetDays: 2, action: { kind: 'notify', channel: 'email', template: 'aviso-vip' } },
      { id: 'encaminhar-vip', offsetDays: 8, action: { kind: 'forward_to_collections' } },
      { id: 'negativar-vip', offsetDays: 20, action: { kind: 'negativate' } },
    ],
  },
} as const;

/** Branches and what makes each different. */
export const SIMULATION_BRANCHES = ['norte', 'sul', 'leste', 'oeste'] as const;

/** The settings tree: norte takes the general level; sul the VIP ruler at SPC; leste never registers by itself; oeste registers at SPC and waits longer between contacts. */
export const SIMULATION_SETTINGS = {
  general: { ruler: 'padrao', bureau: 'serasa', registerAutomatically: 'yes', minimumDaysOverdue: 15, daysToNextAction: 5, defaultContactType: 'email' },
  branches: {
    norte: {},
    sul: { ruler: 'vip', bureau: 'spc', minimumDaysOverdue: 20 },
    leste: { registerAutomatically: 'no' },
    oeste: { bureau: 'spc', daysToNextAction: 10 },
  },
  contracts: {},
} as const;

/** The bureaus the branches register with (each a bureau simulator over HTTP). */
export const SIMULATION_BUREAUS = ['serasa', 'spc'] as const;

/** The creditor on every collection document (CDC art. 42-A). */
export const SIMULATION_CREDITOR = { id: 'provedor', name: 'Provedor Internet Ltda', document: '11.222.333/0001-81' } as const;

/** Operators who negotiate and write comments (the per-operator charts). */
export const SIMULATION_OPERATORS = ['operador.ana', 'operador.bruno', 'operador.carla', 'operador.diego', 'operador.elisa'] as const;
