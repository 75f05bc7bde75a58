import { composeMessage } from '../src/notifications/message-composer'
import type { NotificationEvent, ServiceResultFacts } from '../src/notifications/notification-event'
import {
  SANDBOX_TEMPLATES,
  fillKeywords,
  resolveTemplates,
} from '../src/notifications/notification-templates'

/**
 * The results of what a resident applied for (报停, 室温测量, 补偿, 过户销户) as each channel
 * carries them: the inbox text, the WeChat and Alipay template keywords, the SMS.
 */
const templates = resolveTemplates(SANDBOX_TEMPLATES)
const now = new Date('2026-11-27T03:00:00Z')

type ResultEvent = Extract<NotificationEvent, { data: ServiceResultFacts }>

const events: ResultEvent[] = [
  {
    type: 'heating_application',
    accountNo: '1000000004',
    dedupeKey: 'heating_application:HS1:active',
    data: {
      ref: 'HS1',
      subject: '报停',
      state: '已受理',
      detail: '2026-2027 采暖季供暖费按新标准计收。',
      at: '2026-10-31T12:00:00+08:00',
      amountFen: 67_415,
    },
  },
  {
    type: 'heating_visit',
    accountNo: '1000000004',
    dedupeKey: 'heating_visit:HC1',
    data: {
      ref: 'HC1',
      subject: '室温测量',
      state: '已预约',
      detail: '工作人员将在11月27日 周五 上午 9:00–12:00上门测量室温，请家中留人。',
      at: '2026-11-27T09:00:00+08:00',
    },
  },
  {
    type: 'heating_compensation',
    accountNo: '1000000004',
    dedupeKey: 'heating_compensation:HC1',
    data: {
      ref: 'HC1',
      subject: '室温补偿',
      state: '已入账',
      detail: '室温不达标补偿3天已在供暖费账单中扣减。',
      at: '2027-10-01T00:00:00+08:00',
      amountFen: 2_786,
    },
  },
  {
    type: 'account_change',
    accountNo: '1000000003',
    dedupeKey: 'account_change:AC1:approved',
    data: {
      ref: 'AC1',
      subject: '过户',
      state: '已办结',
      detail: '过户已办结。原户主和家人的绑定已解除，新户主请用自己的姓名和手机号绑定户号。',
      at: '2026-11-27T10:00:00+08:00',
    },
  },
]

test.each(events)(
  'when a $type result is composed, then the inbox, both subscription templates and the SMS carry it with the account masked',
  (event) => {
    const message = composeMessage(event, { bound: true }, now)
    expect(message.title).toBe(`${event.data.subject}：${event.data.state}`)
    expect(message.body).toContain(event.data.detail)
    expect(message.body).not.toContain(event.accountNo)
    expect(message.page).toMatch(/^pages-(heating|account-changes)\/index\/index\?accountNo=/)
    for (const platform of ['wechat', 'alipay'] as const) {
      const spec = templates[platform][event.type]
      expect(spec).toBeDefined()
      if (!spec) continue
      const data = fillKeywords(platform, spec, message)
      for (const value of Object.values(data)) expect(value).not.toBe('')
      if (platform === 'wechat') expect([...(data.phrase2 ?? '')].length).toBeLessThanOrEqual(5)
    }
    expect([...message.sms.detail].length).toBeLessThanOrEqual(70)
    expect(message.sms.detail).toContain(event.data.state)
  },
)
