import Taro from '@tarojs/taro'
import { routes, type HelpAlert, type HelpAlertKind } from '@gh/shared'
import { request } from '../../api'

/**
 * A fuzzy position (about a district) when the account allows it; the platform's fuzzy
 * location is the only one asked for, so elsewhere none goes with the alert.
 */
async function fuzzyLocation(): Promise<{ latitude: number; longitude: number } | null> {
  if (process.env.TARO_ENV !== 'weapp') return null
  try {
    const { latitude, longitude } = await Taro.getFuzzyLocation({ type: 'wgs84' })
    return { latitude, longitude }
  } catch {
    return null
  }
}

/** Sends the alert; the key is the press's, so a retry after a lost answer sends it once. */
export async function sendHelpAlert(options: {
  accountNo: string
  kind: HelpAlertKind
  shareLocation: boolean
  idempotencyKey: string
}): Promise<HelpAlert> {
  const location = options.shareLocation ? await fuzzyLocation() : null
  return request(routes.createHelpAlert, {
    params: { accountNo: options.accountNo },
    body: { kind: options.kind, location },
    idempotencyKey: options.idempotencyKey,
  })
}
