import type {
  AccountKind,
  AccountStatus,
  CareTag,
  CustomerAccount,
} from '../../contracts/customers'
import { shanghaiMs, toShanghaiIso } from '../clock'
import { Random, Weighted, hashSeed } from '../random'
import { idNumber } from './id-number'
import { chineseName, mobileNumber, type Sex } from './names'
import { districts, randomPlace } from './places'

/** Generated accounts are numbered from here; personas live below, at 1000000001…. */
export const GENERATED_BASE = 2_000_000_001

/** Data describes the territory as of mid-2026, whatever the sandbox clock says. */
const SEED_YEAR = 2026
const LATEST_OPENING = shanghaiMs(2026, 6, 30)

export function generatedAccountNo(index: number): string {
  return String(GENERATED_BASE + index)
}

/** The index of a generated account number, or undefined when it is not one. */
export function generatedIndex(accountNo: string, count: number): number | undefined {
  const index = Number(accountNo) - GENERATED_BASE
  return Number.isInteger(index) && index >= 0 && index < count ? index : undefined
}

const meterMakers: Record<Exclude<AccountKind, 'heating'>, readonly string[]> = {
  iot_prepaid: ['NB21', 'NB35', 'NB58'],
  ic_prepaid: ['IC33', 'IC41'],
  postpaid_gas: ['JL47', 'JL62'],
}

// Villages converted from coal to gas (煤改气) run on prepaid meters and have no heat network.
const ruralKinds = new Weighted<AccountKind>(['iot_prepaid', 'ic_prepaid'], [6, 4])
const urbanKinds = new Weighted<AccountKind>(
  ['iot_prepaid', 'ic_prepaid', 'postpaid_gas', 'heating'],
  [35, 15, 25, 25],
)

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

/**
 * Account `index` under `seed`. Each account draws from its own PRNG, so any one can be built
 * on demand in O(1) and adding more accounts never changes the earlier ones.
 */
export function generateAccount(seed: number, index: number): CustomerAccount {
  const random = new Random(hashSeed(seed, index))
  const place = randomPlace(random)
  const kind = (place.rural ? ruralKinds : urbanKinds).pick(random)
  const billed = kind === 'postpaid_gas' || kind === 'heating'
  const statusRoll = random.next()
  let status: AccountStatus = 'active'
  if (billed && statusRoll < 0.08) status = 'arrears'
  else if (statusRoll > (billed ? 0.98 : 0.97)) status = 'suspended'

  const sex: Sex = random.chance(0.5) ? 'male' : 'female'
  const birthYear = random.int(1938, 2002)
  const birth = `${birthYear}${pad(random.int(1, 12), 2)}${pad(random.int(1, 28), 2)}`
  // Most holders were registered where they live; some moved in from elsewhere in the province.
  const origin = random.chance(0.8) ? place.district.code : random.pick(districts).code
  const sequence = random.int(0, 499) * 2 + (sex === 'male' ? 1 : 0)

  const careTags: CareTag[] = []
  if (SEED_YEAR - birthYear >= 70 && random.chance(0.6)) {
    careTags.push('elderly')
    if (random.chance(0.25)) careTags.push('living_alone')
  }

  const earliest = shanghaiMs(Math.max(2000, birthYear + 20), 1, 1)
  const day = random.int(0, Math.floor((LATEST_OPENING - earliest) / 86_400_000))
  const openedAt = earliest + day * 86_400_000 + random.int(8 * 60, 17 * 60 + 59) * 60_000

  const maker = kind === 'heating' ? null : random.pick(meterMakers[kind])
  return {
    accountNo: generatedAccountNo(index),
    kind,
    status,
    holderName: chineseName(random, sex, birthYear),
    phone: mobileNumber(random),
    idNumber: idNumber(origin, birth, sequence),
    address: place.address,
    areaCode: place.areaCode,
    // The index makes meter numbers unique; personas use the 99… block.
    meterNo: maker ? `${maker}${pad(index, 8)}` : null,
    openedAt: toShanghaiIso(openedAt),
    careTags,
  }
}
