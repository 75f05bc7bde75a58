import { createHash, randomBytes } from 'node:crypto'
import type { PaymentPurpose } from '@gh/shared'
import type { Redis } from '../platform/redis'

export interface StoredShare {
  accountNo: string
  purpose: PaymentPurpose
  amountFen: number | null
  createdBy: string
  /** The creator's binding: the card pays only while it lasts. */
  creatorBindingId?: string
  expiresAt: string
}

/** Stored under a hash: a Redis dump or a log of keys never yields a usable card. */
const keyOf = (namespace: string, token: string) =>
  `${namespace}:pay-share:${createHash('sha256').update(token).digest('base64url')}`

/** Share cards live in Redis and expire on their own. */
export class ShareStore {
  constructor(
    private readonly redis: Redis,
    private readonly namespace: string,
    readonly ttlSeconds: number,
  ) {}

  async create(
    share: Omit<StoredShare, 'expiresAt'>,
    now: Date,
  ): Promise<{
    token: string
    share: StoredShare
  }> {
    const token = randomBytes(16).toString('base64url')
    const expiresAt = new Date(now.getTime() + this.ttlSeconds * 1000).toISOString()
    const stored: StoredShare = { ...share, expiresAt }
    await this.redis.set(
      keyOf(this.namespace, token),
      JSON.stringify(stored),
      'EX',
      this.ttlSeconds,
    )
    return { token, share: stored }
  }

  async find(token: string): Promise<StoredShare | null> {
    const raw = await this.redis.get(keyOf(this.namespace, token))
    return raw ? (JSON.parse(raw) as StoredShare) : null
  }
}
