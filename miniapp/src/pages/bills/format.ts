/** '2026-11-30T23:59:59+08:00' or '2026-11-30' → '2026年11月30日' (the date as written, +08:00). */
export function dayText(iso: string): string {
  const [y = '', m = '', d = ''] = iso.slice(0, 10).split('-')
  return `${y}年${Number(m)}月${Number(d)}日`
}
