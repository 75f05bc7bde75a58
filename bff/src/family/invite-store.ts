import { createHash, randomInt } from 'node:crypto'
import type { Redis } from 'ioredis'

// No 0/O, 1/I/L: codes are read aloud over the phone and typed by elderly parents.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
const CODE_LENGTH = 8

export interface StoredInvite {
  accountNo: string
  ownerUserId: string
  /** The owner's binding the invite came from: it is good only while that binding lasts. */
  ownerBindingId?: string
}

const keyOf = (code: string) => `family-invite:${createHash('sha256').update(code).digest('hex')}`

/**
 * Family invites in Redis: a random code (31^8 ≈ 8.5·10^11), stored under its hash, that expires
 * by itself and is taken atomically, so two people accepting at once cannot both get it.
 */
export class InviteStore {
  constructor(
    private readonly redis: Redis,
    private readonly ttlSeconds: number,
  ) {}

  async create(invite: StoredInvite): Promise<string> {
    const code = Array.from(
      { length: CODE_LENGTH },
      () => ALPHABET[randomInt(ALPHABET.length)],
    ).join('')
    await this.redis.set(keyOf(code), JSON.stringify(invite), 'EX', this.ttlSeconds)
    return code
  }

  async take(code: string): Promise<StoredInvite | null> {
    const raw = await this.redis.getdel(keyOf(code))
    return raw ? (JSON.parse(raw) as StoredInvite) : null
  }
}
