import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'
import { AppError } from '../platform/app-error'
import { toShanghaiIso } from '../platform/time'

function roughly(seconds: number): string {
  if (seconds < 60) return `${seconds}秒`
  const minutes = Math.ceil(seconds / 60)
  if (minutes < 60) return `${minutes}分钟`
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  return rest ? `${hours}小时${rest}分钟` : `${hours}小时`
}

/**
 * "Try again at 14:35 (about 30 minutes)": residents read the clock time, the duration helps
 * when the phone's clock is wrong. The time is Beijing time, whatever the server's TZ.
 */
function tryAgainText(retryAfterSeconds: number, now: Date): string {
  const at = toShanghaiIso(new Date(now.getTime() + retryAfterSeconds * 1000))
  const sameDay = at.slice(0, 10) === toShanghaiIso(now).slice(0, 10)
  const clock = at.slice(11, 16)
  const when = sameDay ? clock : `${Number(at.slice(5, 7))}月${Number(at.slice(8, 10))}日 ${clock}`
  return `请于 ${when} 后再试（约${roughly(retryAfterSeconds)}）`
}

/** 429 RATE_LIMITED with a Chinese reason and when to come back. */
export function rateLimited(reason: string, retryAfterSeconds: number, now: Date): AppError {
  return new AppError('RATE_LIMITED', {
    userMessage: `${reason}，${tryAgainText(retryAfterSeconds, now)}`,
    retryAfterSeconds,
  })
}

/** Takes one point from a rate-limiter-flexible limiter, or throws 429 with the reason. */
export async function consumeOrRateLimited(
  limiter: RateLimiterAbstract,
  key: string,
  reason: string,
  now: Date,
): Promise<void> {
  try {
    await limiter.consume(key)
  } catch (res) {
    if (!(res instanceof RateLimiterRes)) throw res
    throw rateLimited(reason, Math.max(1, Math.ceil(res.msBeforeNext / 1000)), now)
  }
}
