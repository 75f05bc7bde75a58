/**
 * Which mode to start in. An explicit link (`?elder=1`, e.g. sent by an agent) wins over what
 * the resident chose last time, which wins over the platform's font setting.
 */
export interface ElderModeInputs {
  linkFlag?: boolean
  stored?: boolean
  platformLargeFont?: boolean
}

export function resolveElderMode({
  linkFlag,
  stored,
  platformLargeFont,
}: ElderModeInputs): boolean {
  return linkFlag ?? stored ?? platformLargeFont ?? false
}

const FLAG = /[?&]elder=([^&#]*)/g

/** Reads `elder=1|0|true|false` from a URL, including the query inside a hash route. */
export function parseElderFlag(href: string): boolean | undefined {
  let result: boolean | undefined
  for (const match of href.matchAll(FLAG)) {
    const value = parseFlagValue(match[1])
    if (value !== undefined) result = value
  }
  return result
}

export function parseFlagValue(value: unknown): boolean | undefined {
  if (value === '1' || value === 'true' || value === 1 || value === true) return true
  if (value === '0' || value === 'false' || value === 0 || value === false) return false
  return undefined
}

/** WeChat's standard size is 17 px (iOS) and scale factor 1; a clearly larger setting counts. */
const LARGE_FONT_PX = 20
const LARGE_SCALE = 1.15

export function isLargeFontSetting(info: object): boolean | undefined {
  const { fontSizeSetting, fontSizeScaleFactor } = info as Record<string, unknown>
  const scale = Number(fontSizeScaleFactor)
  if (Number.isFinite(scale) && scale > 0) return scale >= LARGE_SCALE
  const px = Number(fontSizeSetting)
  if (Number.isFinite(px) && px > 0) return px >= LARGE_FONT_PX
  return undefined
}
