/**
 * The one table of user-facing messages. Codes are for programs; messages are Chinese, for
 * residents. The BFF answers with these; the mini-program falls back to them when offline.
 */
export const errorMessages = {
  BAD_REQUEST: '请求内容有误，请检查后再试',
  VALIDATION_FAILED: '填写的内容有误，请检查后再试',
  BODY_TOO_DEEP: '提交的内容层级太多，请检查后再试',
  METHOD_NOT_ALLOWED: '不支持这种请求方式',
  UNAUTHENTICATED: '请先登录',
  SESSION_EXPIRED: '登录已过期，请重新登录',
  FORBIDDEN: '没有权限进行此操作',
  ACCOUNT_NOT_BOUND: '该户号未绑定到您的账号，请先绑定',
  NOT_FOUND: '没有找到相关内容',
  ARTICLE_NOT_FOUND: '没有找到这篇文章，可能已经下线',
  IDEMPOTENCY_KEY_REQUIRED: '请求缺少幂等键，请刷新后重试',
  IDEMPOTENCY_CONFLICT: '相同的请求正在处理中，请稍候',
  IDEMPOTENCY_KEY_REUSED: '该请求已提交过且内容不同，请刷新后重试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  LOGIN_CODE_REJECTED: '登录没有成功，请再点一次登录',
  SMS_CODE_INVALID: '验证码不正确，请重新输入',
  SMS_CODE_EXPIRED: '验证码已过期或未发送，请重新获取',
  IDENTITY_IN_USE: '该登录方式已关联到另一个账号',
  BINDING_PROOF_MISMATCH: '户号或户主信息不正确，请对照账单核对',
  BINDING_LIMIT_REACHED: '绑定的户号太多了，请先解绑不用的户号',
  INVITE_INVALID: '邀请码无效或已过期，请让家人重新邀请',
  OWNER_ONLY: '只有户主才能进行此操作',
  BILL_NOT_FOUND: '没有找到这张账单，请刷新账单列表',
  BILLS_UNAVAILABLE: '账单暂时查不到，请稍后再试（已缴的费用不受影响）',
  PAYMENT_REFUSED: '暂时不能为该户号缴费',
  TOO_MANY_OPEN_ORDERS: '该户号待支付的订单太多了，请先完成支付或取消其中一笔再下单',
  CARD_WRITE_PENDING: '上一笔充值还未写卡，请先携带燃气卡到写卡点写卡，写卡后再充值',
  PAYLOAD_TOO_LARGE: '提交的内容太大',
  UPSTREAM_TIMEOUT: '系统繁忙，请稍后再试',
  UPSTREAM_UNAVAILABLE: '服务暂时不可用，请稍后再试',
  UPSTREAM_ERROR: '业务系统暂时出错，请稍后再试',
  NETWORK_ERROR: '网络连接失败，请检查网络后重试',
  INTERNAL: '系统出了点问题，请稍后再试',
} as const

export type ErrorCode = keyof typeof errorMessages

export function messageFor(code: string): string {
  return (errorMessages as Record<string, string>)[code] ?? errorMessages.INTERNAL
}
