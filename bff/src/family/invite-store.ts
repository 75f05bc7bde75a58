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

/** What an invite voided by a 过户 / 销户 holds until it would have expired. */
interface VoidedInvite {
  voided: true
}

const keyOf = (code: string) => `family-invite:${createHash('sha256').update(code).digest('hex')}`

/**
 * Family invites in Redis: a random code (31^8 ≈ 8.5·10^11), stored under its hash, that expires
 * by itself and is taken atomically, so two people accepting at once cannot both get it. Each
 * account lists its invites' keys, so they can be voided together; a voided invite stays (as a
 * marker) until it would have expired, so its holder is told why it no longer works.
 */
export class InviteStore {
  constructor(
    private readonly redis: Redis,
    private readonly ttlSeconds: number,
    private readonly namespace = 'family',
  ) {}

  /** The keys of an account's invites, so a 过户 / 销户 can void them all. */
  private accountKeyOf(accountNo: string): string {
    return `${this.namespace}:family-invites-of:${accountNo}`
  }

  async create(invite: StoredInvite): Promise<string> {
    const code = Array.from(
      { length: CODE_LENGTH },
      () => ALPHABET[randomInt(ALPHABET.length)],
    ).join('')
    const key = keyOf(code)
    const accountKey = this.accountKeyOf(invite.accountNo)
    // Listed before it exists, so no stored invite escapes a voiding; one key per command, as
    // the two keys may sit on different Redis Cluster nodes.
    await this.redis.sadd(accountKey, key)
    await this.redis.expire(accountKey, this.ttlSeconds)
    await this.redis.set(key, JSON.stringify(invite), 'EX', this.ttlSeconds)
    return code
  }

  /** Reads an invite without using it up. */
  async peek(code: string): Promise<StoredInvite | 'voided' | null> {
    return parse(await this.redis.get(keyOf(code)))
  }

  async take(code: string): Promise<StoredInvite | 'voided' | null> {
    return parse(await this.redis.getdel(keyOf(code)))
  }

  /** Every open invite of the account stops working; only those still open are marked. */
  async voidAccount(accountNo: string): Promise<void> {
    const accountKey = this.accountKeyOf(accountNo)
    const keys = await this.redis.smembers(accountKey)
    const marker = JSON.stringify({ voided: true } satisfies VoidedInvite)
    for (const key of keys) await this.redis.set(key, marker, 'KEEPTTL', 'XX')
    if (keys.length > 0) await this.redis.srem(accountKey, ...keys)
  }
}

function parse(raw: string | null): StoredInvite | 'voided' | null {
  if (!raw) return null
  const stored = JSON.parse(raw) as StoredInvite | VoidedInvite
  return 'voided' in stored ? 'voided' : stored
}
