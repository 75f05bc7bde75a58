import {
  maskPhone,
  type AccountKind,
  type NotificationSettings,
  type UpdateNotificationSettingsRequest,
} from '@gh/shared'
import type { UserRepository } from '../auth/user-repository'
import { AppError } from '../platform/app-error'
import { toShanghaiIso } from '../platform/time'
import type { CustomersPort } from '../upstream/customers/customers-port'
import type { Channels } from './notification-delivery'
import { templatesByGroup } from './notification-templates'
import type { AccountSettings, SettingsStore } from './settings-store'

function applicable(kind: AccountKind | null): NotificationSettings['applicable'] {
  return {
    bills: kind === null || kind === 'postpaid_gas' || kind === 'heating',
    balance: kind === null || kind === 'iot_prepaid',
    supply_stops: true,
    repairs: true,
    payments: true,
  }
}

/** 消息设置: one resident's switches for one bound account (the route's guard checked that). */
export class NotificationSettingsService {
  constructor(
    private readonly deps: {
      settings: SettingsStore
      users: UserRepository
      customers: CustomersPort
      channels: Channels
      now: () => Date
    },
  ) {}

  async get(userId: string, accountNo: string): Promise<NotificationSettings> {
    return this.view(userId, accountNo, await this.deps.settings.get(userId, accountNo))
  }

  async update(
    userId: string,
    accountNo: string,
    request: UpdateNotificationSettingsRequest,
  ): Promise<NotificationSettings> {
    const { deps } = this
    const now = deps.now()
    if (request.channels.sms && !(await this.phoneOf(userId))) {
      throw new AppError('SMS_NOT_AVAILABLE')
    }
    const before = await deps.settings.get(userId, accountNo)
    const next: AccountSettings = {
      groups: request.groups,
      channels: request.channels,
      // Consent is dated when given and kept while SMS stays on.
      smsConsentedAt: request.channels.sms ? (before.smsConsentedAt ?? now) : null,
    }
    await deps.settings.save(userId, accountNo, next, now)
    return this.view(userId, accountNo, next)
  }

  private async view(
    userId: string,
    accountNo: string,
    settings: AccountSettings,
  ): Promise<NotificationSettings> {
    const { channels, customers } = this.deps
    const identities = await this.deps.users.identitiesOf(userId)
    const has = (provider: string) => identities.some((i) => i.provider === provider)
    const phone = identities.find((i) => i.provider === 'phone')?.subject ?? null
    const kind = await customers
      .getAccount(accountNo)
      .then((a) => a?.kind ?? null)
      .catch(() => null)
    return {
      accountNo,
      applicable: applicable(kind),
      groups: settings.groups,
      channels: {
        wechat: {
          available: has('wechat') && channels.wechat !== null,
          enabled: settings.channels.wechat,
        },
        alipay: {
          available: has('alipay') && channels.alipay !== null,
          enabled: settings.channels.alipay,
        },
        sms: {
          available: phone !== null,
          enabled: settings.channels.sms,
          phoneMasked: phone ? maskPhone(phone) : null,
          consentedAt: settings.smsConsentedAt ? toShanghaiIso(settings.smsConsentedAt) : null,
        },
      },
      subscribeTemplates: {
        wechat: templatesByGroup(channels.wechat ? channels.templates.wechat : {}),
        alipay: templatesByGroup(channels.alipay ? channels.templates.alipay : {}),
      },
    }
  }

  private async phoneOf(userId: string): Promise<string | null> {
    const identities = await this.deps.users.identitiesOf(userId)
    return identities.find((i) => i.provider === 'phone')?.subject ?? null
  }
}
