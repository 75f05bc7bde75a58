/**
 * Small seeded randomness. The sandbox must replay the same data and the same fault sequence for
 * the same seed, so nothing here may touch Math.random.
 */

/** Mixes any number of integers into one 32-bit seed (murmur3 finaliser per step). */
export function hashSeed(...parts: readonly number[]): number {
  let h = 0x811c9dc5
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b)
    h ^= h >>> 13
    h = Math.imul(h, 0xc2b2ae35)
    h ^= h >>> 16
  }
  return h >>> 0
}

/** Hashes a string (e.g. a port name) into a 32-bit integer, FNV-1a. */
export function hashString(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  }
  return h >>> 0
}

export class Random {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** mulberry32: uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)]
    if (item === undefined) throw new Error('pick from an empty list')
    return item
  }

  /** Normal sample (Box–Muller); always draws two numbers so sequences stay aligned. */
  normal(mean: number, stddev: number): number {
    const u = 1 - this.next()
    const v = this.next()
    return mean + stddev * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }

  /** `length` decimal digits, leading zeros kept. */
  digits(length: number): string {
    let out = ''
    for (let i = 0; i < length; i++) out += String(Math.floor(this.next() * 10))
    return out
  }
}

/** Items with weights, picked by binary search over precomputed cumulative weights. */
export class Weighted<T> {
  private readonly cumulative: number[] = []
  private readonly total: number

  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) throw new Error('bad weights')
    let sum = 0
    for (const w of weights) this.cumulative.push((sum += w))
    this.total = sum
  }

  pick(random: Random): T {
    const roll = random.next() * this.total
    let lo = 0
    let hi = this.cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (roll < (this.cumulative[mid] as number)) hi = mid
      else lo = mid + 1
    }
    return this.items[lo] as T
  }
}
