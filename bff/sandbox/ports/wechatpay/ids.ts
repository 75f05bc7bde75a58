import { toShanghaiIso } from '../../clock'
import { Random, hashSeed, hashString } from '../../random'

const HEX = '0123456789abcdef'

/** Identifiers shaped like WeChat Pay's, from the seeded PRNG so runs replay. */
export class PayIds {
  private readonly random: Random

  constructor(seed: number) {
    this.random = new Random(hashSeed(seed, hashString('wechatpay')))
  }

  private hex(length: number): string {
    let out = ''
    for (let i = 0; i < length; i++) out += HEX[this.random.int(0, 15)]
    return out
  }

  /** wx + yyyyMMddHHmmss + 20 characters: 36 in all. */
  prepayId(atMs: number): string {
    return `wx${compact(atMs)}${this.hex(20)}`
  }

  /** 28 digits, 4200 + … + yyyyMMdd + …, like a WeChat transaction id. */
  transactionId(atMs: number): string {
    return `42000${this.random.digits(5)}${compact(atMs).slice(0, 8)}${this.random.digits(10)}`
  }

  /** 29 digits, like a WeChat refund id. */
  refundId(atMs: number): string {
    return `5030${compact(atMs).slice(0, 8)}${this.random.digits(17)}`
  }

  /** A UUID-shaped notification id. */
  eventId(): string {
    return [this.hex(8), this.hex(4), `5${this.hex(3)}`, this.hex(4), this.hex(12)].join('-')
  }
}

function compact(atMs: number): string {
  return toShanghaiIso(atMs).slice(0, 19).replace(/[-:T]/g, '')
}
