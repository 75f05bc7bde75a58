import { fenToYuanString, maskAccountNo, type PaymentPurpose } from '@gh/shared'
import type { Logger } from '../platform/logger'
import { toShanghaiIso } from '../platform/time'
import type { SubscribeMessagesPort } from '../upstream/wechat/wechat-port'
import type { OrderNotice, ResidentNotices } from './ports'

/** 状态 is a `phrase` keyword: at most five characters. */
const STATE_PHRASE: Record<string, string> = {
  CREDITED: '已到账',
  AWAITING_CARD_WRITE: '请写卡',
  CARD_WRITTEN: '已写卡',
  REFUNDED: '已退款',
  CLOSED: '已关闭',
}

interface SubscribeNoticeDeps {
  messages: SubscribeMessagesPort
  templateId: string
  /** The payer's WeChat openid, or null when they never logged in with WeChat. */
  openidOf: (userId: string) => Promise<string | null>
  /** A payer through a share card is not bound: their message opens the home page instead. */
  isBound: (userId: string, accountNo: string) => Promise<boolean>
  logger: Logger
  now: () => Date
}

function what(purpose: PaymentPurpose): string {
  return purpose === 'recharge' ? '燃气充值' : '缴费'
}

/**
 * 缴费结果通知 as a WeChat subscription message when an order reaches an end state. The payer
 * agreed to it in the mini-program (requestSubscribeMessage) before paying; without an openid
 * or without that consent (43101) nothing is sent and nothing fails.
 */
export class SubscribeNotices implements ResidentNotices {
  constructor(private readonly deps: SubscribeNoticeDeps) {}

  async orderSettled(notice: OrderNotice): Promise<void> {
    const { deps } = this
    const openid = await deps.openidOf(notice.userId)
    if (!openid) return
    const query = `accountNo=${notice.accountNo}&orderNo=${notice.orderNo}&purpose=${notice.purpose}`
    const page = (await deps.isBound(notice.userId, notice.accountNo))
      ? `pages/orders/detail?${query}`
      : 'pages/index/index'
    const result = await deps.messages.send({
      openid,
      templateId: deps.templateId,
      page,
      data: {
        thing1: what(notice.purpose),
        // The `amount` keyword takes a currency sign and plain digits, no thousands commas.
        amount2: `¥${fenToYuanString(notice.amountFen)}`,
        phrase3: STATE_PHRASE[notice.state] ?? '已更新',
        character_string4: maskAccountNo(notice.accountNo),
        time5: toShanghaiIso(deps.now()).slice(0, 16).replace('T', ' '),
      },
    })
    deps.logger.info({ orderNo: notice.orderNo, state: notice.state, result }, 'order notice')
  }
}
