import { fenToYuanString, maskAccountNo, type PaymentPurpose } from '@gh/shared'
import { toShanghaiIso } from '../platform/time'
import type { NotificationEvent, SupplyStopFacts } from './notification-event'

/**
 * The named values a message is made of. A platform's template maps its keywords onto these
 * names in configuration (`thing1` → `title`), so a new template needs no code.
 */
export const MESSAGE_FIELDS = [
  'title',
  'account',
  'amount',
  'balance',
  'threshold',
  'dueDate',
  'startTime',
  'endTime',
  'time',
  'state',
  'reason',
  'area',
  'purpose',
  'repairNo',
  'note',
] as const
export type MessageField = (typeof MESSAGE_FIELDS)[number]

/** One message for one recipient, in every shape a channel needs. */
export interface ComposedMessage {
  /** Inbox title. */
  title: string
  /** Inbox text: one or two sentences, account masked. */
  body: string
  /** The mini-program page it opens, with its query. */
  page: string | null
  fields: Record<MessageField, string>
  /** The SMS `service_notice` template's title and detail (the account goes separately). */
  sms: { title: string; detail: string }
}

export interface Recipient {
  /** A payer through a share card is not bound: their message opens the home page instead. */
  bound: boolean
}

/** `¥12.30`: the `amount` keyword takes a currency sign and plain digits, no commas. */
const money = (fen: number): string => `¥${fenToYuanString(fen)}`
const yuan = (fen: number): string => `${fenToYuanString(fen)}元`

/** 'YYYY-MM-DD HH:mm' in Shanghai time. */
function minute(iso: string | Date): string {
  return toShanghaiIso(typeof iso === 'string' ? new Date(iso) : iso)
    .slice(0, 16)
    .replace('T', ' ')
}

/** '12月3日 09:00', as a resident reads a time in a sentence. */
function spoken(iso: string): string {
  const text = minute(iso)
  return `${Number(text.slice(5, 7))}月${Number(text.slice(8, 10))}日 ${text.slice(11)}`
}

const date = (iso: string): string => minute(iso).slice(0, 10)
const spokenDate = (iso: string): string => spoken(iso).split(' ')[0] ?? ''

const PAYMENT_PHRASE: Record<string, string> = {
  CREDITED: '已到账',
  AWAITING_CARD_WRITE: '请写卡',
  CARD_WRITTEN: '已写卡',
  REFUNDED: '已退款',
  CLOSED: '已关闭',
}

const PAYMENT_ADVICE: Record<string, string> = {
  AWAITING_CARD_WRITE: '请携带燃气卡到营业厅或写卡点写卡。',
  REFUNDED: '款项将原路退回。',
}

function what(purpose: PaymentPurpose): string {
  return purpose === 'recharge' ? '燃气充值' : '缴费'
}

function stopWords(kind: SupplyStopFacts['kind']) {
  return kind === 'gas'
    ? { stop: '停气', restored: '已恢复供气', advice: '恢复后请先开窗通风，再开阀点火。' }
    : { stop: '停暖', restored: '已恢复供暖', advice: '暖气片上凉下热时可打开排气阀排气。' }
}

type Parts = Omit<ComposedMessage, 'fields'> & { fields: Partial<Record<MessageField, string>> }

