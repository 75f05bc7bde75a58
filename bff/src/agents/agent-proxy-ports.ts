import type {
  InspectionSlot,
  Inspections,
  InspectionVisit,
  PayableAccount,
  PaymentChannel,
  PaymentOrder,
  PaymentPurpose,
  Repair,
  RepairKind,
  RepairOptions,
  RepairSlotWindow,
} from '@gh/shared'

/* The resident-side services 代办 hands a confirmed request to; built in the composition root. */

/** What confirming a payment uses: the resident's own order, as the payment routes make it. */
export interface ProxyPayments {
  facts(accountNo: string): Promise<PayableAccount | null>
  create(cmd: {
    userId: string
    accountNo: string
    purpose: PaymentPurpose
    amountFen: number
    channel: PaymentChannel
    idempotencyKey: string
  }): Promise<PaymentOrder>
}

/** What confirming a booking uses: the resident's own report, as the repair routes make it. */
export interface ProxyRepairs {
  create(
    userId: string,
    accountNo: string,
    body: {
      kind: RepairKind
      description: string
      photoIds: string[]
      slot?: { date: string; window: RepairSlotWindow }
      phone?: string
    },
    idempotencyKey: string,
  ): Promise<Repair>
  /** The report form's kinds and slots (the caller's phone is not used here). */
  options(userId: string, accountNo: string): Promise<RepairOptions>
}

/** What confirming an inspection booking uses: the resident's 入户安检, as its page books it. */
export interface ProxyInspections {
  get(accountNo: string): Promise<Inspections>
  book(accountNo: string, slot: InspectionSlot, idempotencyKey: string): Promise<InspectionVisit>
}
