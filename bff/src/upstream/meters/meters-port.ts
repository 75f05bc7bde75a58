/** The IoT platform and the IC-card system (表务), in our own words: what crediting a meter needs. */

export interface MeterState {
  /** IoT meters: whether the meter talks to the network now; null for other meters. */
  online: boolean | null
  /** iot: credited remotely; ic: by card; mechanical: read by hand (no balance). */
  type: 'iot' | 'ic' | 'mechanical'
  /** Prepaid meters: what the meter holds (IC: as of the last card insertion); null otherwise. */
  balanceFen: number | null
  /** Register at `lastReadingAt`: daily for an online IoT meter, else the last reading or card. */
  readingDm3: number
  lastReadingAt: string
}

export interface MeterReading {
  readAt: string
  /** Register at `readAt`. */
  readingDm3: number
  /** Gas used since the previous reading. */
  usageDm3: number
}

/** A remote credit: pending until the meter confirms it holds the money. */
export interface MeterCredit {
  status: 'pending' | 'applied'
}

/** An IC-card purchase: the resident must have the card written at a write point. */
export interface CardPurchase {
  status: 'awaiting_card_write' | 'written'
  writtenAt: string | null
}

/** Every write is keyed by our order id: the same id never credits twice. */
export interface MetersPort {
  /** Null when the meter system does not know the meter. */
  meter(meterNo: string): Promise<MeterState | null>
  /** Monthly readings since `from` (YYYY-MM-DD), oldest first. */
  readings(meterNo: string, from: string): Promise<MeterReading[]>
  credit(meterNo: string, request: { creditId: string; amountFen: number }): Promise<MeterCredit>
  creditStatus(meterNo: string, creditId: string): Promise<MeterCredit | null>
  purchase(request: {
    purchaseId: string
    meterNo: string
    amountFen: number
  }): Promise<CardPurchase>
  purchaseStatus(purchaseId: string): Promise<CardPurchase | null>
}
