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
  AGENT_LOGIN_FAILED: { status: 401, message: '工号或密码不正确' },
  AGENT_OUT_OF_SCOPE: { status: 403, message: '该户号不在您负责的范围内' },
  AGENT_SUPERVISOR_ONLY: { status: 403, message: '只有主管可以查看' },
  AGENT_TASK_INVALID: { status: 404, message: '链接已失效，请联系客服重新发送' },
  AGENT_TASK_CLOSED: { status: 409, message: '这个任务已完成或已过期，请重新发送一个新任务' },
  PROXY_REQUEST_NOT_FOUND: { status: 404, message: '没有找到这条代办，请联系客服重新发起' },
  PROXY_CODE_WRONG: { status: 400, message: '验证码不正确，请核对客服告诉您的6位数字' },
  PROXY_CODE_EXPIRED: { status: 410, message: '验证码已过期，请联系客服重新发起' },
  PROXY_CODE_LOCKED: {
    status: 409,
    message: '验证码输错次数太多，这条代办已失效，请联系客服重新发起',
  },
  PROXY_REQUEST_USED: {
    status: 409,
    message: '这条代办已经确认过了，请在缴费记录或报修记录中查看',
  },
  PROXY_NOTHING_DUE: { status: 422, message: '该户号目前没有待缴的费用' },
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
  USAGE_UNAVAILABLE: { status: 503, message: '用量记录暂时查不到，请稍后再试' },
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
  MESSAGE_NOT_FOUND: { status: 404, message: '没有找到这条消息，请刷新消息列表' },
  SMS_NOT_AVAILABLE: { status: 422, message: '您还没有验证手机号，暂时不能接收短信提醒' },
  REPAIR_NOT_FOUND: { status: 404, message: '没有找到这张报修单，请刷新报修列表' },
  REPAIR_SLOT_UNAVAILABLE: { status: 409, message: '这个时间段已约满，请换一个上门时间' },
  REPAIR_URGE_TOO_SOON: { status: 409, message: '刚刚催过单了，请稍后再催' },
  REPAIR_NOT_OPEN: { status: 409, message: '这张报修单已处理完毕，不需要催单' },
  REPAIR_NOT_RESOLVED: { status: 409, message: '师傅处理完成后才能评价' },
  REPAIR_ALREADY_RATED: { status: 409, message: '这张报修单已经评价过了' },
  REPAIR_STILL_OPEN: { status: 409, message: '这张报修单还在处理中，师傅会继续跟进' },
  REPAIR_REOPEN_EXPIRED: {
    status: 409,
    message: '处理完成已超过7天，不能重新打开，请重新报修',
  },
  INSPECTION_SLOT_UNAVAILABLE: { status: 409, message: '这个时间段已约满，请换一个上门时间' },
  INSPECTION_ALREADY_BOOKED: {
    status: 409,
    message: '已经预约过安检了，如需换时间请改约',
  },
  INSPECTION_NOT_FOUND: { status: 404, message: '没有找到这次安检预约，请刷新后再试' },
  INSPECTION_CLOSED: { status: 409, message: '这次安检已完成或已取消，不能再修改' },
  INSPECTION_NOT_AVAILABLE: { status: 422, message: '供热户号没有燃气入户安检' },
  PHOTO_MISSING: { status: 400, message: '没有收到照片，请重新选择照片上传' },
  PHOTO_TOO_LARGE: { status: 413, message: '照片太大了，请选择 10MB 以内的照片' },
  PHOTO_TYPE_NOT_ALLOWED: { status: 415, message: '只能上传 JPG、PNG、WebP 或 HEIC 格式的照片' },
  PHOTO_TOO_MANY_PIXELS: { status: 422, message: '照片尺寸太大（超过4000万像素），请换一张照片' },
  PHOTO_UNREADABLE: { status: 422, message: '照片打不开，可能已损坏，请重新拍一张' },
  PHOTO_NOT_FOUND: { status: 404, message: '没有找到这张照片，请重新上传' },
  PHOTO_ALREADY_USED: { status: 409, message: '这张照片已用在另一张报修单上，请重新上传' },
  UPLOAD_INCOMPLETE: { status: 400, message: '照片没有传完整，请重新上传' },
  UPLOAD_MALFORMED: { status: 400, message: '上传的内容格式不对，请重新选择照片上传' },
  UPLOAD_BUSY: { status: 503, message: '现在上传的人较多，请稍等片刻再试' },
  STORAGE_UNAVAILABLE: { status: 503, message: '照片暂时无法保存或读取，请稍后再试' },
  NOT_HEATING_ACCOUNT: { status: 404, message: '该户号不是集中供热用户，没有供暖业务' },
  HEATING_UNAVAILABLE: { status: 503, message: '供暖业务暂时查不到，请稍后再试' },
  HEATING_STOP_WINDOW_CLOSED: { status: 422, message: '现在不在报停申请期内' },
  HEATING_STOP_SHARED_RISER: { status: 422, message: '您家所在楼栋为单管串联供暖，不能单户报停' },
  HEATING_STOP_EXISTS: { status: 409, message: '本采暖季已经报停，不用重复申请' },
  HEATING_IN_ARREARS: { status: 422, message: '该户有欠费，请先缴清欠费再办理' },
  HEATING_ACCOUNT_SUSPENDED: { status: 422, message: '该户号已停用，暂时不能办理' },
  HEATING_RESUME_WINDOW_CLOSED: { status: 422, message: '现在不在恢复供暖受理期内' },
  HEATING_NOT_STOPPED: { status: 422, message: '本采暖季没有报停，正常供暖' },
  HEATING_RESUME_EXISTS: { status: 409, message: '已经申请恢复供暖，不用重复申请' },
  HEATING_FEE_CHANGED: { status: 409, message: '费用有变化，请看清新的金额后再确认' },
  HEATING_CANCEL_CLOSED: { status: 422, message: '已过撤回期限，不能撤回这份申请' },
  HEATING_APPLICATION_NOT_FOUND: { status: 404, message: '没有找到这份申请，请刷新后再看' },
  HEATING_OUT_OF_SEASON: { status: 422, message: '现在不在采暖季，暂不受理室温投诉' },
  HEATING_NOT_SUPPLIED: { status: 422, message: '本采暖季已报停，不受理室温投诉' },
  HEATING_COMPLAINT_OPEN: { status: 409, message: '您有一件室温投诉正在处理，处理完后可以再报' },
  HEATING_SLOT_UNAVAILABLE: { status: 409, message: '这个上门时间已不能预约，请换一个时间' },
  HEATING_COMPLAINT_NOT_FOUND: { status: 404, message: '没有找到这件室温投诉，请刷新后再看' },
  CONNECTION_NOT_FOUND: { status: 404, message: '没有找到这份报装申请，请刷新后再看' },
  CONNECTION_UNAVAILABLE: { status: 503, message: '报装业务暂时查不到，请稍后再试' },
  IGNITION_NOT_READY: { status: 422, message: '燃气表还没有安装，安装好后才能预约通气点火' },
  IGNITION_ALREADY_DONE: { status: 409, message: '已经通气点火，不用再预约' },
  IGNITION_SLOT_UNAVAILABLE: { status: 409, message: '这个上门时间已约满，请换一个时间' },
  HELP_ALERTS_OFF: { status: 422, message: '一键求助还没有开启，请先在求助设置中开启' },
  HELP_ALERT_NOT_FOUND: { status: 404, message: '没有找到这条求助记录，请刷新后再看' },
  HELP_ALERT_OWN: { status: 422, message: '这是您自己发出的求助，需要家人或服务站确认' },
  ACCOUNT_CHANGE_UNPAID: { status: 422, message: '该户还有未缴清的费用，请先缴清再办理销户' },
  ACCOUNT_CHANGE_OPEN: { status: 409, message: '该户有一件变更申请正在办理，办结后可以再申请' },
  ACCOUNT_CLOSED: { status: 422, message: '该户号已销户，不能再办理' },
  ACCOUNT_CHANGES_UNAVAILABLE: { status: 503, message: '过户销户业务暂时查不到，请稍后再试' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容太大' },
  UPSTREAM_TIMEOUT: { status: 504, message: '系统繁忙，请稍后再试' },
  UPSTREAM_UNAVAILABLE: { status: 503, message: '服务暂时不可用，请稍后再试' },
  UPSTREAM_BUSY: { status: 503, message: '办理的人较多，请稍等片刻再试' },
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
