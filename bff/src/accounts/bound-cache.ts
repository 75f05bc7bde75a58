import type { Redis } from '../platform/redis'

export interface BoundCacheOptions {
  /** How long a "bound" answer is believed without asking the database again. */
  ttlMs: number
  maxEntries?: number
  /** Where removals are announced to the other instances (the command connection). */
  publisher?: Redis
  /** A connection of its own in subscriber mode that hears the other instances' removals. */
  subscriber?: Redis
  /** The channel's name; instances that share a database must share it. */
  channel: string
  now?: () => number
  onError?: (err: unknown) => void
}

/** One removed binding, as announced. */
interface Removed {
  userId: string
  accountNo: string
}

/**
 * The binding guard's memory of recent "bound" answers, so that every account-scoped request
 * does not query the database. Only "bound" is remembered: a new binding works at once on
 * every instance, and pairs that were never bound cannot fill the memory.
 *
 * How soon an unbinding (by the user, by the last owner leaving a family, by 注销) is obeyed:
 *   - on the instance that removed the binding, at once: its copy is dropped as soon as the
 *     DELETE has committed, before the unbinding is answered;
 *   - on the other instances, when they hear the removal on Redis pub/sub, normally within
 *     milliseconds; if that message is lost (Redis restarting, a subscriber reconnecting), at
 *     the latest when the copy lapses, `ttlMs` after it was read from the database.
 * A database read that started before a removal this instance heard of is not remembered, so
 * a stale "bound" cannot be stored after its removal.
 */
export class BoundCache {
  private readonly entries = new Map<string, number>()
  /** Counts removals heard, so a read that raced one does not keep what it read. */
  private drops = 0
  private readonly maxEntries: number
  private readonly now: () => number

  constructor(private readonly options: BoundCacheOptions) {
    this.maxEntries = options.maxEntries ?? 20_000
    this.now = options.now ?? Date.now
    const { subscriber, channel } = options
    if (subscriber) {
      subscriber.on('message', (from: string, message: string) => {
        if (from !== channel) return
        try {
          this.drop(JSON.parse(message) as Removed[])
        } catch (err) {
          options.onError?.(err)
        }
      })
      subscriber.subscribe(channel).catch((err: unknown) => options.onError?.(err))
    }
  }

  /** True when a "bound" answer for the pair is still believed. */
  has(userId: string, accountNo: string): boolean {
    const key = keyOf(userId, accountNo)
    const until = this.entries.get(key)
    if (until === undefined) return false
    if (this.now() < until) return true
    this.entries.delete(key)
    return false
  }

  /** A mark to hand to `remember`, taken before the database is asked. */
  mark(): number {
    return this.drops
  }

  /** Keeps a "bound" answer read from the database, unless a removal was heard since `mark`. */
  remember(userId: string, accountNo: string, mark: number): void {
    if (this.options.ttlMs <= 0 || mark !== this.drops) return
    const key = keyOf(userId, accountNo)
    this.entries.delete(key)
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next()
      if (!oldest.done) this.entries.delete(oldest.value)
    }
    this.entries.set(key, this.now() + this.options.ttlMs)
  }

  /** After bindings were removed: forgets them here at once and tells the other instances. */
  async removed(bindings: readonly Removed[]): Promise<void> {
    if (bindings.length === 0) return
    this.drop(bindings)
    const { publisher, channel } = this.options
    if (!publisher) return
    try {
      await publisher.publish(channel, JSON.stringify(bindings))
    } catch (err) {
      // The other instances then obey the removal when their copies lapse.
      this.options.onError?.(err)
    }
  }

  private drop(bindings: readonly Removed[]): void {
    this.drops++
    for (const { userId, accountNo } of bindings) this.entries.delete(keyOf(userId, accountNo))
  }
}

function keyOf(userId: string, accountNo: string): string {
  return `${userId}\n${accountNo}`
}
