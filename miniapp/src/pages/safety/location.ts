import Taro from '@tarojs/taro'

export type LocationState =
  | { status: 'none' }
  | { status: 'locating' }
  | { status: 'denied'; message: string }
  | { status: 'found'; lat: number; lng: number }

/**
 * Sorting outlets by distance needs a district, not a doorstep: on WeChat the fuzzy location
 * (about 1.5 km) is enough and is the one the platform's privacy review expects for this use.
 */
async function position(): Promise<{ latitude: number; longitude: number }> {
  if (process.env.TARO_ENV === 'weapp') return Taro.getFuzzyLocation({ type: 'wgs84' })
  return Taro.getLocation({ type: 'wgs84' })
}

/**
 * The resident's position in WGS-84 (the outlet contract's datum). Asked only when the resident
 * taps the button, so the permission prompt never comes out of nowhere.
 */
export async function locate(): Promise<LocationState> {
  try {
    const { latitude, longitude } = await position()
    return { status: 'found', lat: latitude, lng: longitude }
  } catch (err: unknown) {
    console.warn('location failed', err)
    return {
      status: 'denied',
      message: '没能获取您的位置，网点按区排列。可以在手机设置里允许定位后再试。',
    }
  }
}
