import { randomUUID } from 'node:crypto'
import type { Redis } from '../redis'
import type { ReadCacheKind } from './cache-kinds'
import { SingleFlight } from './single-flight'

export interface ReadCacheKey {
  kind: ReadCacheKind
  /**
   * Whose answer it is: `account:<no>`, `meter:<no>`, `area:<code>`, `public`. Invalidation
   * clears kinds of one scope, and one caller's answers are never stored under another's scope.
   */
  scope: string
  /** Which answer of that scope and kind: the call and its arguments. */
  id: string
}

export interface ReadCacheOptions {
  namespace: string
  ttlSeconds: Record<ReadCacheKind, number>
  /** A filler's lock lapses after this, should it die mid-call. */
  lockMs?: number
  /** How long a caller waits for another instance's fill before calling the upstream itself. */
  waitMs?: number
  pollMs?: number
  now?: () => number
  /** Redis failing: the cache steps aside and callers read the upstream directly. */
  onError?: (err: unknown) => void
  /** Counts hits, stale hits, misses and fills per kind. */
  onOutcome?: (kind: ReadCacheKind, outcome: 'hit' | 'stale' | 'miss' | 'wait') => void
  /**
   * How long this process keeps its own copy of an answer (never past its freshness); 0: none.
   * Invalidations reach every instance's copies through `subscriber`, so this bounds only how
   * long a lost message can leave a copy behind.
   */
  localMs?: number
  localMaxEntries?: number
  /** A connection of its own (Redis pub/sub needs one) that hears other instances' writes. */
  subscriber?: Redis
}

/** What Redis holds per answer: fresh until `f`, served while refreshing until `s`, the value. */
interface Entry {
  f: number
  s: number
  v: unknown
}

/** What one invalidation drops, as published to the other instances. */
interface Invalidation {
  scope: string
  kinds: ReadCacheKind[]
}

