import { NOTIFICATION_GROUP_OF } from '@gh/shared'
import type { BindingRepository } from '../accounts/binding-repository'
import type { UserRepository } from '../auth/user-repository'
import type { Logger } from '../platform/logger'
import { UpstreamError } from '../platform/upstream-client'
import type { AlipayMessagesPort } from '../upstream/alipay/alipay-port'
import type { SmsPort } from '../upstream/sms/sms-port'
import type { SubscribeMessagesPort } from '../upstream/wechat/wechat-port'
import type { EventStore } from './event-store'
import { composeMessage, type ComposedMessage } from './message-composer'
import type { SendChannel, SendStatus } from './notification-entities'
import { eventRef, reachesUnbound, type NotificationEvent } from './notification-event'
import { fillKeywords, type PlatformTemplates, type TemplateSpec } from './notification-templates'
import type { SendLog } from './send-log'
import { wants, type SettingsStore } from './settings-store'

/** The platforms a message can go out on; a platform not configured is left out. */
export interface Channels {
  wechat: SubscribeMessagesPort | null
  alipay: AlipayMessagesPort | null
  sms: SmsPort
  templates: PlatformTemplates
}

interface DeliveryDeps {
  events: EventStore
  settings: SettingsStore
  sends: SendLog
  users: UserRepository
  bindings: BindingRepository
  channels: Channels
  logger: Logger
  now: () => Date
}

/** Where one recipient can be reached, from their login identities. */
interface Addresses {
  wechat: string | null
  alipay: string | null
  phone: string | null
}

type Outcome = SendStatus | 'skipped'

/**
 * Sends one event to one recipient: a subscription message on each platform they use and
 * allowed, then an SMS when none of those went out and they agreed to SMS. Every send is
 * claimed in the send log first, so a retried job or a second publish sends nothing twice.
 * Nothing about the message's content or the recipient's addresses is logged.
 */
export class NotificationDelivery {
  constructor(private readonly deps: DeliveryDeps) {}

  /**
   * Throws when a channel failed and a later attempt may succeed; on the last attempt a failed
   * subscription message counts as not delivered, so the SMS fallback still goes out.
   */
  async deliver(dedupeKey: string, userId: string, lastAttempt: boolean): Promise<void> {
    const { deps } = this
    const event = await deps.events.find(dedupeKey)
    if (!event) return
    const settings = await deps.settings.get(userId, event.accountNo)
    if (!wants(settings, NOTIFICATION_GROUP_OF[event.type])) return
    const bound = await deps.bindings.isBound(userId, event.accountNo)
    // Unbound since the event was published: the account's news is no longer theirs.
    if (!bound && !reachesUnbound(event)) return
    const message = composeMessage(event, { bound }, deps.now())
    const to = await this.addresses(userId)
    const key = { dedupeKey, userId }
    const failures: unknown[] = []
    const attempt = async (channel: SendChannel, send: (id: string) => Promise<Outcome>) => {
      try {
        return await this.once({ ...key, channel }, event, send)
      } catch (err) {
        failures.push(err)
        return 'failed' as const
      }
    }

    const outcomes: Outcome[] = []
    const wechat = this.template('wechat', event)
    if (settings.channels.wechat && to.wechat && wechat && deps.channels.wechat) {
      const port = deps.channels.wechat
      const openid = to.wechat
      outcomes.push(
        await attempt('wechat', async () => {
          const result = await port.send({
            openid,
            templateId: wechat.templateId,
            page: message.page ?? 'pages/index/index',
            data: fillKeywords('wechat', wechat, message),
          })
          return result === 'sent' ? 'sent' : 'not_delivered'
        }),
      )
    }
    const alipay = this.template('alipay', event)
    if (settings.channels.alipay && to.alipay && alipay && deps.channels.alipay) {
      const port = deps.channels.alipay
      const toUser = to.alipay
      outcomes.push(
        await attempt('alipay', async () => {
          const result = await port.send({
            toUser,
            templateId: alipay.templateId,
            page: message.page ?? 'pages/index/index',
            data: fillKeywords('alipay', alipay, message),
          })
          return result === 'sent' ? 'sent' : 'not_delivered'
        }),
      )
    }
    // A subscription message that may still go out on a retry must not be doubled by an SMS.
    if (failures.length > 0 && !lastAttempt) throw failures[0]
    const reached = outcomes.some((o) => o === 'sent' || o === 'sending')
    if (!reached && settings.channels.sms && to.phone) {
      const phone = to.phone
      await attempt('sms', async (id) => {
        await deps.channels.sms.sendNotice(phone, smsOf(message), id)
        return 'sent'
      })
    }
    if (failures.length > 0 && !lastAttempt) throw failures[0]
  }

  /** Claims the send, makes it, records how it ended; a send made before is not repeated. */
  private async once(
    key: { dedupeKey: string; userId: string; channel: SendChannel },
    event: NotificationEvent,
    send: (id: string) => Promise<Outcome>,
  ): Promise<Outcome> {
    const { deps } = this
    const template =
      key.channel === 'sms' ? null : (this.template(key.channel, event)?.templateId ?? null)
    const claimed = await deps.sends.claim(key, template, deps.now())
    if ('status' in claimed) return claimed.status
    let outcome: Outcome
    try {
      outcome = await send(claimed.claim.id)
    } catch (err) {
      const detail =
        err instanceof UpstreamError ? err.kind : err instanceof Error ? err.name : 'error'
      if (key.channel !== 'sms' && outcomeUnknown(err)) {
        // It may have reached the phone; without an idempotency key a retry could show it
        // twice, so it stays claimed and counts as sent (no SMS on top of it either).
        await deps.sends.finish(claimed.claim, 'sending', detail, deps.now())
        deps.logger.warn(
          { event: eventRef(key.dedupeKey), channel: key.channel, error: detail },
          'notification send outcome unknown',
        )
        return 'sending'
      }
      await deps.sends.finish(claimed.claim, 'failed', detail, deps.now())
      deps.logger.warn(
        { event: eventRef(key.dedupeKey), channel: key.channel, error: detail },
        'notification send failed',
      )
      throw err
    }
    const status: SendStatus = outcome === 'skipped' ? 'not_delivered' : outcome
    await deps.sends.finish(claimed.claim, status, null, deps.now())
    deps.logger.info(
      { event: eventRef(key.dedupeKey), type: event.type, channel: key.channel, status },
      'notification sent',
    )
    return status
  }

  private template(platform: 'wechat' | 'alipay', event: NotificationEvent): TemplateSpec | null {
    return this.deps.channels.templates[platform][event.type] ?? null
  }

  private async addresses(userId: string): Promise<Addresses> {
    const identities = await this.deps.users.identitiesOf(userId)
    const subject = (provider: string) =>
      identities.find((i) => i.provider === provider)?.subject ?? null
    return { wechat: subject('wechat'), alipay: subject('alipay'), phone: subject('phone') }
  }
}

/** The request went out and no clear answer came back: it may have been delivered. */
function outcomeUnknown(err: unknown): boolean {
  return err instanceof UpstreamError && (err.kind === 'timeout' || err.kind === 'bad_response')
}

function smsOf(message: ComposedMessage) {
  return { title: message.sms.title, account: message.fields.account, detail: message.sms.detail }
}
