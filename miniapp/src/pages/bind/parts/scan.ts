import Taro from '@tarojs/taro'

/**
 * The account number in a bill's or meter's QR code. Utilities print either a link with the
 * number as a query parameter (accountNo, hh = 户号) or the bare number; both are accepted.
 */
export function accountNoFromQr(text: string): string | undefined {
  const param = /[?&](?:accountNo|account_no|hh)=(\d{10})(?!\d)/.exec(text)
  if (param?.[1]) return param[1]
  const bare = /(?<!\d)(\d{10})(?!\d)/.exec(text)
  return bare?.[1]
}

/** Scanning exists in the mini-programs only; the H5 build has no camera API for it. */
export const canScan = process.env.TARO_ENV !== 'h5'

/** Undefined when the resident cancels or the code holds no account number. */
export async function scanAccountNo(): Promise<string | undefined> {
  try {
    const res = await Taro.scanCode({ scanType: ['qrCode', 'barCode'] })
    return accountNoFromQr(res.result)
  } catch {
    return undefined
  }
}