function parts(event: NotificationEvent, recipient: Recipient): Parts {
  const account = maskAccountNo(event.accountNo)
  const accountQuery = `accountNo=${event.accountNo}`
  switch (event.type) {
    case 'bill_issued':
    case 'bill_due_soon':
    case 'bill_overdue': {
      const bill = event.data
      const page = `pages/bills/index?${accountQuery}`
      const common = {
        amount: money(bill.outstandingFen),
        dueDate: date(bill.dueAt),
        purpose: bill.title,
      }
      if (event.type === 'bill_issued') {
        return {
          title: `${bill.title}已出账`,
          body: `户号${account}的${bill.title}已出账，应缴${yuan(bill.outstandingFen)}，请在${spokenDate(bill.dueAt)}前缴费。`,
          page,
          fields: { ...common, title: bill.title, state: '已出账', note: '请在缴费期限前缴费' },
          sms: {
            title: '账单提醒',
            detail: `${bill.title}${yuan(bill.outstandingFen)}已出账，请在${spokenDate(bill.dueAt)}前缴费。`,
          },
        }
      }
      if (event.type === 'bill_due_soon') {
        return {
          title: `${bill.title}快到缴费期限`,
          body: `户号${account}的${bill.title}还有${yuan(bill.outstandingFen)}未缴，缴费期限是${spokenDate(bill.dueAt)}，逾期将产生滞纳金。`,
          page,
          fields: { ...common, title: bill.title, state: '即将到期', note: '逾期将产生滞纳金' },
          sms: {
            title: '缴费提醒',
            detail: `${bill.title}${yuan(bill.outstandingFen)}将于${spokenDate(bill.dueAt)}到期，请及时缴费。`,
          },
        }
      }
      return {
        title: `${bill.title}已逾期`,
        body: `户号${account}的${bill.title}已过缴费期限（${spokenDate(bill.dueAt)}），欠费${yuan(bill.outstandingFen)}，每天会产生滞纳金，请尽快缴费。`,
        page,
        fields: { ...common, title: bill.title, state: '已逾期', note: '逾期每天产生滞纳金' },
        sms: {
          title: '欠费提醒',
          detail: `${bill.title}已逾期，欠费${yuan(bill.outstandingFen)}，请尽快缴费。`,
        },
      }
    }
    case 'low_balance': {
      const { balanceFen, thresholdFen } = event.data
      return {
        title: '余额不足提醒',
        body: `户号${account}的燃气余额${yuan(balanceFen)}，已低于您设定的${yuan(thresholdFen)}，请及时充值，以免停气。`,
        page: `pages/recharge/index?${accountQuery}`,
        fields: {
          title: '燃气余额不足',
          balance: money(balanceFen),
          amount: money(balanceFen),
          threshold: money(thresholdFen),
          state: '余额不足',
          note: '请及时充值，以免停气',
        },
        sms: {
          title: '余额不足提醒',
          detail: `燃气余额${yuan(balanceFen)}，低于${yuan(thresholdFen)}，请及时充值。`,
        },
      }
    }
    case 'supply_stop_announced':
    case 'supply_stop_changed':
    case 'supply_stop_ended': {
      const notice = event.data
      const words = stopWords(notice.kind)
      const span = `${spoken(notice.startsAt)}至${spoken(notice.endsAt)}`
      const page = `pages/index/index?${accountQuery}`
      const times = { startTime: minute(notice.startsAt), endTime: minute(notice.endsAt) }
      const base = { ...times, reason: notice.reason, area: notice.scope }
      if (event.type === 'supply_stop_announced') {
        return {
          title: `${words.stop}通知`,
          body: `${notice.scope}因${notice.reason}，将于${span}${words.stop}，请提前做好准备。`,
          page,
          fields: { ...base, title: `${words.stop}通知`, state: words.stop, note: notice.reason },
          sms: { title: `${words.stop}通知`, detail: `您所在片区${span}${words.stop}。` },
        }
      }
      if (event.type === 'supply_stop_changed') {
        return {
          title: `${words.stop}时间变更`,
          body: `${notice.scope}的${words.stop}时间变更为${span}（${notice.reason}）。`,
          page,
          fields: {
            ...base,
            title: `${words.stop}时间变更`,
            state: '时间变更',
            note: notice.reason,
          },
          sms: { title: `${words.stop}变更`, detail: `您所在片区${words.stop}时间改为${span}。` },
        }
      }
      return {
        title: words.restored,
        body: `${notice.scope}${words.restored}。${words.advice}`,
        page,
        fields: { ...base, title: words.restored, state: '已恢复', note: words.advice },
        sms: { title: words.restored, detail: `您所在片区${words.restored}。${words.advice}` },
      }
    }
    case 'repair_step': {
      const repair = event.data
      const detail = repair.detail ?? ''
      return {
        title: `报修进度：${repair.stepLabel}`,
        body: `户号${account}的报修（${repair.kindLabel}，单号${repair.repairId}）${repair.stepLabel}。${detail}`,
        page: `pages-repairs/detail/index?${accountQuery}&repairNo=${repair.repairId}`,
        fields: {
          title: repair.kindLabel,
          repairNo: repair.repairId,
          state: repair.phrase ?? repair.stepLabel,
          time: minute(repair.at),
          note: repair.detail ?? repair.stepLabel,
        },
        sms: { title: '报修进度', detail: `报修${repair.stepLabel}。${detail}` },
      }
    }
    case 'help_alert': {
      const alert = event.data
      const title = `一键求助：${alert.kindLabel}`
      return {
        title,
        body: `您的家人（户号${account}）${spoken(alert.at)}发出求助：${alert.kindLabel}。地址：${alert.address}。请尽快联系或前往，处理后请在求助记录中点“我来处理”。`,
        page: `pages-service/help/index?${accountQuery}`,
        fields: {
          title,
          state: '待确认',
          time: minute(alert.at),
          note: alert.address,
        },
        sms: {
          title: '一键求助',
          detail: `家人发出求助（${alert.kindLabel}），地址：${alert.address}`,
        },
      }
    }
    case 'service_life_due': {
      const due = event.data
      const advice = '请尽快更换，更换前用气时注意开窗通风。'
      return {
        title: `${due.label}到期提醒`,
        body: `户号${account}的${due.label}已到使用年限（${due.lifeLabel}），老化后容易漏气。${advice}`,
        page: `pages-safety/self-check/index?${accountQuery}`,
        fields: {
          title: `${due.label}到期`,
          state: '已到期',
          dueDate: due.dueOn,
          note: `${due.label}已到使用年限，请尽快更换`,
        },
        sms: { title: '安全用气提醒', detail: `${due.label}已到使用年限，${advice}` },
      }
    }
    case 'inspection_tomorrow': {
      const visit = event.data
      return {
        title: `明天${visit.kindLabel}上门`,
        body: `户号${account}的${visit.kindLabel}预约在${visit.slotLabel}，请家中留人，并让安检员查看灶具、软管和热水器。`,
        page: `pages-safety/inspections/index?${accountQuery}`,
        fields: {
          title: visit.kindLabel,
          state: '明天上门',
          startTime: minute(visit.from),
          time: minute(visit.from),
          note: `${visit.slotLabel}上门，请家中留人`,
        },
        sms: {
          title: '安检提醒',
          detail: `${visit.kindLabel}${visit.slotLabel}上门，请家中留人。`,
        },
      }
    }
    case 'heating_application':
    case 'heating_visit':
    case 'heating_compensation':
    case 'account_change': {
      const result = event.data
      const pages: Record<typeof event.type, string> = {
        heating_application: `pages-heating/index/index?${accountQuery}`,
        heating_visit: `pages-heating/index/index?${accountQuery}`,
        heating_compensation: `pages-heating/index/index?${accountQuery}`,
        account_change: `pages-account-changes/index/index?${accountQuery}`,
      }
      const amount = result.amountFen === undefined ? {} : { amount: money(result.amountFen) }
      return {
        title: `${result.subject}：${result.state}`,
        body: `户号${account}的${result.subject}${result.state}。${result.detail}`,
        page: recipient.bound ? pages[event.type] : 'pages/index/index',
        fields: {
          ...amount,
          title: result.subject,
          repairNo: result.ref,
          state: result.state,
          time: minute(result.at),
          note: result.detail,
        },
        sms: {
          title: `${result.subject}结果`,
          detail: `${result.subject}${result.state}。${result.detail}`,
        },
      }
    }
    case 'payment_result': {
      const order = event.data
      const phrase = PAYMENT_PHRASE[order.state] ?? '已更新'
      const query = `${accountQuery}&orderNo=${order.orderNo}&purpose=${order.purpose}`
      const advice = PAYMENT_ADVICE[order.state] ?? ''
      return {
        title: `${what(order.purpose)}${phrase}`,
        body: `户号${account}${what(order.purpose)}${yuan(order.amountFen)}：${phrase}。${advice}`,
        page: recipient.bound ? `pages/orders/detail?${query}` : 'pages/index/index',
        fields: {
          title: what(order.purpose),
          purpose: what(order.purpose),
          amount: money(order.amountFen),
          state: phrase,
          note: advice || phrase,
        },
        sms: {
          title: '缴费结果',
          detail: `${what(order.purpose)}${yuan(order.amountFen)}${phrase}。${advice}`,
        },
      }
    }
  }
}

/** Chinese texts of an event for one recipient; the account number is always masked. */
export function composeMessage(
  event: NotificationEvent,
  recipient: Recipient,
  now: Date,
): ComposedMessage {
  const composed = parts(event, recipient)
  const fields = Object.fromEntries(MESSAGE_FIELDS.map((f) => [f, ''])) as Record<
    MessageField,
    string
  >
  Object.assign(fields, { account: maskAccountNo(event.accountNo), time: minute(now) })
  Object.assign(fields, composed.fields)
  return {
    ...composed,
    fields,
    sms: { title: composed.sms.title.slice(0, 20), detail: clip(composed.sms.detail, 70) },
  }
}

/** Cuts a text to `max` characters (not UTF-16 units), marking the cut. */
export function clip(text: string, max: number): string {
  const chars = [...text]
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`
}
