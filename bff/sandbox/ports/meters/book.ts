import type { CustomerAccount } from '../../../contracts/customers'
import type { MeterType } from '../../../contracts/meters'
import { generatedAccountNo } from '../../seed/generate'
import { areaTariff, type AreaTariff } from '../billing/tariffs'
import type { AccountDirectory } from '../customers/directory'
import { DAY_MS, dayOfDate, dayStartMs, ymdOf } from './days'
import { accountRandom, registerAt, usageBetween, usageProfile, type UsageProfile } from './usage'

/** Everything the meter platform knows about one meter, built from the seed on first use. */
export interface MeterBook {
  readonly meterNo: string
  readonly account: CustomerAccount
  readonly type: MeterType
  readonly model: string
  readonly profile: UsageProfile
  readonly tariff: AreaTariff
  readonly suspended: boolean
  readonly anchorDay: number
  readonly balanceAtAnchorFen: number
  readonly registerAtAnchorDm3: number
  /** Volume used in the anchor's calendar year before the anchor day (tiers count from it). */
  readonly ytdAtAnchorDm3: number
  online: boolean
  /** When the meter last talked to the network, while it is offline. */
  offlineSinceMs: number | null
  /** Money that reached the meter (credits confirmed, cards written), oldest first. */
  readonly deposits: { atMs: number; amountFen: number }[]
}

const typeOfKind: Record<CustomerAccount['kind'], MeterType | null> = {
  iot_prepaid: 'iot',
  ic_prepaid: 'ic',
  postpaid_gas: 'mechanical',
  heating: null,
}

const models: Record<string, string> = {
  NB21: 'NB-IoT物联网燃气表 G2.5',
  NB35: 'NB-IoT物联网燃气表 G4',
  NB58: 'LoRa物联网燃气表 G2.5',
  IC33: 'IC卡智能燃气表 G2.5',
  IC41: 'IC卡智能燃气表 G4',
  JL47: '膜式燃气表 G2.5',
  JL62: '膜式燃气表 G4',
}

/** Seeded balances of the personas, chosen for the stories they tell (fen). */
const personaBalances: Record<string, number> = {
  '1000000001': 18_640,
  '1000000002': 4_520,
  '1000000006': -320,
  '1000000007': 2_350,
  '1000000008': 5_800,
  '1000000011': 16_000,
}

/** The account whose meter this could be; the caller still checks the account's meterNo. */
export function candidateAccountNo(meterNo: string): string {
  const digits = meterNo.slice(4)
  if (digits.startsWith('990000')) return `10000000${digits.slice(6)}`
  return generatedAccountNo(Number(digits))
}

export function createMeterBook(
  seed: number,
  directory: AccountDirectory,
  meterNo: string,
  anchorDay: number,
): MeterBook | undefined {
  const account = directory.get(candidateAccountNo(meterNo))
  if (!account || account.meterNo !== meterNo) return undefined
  const type = typeOfKind[account.kind]
  const tariff = areaTariff(account.areaCode)
  if (!type || !tariff) return undefined
  const random = accountRandom(seed, account.accountNo, 'meter')
  // A few IoT meters sit in basements with no signal; they went quiet some days ago.
  const offline = type === 'iot' && !account.accountNo.startsWith('10000000') && random.chance(0.04)
  const roll = random.next()
  const seededBalance = roll < 0.1 ? random.int(-500, 1_500) : random.int(2_000, 60_000)
  const profile = usageProfile(seed, account)
  return {
    meterNo,
    account,
    type,
    model: models[meterNo.slice(0, 4)] ?? '燃气表',
    profile,
    tariff,
    // Read each time: a passed re-inspection turns the gas back on.
    get suspended() {
      return directory.isSuspended(account)
    },
    anchorDay,
    registerAtAnchorDm3: registerAt(profile, anchorDay, anchorDay),
    ytdAtAnchorDm3: usageBetween(profile, dayOfDate(ymdOf(anchorDay).year, 1, 1), anchorDay),
    balanceAtAnchorFen:
      type === 'mechanical' ? 0 : (personaBalances[account.accountNo] ?? seededBalance),
    online: !offline,
    offlineSinceMs: offline
      ? dayStartMs(anchorDay) - random.int(1, 20) * DAY_MS + random.int(0, DAY_MS - 1)
      : null,
    deposits: [],
  }
}

export function addDeposit(book: MeterBook, atMs: number, amountFen: number): void {
  book.deposits.push({ atMs, amountFen })
  book.deposits.sort((a, b) => a.atMs - b.atMs)
}
