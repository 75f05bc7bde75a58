/**
 * A failed gateway call, answered inside the `…_response` member with HTTP 200 as Alipay does.
 * `code` is the public code (40001 missing argument, 40002 invalid argument, 40004 business
 * failure, 20000 service unavailable); `sub_code` is what callers branch on.
 */
export class AlipayError extends Error {
  constructor(
    readonly code: '20000' | '40001' | '40002' | '40004',
    readonly subCode: string,
    readonly subMsg: string,
    /** Extra response fields real errors carry, e.g. `refund_fee: '0.00'` on refunds. */
    readonly extra: Readonly<Record<string, string>> = {},
    /** Answered as `error_response`, as Alipay does for bad methods and login codes. */
    readonly asErrorResponse = false,
  ) {
    super(subMsg)
    this.name = 'AlipayError'
  }

  payload(): Record<string, string> {
    return {
      code: this.code,
      msg: publicMessages[this.code],
      sub_code: this.subCode,
      sub_msg: this.subMsg,
      ...this.extra,
    }
  }
}

const publicMessages: Record<AlipayError['code'], string> = {
  '20000': 'Service Currently Unavailable',
  '40001': 'Missing Required Arguments',
  '40002': 'Invalid Arguments',
  '40004': 'Business Failed',
}

export const missing = (what: string, subMsg: string, asErrorResponse = false): AlipayError =>
  new AlipayError('40001', `isv.missing-${what}`, subMsg, {}, asErrorResponse)

export const invalid = (what: string, subMsg: string, asErrorResponse = false): AlipayError =>
  new AlipayError('40002', `isv.invalid-${what}`, subMsg, {}, asErrorResponse)

export const business = (
  subCode: string,
  subMsg: string,
  extra: Readonly<Record<string, string>> = {},
): AlipayError => new AlipayError('40004', subCode, subMsg, extra)

export const invalidParameter = (subMsg: string): AlipayError =>
  business('ACQ.INVALID_PARAMETER', subMsg)
