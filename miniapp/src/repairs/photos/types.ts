/**
 * Opens the camera or the album for up to `count` photos and resolves their local paths, each
 * already made smaller on the phone (a leak photo needs no 12-megapixel original, and a rural
 * mobile network uploads a few hundred kilobytes far sooner). Resolves [] when cancelled.
 */
export type PickPhotos = (count: number) => Promise<string[]>

/** The long side of a photo after compression: enough to see a meter's digits or a rusty joint. */
export const MAX_SIDE_PX = 1600

/** Closing the picker is a choice, not an error (WeChat: `…:fail cancel`; Alipay: error 11). */
export function isCancel(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false
  const { errMsg, error } = err as { errMsg?: unknown; error?: unknown }
  return (typeof errMsg === 'string' && /cancel/i.test(errMsg)) || error === 11
}
