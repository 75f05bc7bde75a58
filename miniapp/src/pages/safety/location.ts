import Taro from '@tarojs/taro'

export type LocationState =
  | { status: 'none' }
  | { status: 'locating' }
  | { status: 'denied'; message: string }
  | { status: 'found'; lat: number; lng: number }

/**
 * The resident's position in WGS-84 (the outlet contract's datum). Asked only when the resident
 * taps the button, so the permission prompt never comes out of nowhere.
 */
export async function locate(): Promise<LocationState> {
  try {
    const { latitude, longitude } = await Taro.getLocation({ type: 'wgs84' })
    return { status: 'found', lat: latitude, lng: longitude }
  } catch (err: unknown) {
    console.warn('getLocation failed', err)
    return {
      status: 'denied',
      message: '没能获取您的位置，网点按区排列。可以在手机设置里允许定位后再试。',
    }
  }
}
