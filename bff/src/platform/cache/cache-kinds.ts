/**
 * The kinds of upstream answer the read cache keeps, each with its own freshness: money that
 * moves (balance, what is owed) briefly, bills a minute, notices and reference data longer.
 */
export const readCacheKinds = [
  /** CIS account record (kind, area, meter). */
  'account',
  /** Billing's summary: prepaid balance, what is owed, heating state. */
  'summary',
  /** Billing's bill list (bills and single bills are read from it). */
  'bills',
  /** The meter's state and balance. */
  'meter',
  /** Monthly meter readings. */
  'readings',
  /** An area's tariff. */
  'tariff',
  /** Supply-stop notices of an area. */
  'notices',
  /** Articles. */
  'content',
  /** The account's open repair as the home page shows it (work orders move within minutes). */
  'repairs',
] as const
export type ReadCacheKind = (typeof readCacheKinds)[number]

/** Seconds an answer stays fresh; 0 turns caching of that kind off. */
export const defaultReadCacheTtls: Record<ReadCacheKind, number> = {
  account: 300,
  summary: 15,
  bills: 60,
  meter: 15,
  readings: 600,
  tariff: 600,
  notices: 300,
  content: 1800,
  repairs: 10,
}

/** Cache scopes: whose answers they are, and what one invalidation clears. */
export const cacheScope = {
  account: (accountNo: string) => `account:${accountNo}`,
  meter: (meterNo: string) => `meter:${meterNo}`,
  area: (areaCode: string) => `area:${areaCode}`,
  public: 'public',
} as const
