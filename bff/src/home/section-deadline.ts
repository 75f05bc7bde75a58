import type { HomeSectionUnavailable } from '@gh/shared'

export type SectionResult<T extends object> = ({ status: 'ok' } & T) | HomeSectionUnavailable

/**
 * One time budget for every section of a page: a section whose upstream has not answered when
 * it runs out is reported unavailable, and the page is answered with the others. Work still
 * running goes on in the background (an answer that lands later fills the read cache).
 */
export class SectionDeadline {
  private readonly timers: NodeJS.Timeout[] = []
  private readonly expired: Promise<'expired'>
  private readonly optionalExpired: Promise<'expired'>

  /** Optional parts give up `optionalMarginMs` earlier, so their section still makes it. */
  constructor(budgetMs: number, optionalMarginMs = 100) {
    this.expired = this.after(budgetMs)
    this.optionalExpired = this.after(Math.max(0, budgetMs - optionalMarginMs))
  }

  /**
   * `work`'s payload as an ok section, or unavailable with `message` when it fails or the
   * budget runs out first; `onFailure` hears why.
   */
  async section<T extends object>(
    work: Promise<T>,
    message: string,
    onFailure: (reason: unknown) => void,
  ): Promise<SectionResult<T>> {
    const outcome = await Promise.race([
      work.then(
        (payload) => ({ payload }),
        (err: unknown) => ({ err }),
      ),
      this.expired,
    ])
    if (outcome !== 'expired' && 'payload' in outcome) return { status: 'ok', ...outcome.payload }
    onFailure(outcome === 'expired' ? 'time budget exceeded' : outcome.err)
    return { status: 'unavailable', message, retryable: true }
  }

  /** An optional part of a section: null when it fails or is not there in time. */
  async optional<T>(work: Promise<T>): Promise<T | null> {
    const outcome = await Promise.race([work.catch(() => null), this.optionalExpired])
    return outcome === 'expired' ? null : outcome
  }

  done(): void {
    for (const timer of this.timers) clearTimeout(timer)
  }

  private after(ms: number): Promise<'expired'> {
    return new Promise((resolve) => {
      this.timers.push(setTimeout(() => resolve('expired'), ms))
    })
  }
}
