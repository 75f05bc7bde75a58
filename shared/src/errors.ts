/**
 * The one error catalogue: each code the BFF answers with, its HTTP status and its message.
 * Codes are for programs; messages are Chinese, for residents. The BFF takes the status from
 * here, never at the throw site; the mini-program falls back to the messages when offline.
 */
export const errorCatalogue = {
  BAD_REQUEST: { status: 400, message: '请求内容有误，请检查后再试' },
  VALIDATION_FAILED: { status: 400, message: '填写的内容有误，请检查后再试' },
  BODY_TOO_DEEP: { status: 400, message: '提交的内容层级太多，请检查后再试' },
  METHOD_NOT_ALLOWED: { status: 405, message: '不支持这种请求方式' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  SESSION_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  FORBIDDEN: { status: 403, message: '没有权限进行此操作' },
  ACCOUNT_NOT_BOUND: { status: 403, message: '该户号未绑定到您的账号，请先绑定' },
  NOT_FOUND: { status: 404, message: '没有找到相关内容' },
  ARTICLE_NOT_FOUND: { status: 404, message: '没有找到这篇文章，可能已经下线' },
  IDEMPOTENCY_KEY_REQUIRED: { status: 400, message: '请求缺少幂等键，请刷新后重试' },
  IDEMPOTENCY_CONFLICT: { status: 409, message: '相同的请求正在处理中，请稍候' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, message: '该请求已提交过且内容不同，请刷新后重试' },
  RATE_LIMITED: { status: 429, message: '操作太频繁，请稍后再试' },
  LOGIN_CODE_REJECTED: { status: 400, message: '登录没有成功，请再点一次登录' },
  SMS_CODE_INVALID: { status: 400, message: '验证码不正确，请重新输入' },
  SMS_CODE_EXPIRED: { status: 400, message: '验证码已过期或未发送，请重新获取' },
  IDENTITY_IN_USE: { status: 409, message: '该登录方式已关联到另一个账号' },
  BINDING_PROOF_MISMATCH: { status: 400, message: '户号或户主信息不正确，请对照账单核对' },
  BINDING_LIMIT_REACHED: { status: 409, message: '绑定的户号太多了，请先解绑不用的户号' },
  INVITE_INVALID: { status: 404, message: '邀请码无效或已过期，请让家人重新邀请' },
  OWNER_ONLY: { status: 403, message: '只有户主才能进行此操作' },
  BILL_NOT_FOUND: { status: 404, message: '没有找到这张账单，请刷新账单列表' },
  BILLS_UNAVAILABLE: { status: 503, message: '账单暂时查不到，请稍后再试（已缴的费用不受影响）' },
  PAYMENT_REFUSED: { status: 422, message: '暂时不能为该户号缴费' },
  PAY_SHARE_AMOUNT_CHANGED: { status: 422, message: '金额与家人分享的不一致，请刷新后再试' },
  TOO_MANY_OPEN_ORDERS: {
    status: 409,
    message: '该户号待支付的订单太多了，请先完成支付或取消其中一笔再下单',
  },
  CARD_WRITE_PENDING: {
    status: 409,
    message: '上一笔充值还未写卡，请先携带燃气卡到写卡点写卡，写卡后再充值',
  },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容太大' },
  UPSTREAM_TIMEOUT: { status: 504, message: '系统繁忙，请稍后再试' },
  UPSTREAM_UNAVAILABLE: { status: 503, message: '服务暂时不可用，请稍后再试' },
  UPSTREAM_ERROR: { status: 502, message: '业务系统暂时出错，请稍后再试' },
  INTERNAL: { status: 500, message: '系统出了点问题，请稍后再试' },
} as const satisfies Record<string, { status: number; message: string }>

export type ErrorCode = keyof typeof errorCatalogue

/**
 * Codes only the mini-program raises, for answers that never came from the BFF: nothing came
 * back, or what came back was off the route's schema. They have no HTTP status.
 */
export const clientErrorMessages = {
  NETWORK_ERROR: '网络连接失败，请检查网络后重试',
  INVALID_RESPONSE: errorCatalogue.INTERNAL.message,
} as const

export type ClientErrorCode = keyof typeof clientErrorMessages

// Not Object.hasOwn: WeChat runs mini-programs on iOS's JavaScriptCore, which lacks it before 15.4.
const has = (table: object, key: string) => Object.prototype.hasOwnProperty.call(table, key)

export function isErrorCode(code: string): code is ErrorCode {
  return has(errorCatalogue, code)
}

export function statusFor(code: ErrorCode): number {
  return errorCatalogue[code].status
}

/** The Chinese message of a code; an unknown code (a newer BFF) reads as INTERNAL's. */
export function messageFor(code: string): string {
  if (isErrorCode(code)) return errorCatalogue[code].message
  if (has(clientErrorMessages, code)) return clientErrorMessages[code as ClientErrorCode]
  return errorCatalogue.INTERNAL.message
}
