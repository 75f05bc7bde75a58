import { z } from 'zod'
import { toShanghaiIso, type SandboxClock } from '../../clock'
import { OPENID_PATTERN } from './identity'
import { apiError, type WechatApiError } from './login'

const SendBody = z.object({
  touser: z.string(),
  template_id: z.string(),
  page: z.string().optional(),
  miniprogram_state: z.string().optional(),
  lang: z.string().optional(),
  data: z.record(z.string(), z.object({ value: z.string() })),
})

/** Value limits per template keyword type (the keyword name minus its digits). */
const LIMITS: Record<string, number> = {
  thing: 20,
  number: 32,
  letter: 32,
  symbol: 5,
  character_string: 32,
  phone_number: 17,
  car_number: 8,
  name: 10,
  phrase: 5,
  amount: 20,
  time: 40,
  date: 40,
}

export interface SubscribeMessage {
  msgid: number
  touser: string
  templateId: string
  page: string | null
  miniprogramState: 'developer' | 'trial' | 'formal'
  lang: string
  data: Record<string, { value: string }>
  /** Sandbox time, ISO-8601 +08:00. */
  sentAt: string
}

/** subscribeMessage.send: validated like WeChat, then recorded for tests to read. */
export class SubscribeMessages {
  private readonly sent: SubscribeMessage[] = []
  private nextMsgid = 2_739_410_000_000_000_000

  constructor(private readonly clock: SandboxClock) {}

  send(body: unknown): { errcode: 0; errmsg: 'ok'; msgid: number } | WechatApiError {
    const parsed = SendBody.safeParse(body)
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? '')
      if (field === 'touser') return apiError(40003, 'invalid openid')
      if (field === 'template_id') return apiError(40037, 'invalid template_id')
      return apiError(47003, `argument invalid! ${field} invalid`)
    }
    const msg = parsed.data
    if (!OPENID_PATTERN.test(msg.touser)) return apiError(40003, 'invalid openid')
    if (msg.template_id.trim() === '') return apiError(40037, 'invalid template_id')
    const state = msg.miniprogram_state ?? 'formal'
    if (state !== 'developer' && state !== 'trial' && state !== 'formal') {
      return apiError(47003, 'argument invalid! miniprogram_state invalid')
    }
    for (const [key, { value }] of Object.entries(msg.data)) {
      const limit = LIMITS[key.replace(/\d+$/, '')]
      if (limit !== undefined && [...value].length > limit) {
        return apiError(47003, `argument invalid! data.${key}.value invalid`)
      }
    }
    const msgid = this.nextMsgid++
    this.sent.push({
      msgid,
      touser: msg.touser,
      templateId: msg.template_id,
      page: msg.page ?? null,
      miniprogramState: state,
      lang: msg.lang ?? 'zh_CN',
      data: msg.data,
      sentAt: toShanghaiIso(this.clock.now()),
    })
    return { errcode: 0, errmsg: 'ok', msgid }
  }

  list(openid?: string): SubscribeMessage[] {
    return openid === undefined ? [...this.sent] : this.sent.filter((m) => m.touser === openid)
  }
}
