import * as z from 'zod';

/** One registration the simulated bureau holds. */
export interface SimulatedRegistration {
  readonly reference: string;
  readonly externalId: string;
  readonly debtorDocument: string;
  readonly creditorDocument: string;
  readonly contract: string;
  readonly amount: string;
  readonly natureCode: string;
  status: 'registered' | 'rejected' | 'removed';
  reasonCode?: string;
  removalReasonCode?: string;
  updatedAt: string;
}

/** What the simulator checks in a registration body (the generic JSON profile's shape). */
export const simulatedRegistrationSchema = z.object({
  externalId: z.string().min(1),
  debtor: z.object({
    document: z.string().regex(/^[0-9A-Z]{11}$|^[0-9A-Z]{14}$/),
    documentType: z.enum(['CPF', 'CNPJ']),
    name: z.string().min(1),
    birthDate: z.string().optional(),
    address: z.object({ street: z.string(), number: z.string(), complement: z.string().optional(), district: z.string().optional(), city: z.string(), state: z.string(), zipCode: z.string() }).optional(),
  }),
  creditor: z.object({ document: z.string().min(11), name: z.string().min(1) }),
  debt: z.object({ contract: z.string().min(1), amount: z.string().regex(/^\d+\.\d{2}$/), dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), natureCode: z.string().min(1) }),
});

/** What the simulator checks in a removal body. */
export const simulatedRemovalSchema = z.object({ reference: z.string().optional(), reasonCode: z.string().min(1), date: z.string().optional() });

/** The registrations the simulated bureau holds, per debtor document (so a test can assert "registered once"). */
export class Holdings {
  readonly #byDebtor = new Map<string, SimulatedRegistration[]>();
  readonly #byExternalId = new Map<string, SimulatedRegistration>();
  #sequence = 0;

  /** Every registration of one debtor, whatever its status. */
  of(debtorDocument: string): readonly SimulatedRegistration[] {
    return this.#byDebtor.get(debtorDocument.replace(/[\s./-]/g, '').toUpperCase()) ?? [];
  }

  byExternalId(externalId: string): SimulatedRegistration | undefined {
    return this.#byExternalId.get(externalId);
  }

  /** Every registration held. */
  all(): SimulatedRegistration[] {
    return [...this.#byDebtor.values()].flat();
  }

  /** A live registration of the same debt (debtor, creditor, contract): a duplicate the bureau refuses. */
  duplicateOf(debtorDocument: string, creditorDocument: string, contract: string): SimulatedRegistration | undefined {
    return this.of(debtorDocument).find((r) => r.status === 'registered' && r.creditorDocument === creditorDocument && r.contract === contract);
  }

  add(registration: Omit<SimulatedRegistration, 'reference'>): SimulatedRegistration {
    this.#sequence++;
    const held: SimulatedRegistration = { ...registration, reference: `SIM-${String(this.#sequence).padStart(7, '0')}` };
    const list = this.#byDebtor.get(held.debtorDocument) ?? [];
    list.push(held);
    this.#byDebtor.set(held.debtorDocument, list);
    this.#byExternalId.set(held.externalId, held);
    return held;
  }
}
