const OFFSET_MS = 8 * 3600 * 1000

/** ISO-8601 in Asia/Shanghai (+08:00, no DST), independent of the server's TZ. */
export function toShanghaiIso(date: Date): string {
  const shifted = new Date(date.getTime() + OFFSET_MS).toISOString()
  return `${shifted.slice(0, 19)}+08:00`
}
