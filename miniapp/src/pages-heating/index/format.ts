/**
 * '2026-11-26T15:00:00+08:00' → '11月26日 15:00'; a plain date → '11月26日'. The year is said
 * when it is not `sameYear` (a step due next year).
 */
export function timeText(iso: string, sameYear?: string): string {
  const [y = '', m = '', d = ''] = iso.slice(0, 10).split('-')
  const year = sameYear !== undefined && y !== sameYear ? `${y}年` : ''
  const day = `${year}${Number(m)}月${Number(d)}日`
  return iso.length > 10 ? `${day} ${iso.slice(11, 16)}` : day
}

/** 165 → '16.5℃', 180 → '18.0℃' (the stepper always shows one decimal). */
export function temperatureText(tenths: number): string {
  return `${Math.trunc(tenths / 10)}.${Math.abs(tenths % 10)}℃`
}