// Stores the answer only if no invalidation happened since the filler read the generation, so
// an answer fetched before a write can never land after the write's invalidation.
const STORE_IF_CURRENT = `
if (redis.call('GET', KEYS[2]) or '0') ~= ARGV[3] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[4]) then redis.call('PEXPIRE', KEYS[1], ARGV[4]) end
return 1`

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`

const GENERATION_TTL_MS = 24 * 3600_000

interface LocalCopy {
  value: unknown
  until: number
}

/**
 * The read cache in front of the upstream ports: each answer is kept in Redis as the port
 * returned it (already parsed and mapped), fresh for its kind's TTL and then served stale for
 * as long again while one caller refreshes it in the background.
 *
 * Stampedes: concurrent misses of one key in this process share one fetch (single-flight);
 * across instances one filler holds a short Redis lock and the others wait for its answer.
 * Writes call `invalidate`, which drops the scope's kinds and bumps their generation so a fetch
 * already under way cannot store an answer older than the write.
 */
export class ReadCache {
  private readonly flights = new SingleFlight()
  private readonly local = new Map<string, LocalCopy>()
  /** Counts local drops, so a read that raced one does not keep what it read before it. */
  private drops = 0
  private readonly lockMs: number
  private readonly waitMs: number
  private readonly pollMs: number
  private readonly localMs: number
  private readonly localMax: number
  private readonly now: () => number
  private readonly channel: string

  constructor(
    private readonly redis: Redis,
    private readonly options: ReadCacheOptions,
  ) {
    this.lockMs = options.lockMs ?? 5000
    this.waitMs = options.waitMs ?? 3000
    this.pollMs = options.pollMs ?? 20
    this.localMs = options.localMs ?? 1000
    this.localMax = options.localMaxEntries ?? 5000
    this.now = options.now ?? Date.now
    this.channel = `${options.namespace}:invalidated`
    const { subscriber } = options
    if (subscriber) {
      subscriber.on('message', (channel: string, message: string) => {
        if (channel === this.channel) this.dropLocal(JSON.parse(message) as Invalidation)
      })
      subscriber.subscribe(this.channel).catch((err: unknown) => this.options.onError?.(err))
    }
  }

  read<T>(key: ReadCacheKey, load: () => Promise<T>): Promise<T> {
    const ttlMs = this.options.ttlSeconds[key.kind] * 1000
    if (ttlMs <= 0) return load()
    const name = `${this.hashKey(key)}|${key.id}`
    const copy = this.local.get(name)
    if (copy && this.now() < copy.until) {
      this.options.onOutcome?.(key.kind, 'hit')
      return Promise.resolve(copy.value as T)
    }
    return this.flights.run(name, () => this.readThrough(key, ttlMs, load))
  }

  /**
   * After a write: the next read of these kinds of `scope`, on any instance, goes to the
   * upstream (the other instances drop their own copies when they hear of it).
   */
  async invalidate(scope: string, kinds: readonly ReadCacheKind[]): Promise<void> {
    const invalidation: Invalidation = { scope, kinds: [...kinds] }
    this.dropLocal(invalidation)
    const multi = this.redis.multi()
    for (const kind of kinds) {
      const hash = this.hashKey({ scope, kind })
      multi.incr(`${hash}:gen`).pexpire(`${hash}:gen`, GENERATION_TTL_MS).del(hash)
    }
    multi.publish(this.channel, JSON.stringify(invalidation))
    try {
      await multi.exec()
    } catch (err) {
      this.options.onError?.(err)
    }
  }

  close(): void {
    this.options.subscriber?.disconnect()
  }

  private dropLocal({ scope, kinds }: Invalidation): void {
    this.drops++
    for (const kind of kinds) {
      const prefix = `${this.hashKey({ scope, kind })}|`
      this.flights.forget(prefix)
      for (const name of this.local.keys()) if (name.startsWith(prefix)) this.local.delete(name)
    }
  }

  private keepLocal(key: ReadCacheKey, entry: Entry, dropsBefore: number): void {
    if (this.localMs <= 0 || dropsBefore !== this.drops) return
    const name = `${this.hashKey(key)}|${key.id}`
    this.local.delete(name)
    if (this.local.size >= this.localMax) {
      const oldest = this.local.keys().next()
      if (!oldest.done) this.local.delete(oldest.value)
    }
    this.local.set(name, { value: entry.v, until: Math.min(entry.f, this.now() + this.localMs) })
  }

  private async readThrough<T>(key: ReadCacheKey, ttlMs: number, load: () => Promise<T>) {
    const dropsBefore = this.drops
    let raw: string | null
    try {
      raw = await this.redis.hget(this.hashKey(key), key.id)
    } catch (err) {
      this.options.onError?.(err)
      return load()
    }
    const entry = raw === null ? null : (JSON.parse(raw) as Entry)
    const now = this.now()
    if (entry && now < entry.f) {
      this.options.onOutcome?.(key.kind, 'hit')
      this.keepLocal(key, entry, dropsBefore)
      return entry.v as T
    }
    if (entry && now < entry.s) {
      this.options.onOutcome?.(key.kind, 'stale')
      this.refreshLater(key, ttlMs, load)
      return entry.v as T
    }
    this.options.onOutcome?.(key.kind, 'miss')
    return this.fill(key, ttlMs, load)
  }

  /** One filler per key across instances; the rest wait for its answer, within limits. */
  private async fill<T>(key: ReadCacheKey, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const giveUpAt = this.now() + this.waitMs
    for (;;) {
      const claim = await this.claim(key)
      if (!claim) return load()
      if (claim.token) return this.loadAndStore(key, ttlMs, load, claim.generation, claim.token)
      this.options.onOutcome?.(key.kind, 'wait')
      const entry = await this.awaitFill(key, giveUpAt)
      if (entry) return entry.v as T
      // The filler gave up without an answer, or is taking too long: try again, or call alone.
      if (this.now() >= giveUpAt) return this.loadAndStore(key, ttlMs, load, claim.generation)
    }
  }

  /** The generation now and, when free, the fill lock; null when Redis is failing. */
  private async claim(
    key: ReadCacheKey,
  ): Promise<{ generation: string; token: string | null } | null> {
    const hash = this.hashKey(key)
    const token = randomUUID()
    try {
      const answers = await this.redis
        .multi()
        .get(`${hash}:gen`)
        .set(this.lockKey(key), token, 'PX', this.lockMs, 'NX')
        .exec()
      const generation = answers?.[0]?.[1]
      const locked = answers?.[1]?.[1] === 'OK'
      return {
        generation: typeof generation === 'string' ? generation : '0',
        token: locked ? token : null,
      }
    } catch (err) {
      this.options.onError?.(err)
      return null
    }
  }

  private async loadAndStore<T>(
    key: ReadCacheKey,
    ttlMs: number,
    load: () => Promise<T>,
    generation: string,
    lockToken?: string,
  ): Promise<T> {
    try {
      const value = await load()
      await this.store(key, ttlMs, value, generation)
      return value
    } finally {
      if (lockToken) {
        await this.redis
          .eval(RELEASE, 1, this.lockKey(key), lockToken)
          .catch((err: unknown) => this.options.onError?.(err))
      }
    }
  }

  private async store(key: ReadCacheKey, ttlMs: number, value: unknown, generation: string) {
    const now = this.now()
    const entry: Entry = { f: now + ttlMs, s: now + 2 * ttlMs, v: value ?? null }
    const hash = this.hashKey(key)
    try {
      const stored = await this.redis.eval(
        STORE_IF_CURRENT,
        2,
        hash,
        `${hash}:gen`,
        key.id,
        JSON.stringify(entry),
        generation,
        String(2 * ttlMs),
      )
      // An answer older than an invalidation is handed to its callers, never kept.
      if (stored === 1) this.keepLocal(key, entry, this.drops)
    } catch (err) {
      this.options.onError?.(err)
    }
  }

  /** Polls for the filler's answer until it lands, the filler lets go, or time is up. */
  private async awaitFill(key: ReadCacheKey, giveUpAt: number): Promise<Entry | null> {
    const hash = this.hashKey(key)
    while (this.now() < giveUpAt) {
      await new Promise((resolve) => setTimeout(resolve, this.pollMs))
      let answers: [Error | null, unknown][] | null
      try {
        answers = await this.redis.multi().hget(hash, key.id).exists(this.lockKey(key)).exec()
      } catch (err) {
        this.options.onError?.(err)
        return null
      }
      const raw = answers?.[0]?.[1]
      if (typeof raw === 'string') {
        const entry = JSON.parse(raw) as Entry
        if (this.now() < entry.s) return entry
      }
      if (answers?.[1]?.[1] === 0) return null
    }
    return null
  }

  /** A stale answer was served: one caller (here and across instances) fetches the next. */
  private refreshLater(key: ReadCacheKey, ttlMs: number, load: () => Promise<unknown>): void {
    void this.flights
      .run(`refresh|${this.hashKey(key)}|${key.id}`, async () => {
        const claim = await this.claim(key)
        if (!claim?.token) return
        await this.loadAndStore(key, ttlMs, load, claim.generation, claim.token)
      })
      // The stale answer stays until it lapses; the next reader tries again.
      .catch(() => undefined)
  }

  private hashKey(key: { scope: string; kind: ReadCacheKind }): string {
    // The braces keep a scope's keys in one Redis Cluster slot, as the scripts need.
    return `${this.options.namespace}:{${key.scope}}:${key.kind}`
  }

  private lockKey(key: ReadCacheKey): string {
    return `${this.hashKey(key)}:lock:${key.id}`
  }
}
