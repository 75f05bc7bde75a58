import type { SandboxClock } from '../../clock'
import type { NotificationSources } from '../../payments/notifications'
import type { CashierProviders } from '../../payments/providers'
import { Random, hashSeed, hashString } from '../../random'
import type { PortDeps } from '../port'
import { NotificationDispatcher } from '../wechatpay/notify/dispatcher'
import { BillFiles } from './bill'
import { alipayCashier } from './cashier-provider'
import { alipayCertificates, type AlipayCertificates } from './certificates'
import { ExpiryWatch } from './expiry'
import { alipayKeys, type AlipayKeys } from './keys'
import { alipayNotification, alipayNotifyPolicy } from './notify'
import { AlipayTemplateMessages } from './template-messages'
import { TradeStore } from './trades'
import { AlipayUsers } from './users'

export interface AlipayState {
  /** The merchant's mini-program app id (16 digits, like real ones). */
  readonly appId: string
  /** The merchant's partner id (`2088…`), Alipay's `seller_id`. */
  readonly pid: string
  readonly keys: AlipayKeys
  /** The same keys as 公钥证书: app, Alipay and root certificates with their SNs. */
  readonly certs: AlipayCertificates
  readonly clock: SandboxClock
  readonly trades: TradeStore
  readonly users: AlipayUsers
  readonly bills: BillFiles
  readonly notifications: NotificationDispatcher
  /** Mini-program subscription messages sent to users. */
  readonly templateMessages: AlipayTemplateMessages
  /** `/sandbox/alipay/*` (login codes) is off in production mode. */
  readonly devEndpoints: boolean
  /** Stops the expiry watch and notification retries. */
  close(): Promise<void>
}

/** Registries shared by the payment ports. */
export interface AlipayShared {
  readonly cashier: CashierProviders
  readonly notifications: NotificationSources
}

/** Ids follow from the seed, keys from the data directory (generated on first start). */
export function createAlipayState(deps: PortDeps, shared: AlipayShared): AlipayState {
  const { config, clock } = deps
  const tail = String(config.seed % 1_000_000_000_000).padStart(12, '0')
  const appId = `2021${tail}`
  const pid = `2088${tail}`
  const keys = alipayKeys(config.dataDir)
  const random = new Random(hashSeed(config.seed, hashString('alipay')))
  const notifications = new NotificationDispatcher(alipayNotifyPolicy)
  // Sweeps lazily: `trades` exists by the time the watch first runs.
  const watch = new ExpiryWatch(() => trades.sweep())
  const trades = new TradeStore(clock, config.seed, (event) => {
    if (event.kind === 'created') return watch.start()
    const notification = alipayNotification(event, {
      appId,
      pid,
      alipayPrivateKey: keys.alipayPrivateKey,
      random,
      nowMs: clock.nowMs(),
    })
    if (notification) notifications.send(notification)
  })
  shared.cashier.register(alipayCashier(trades))
  shared.notifications.register('alipay', notifications)
  return {
    appId,
    pid,
    keys,
    certs: alipayCertificates(config.dataDir, keys),
    clock,
    trades,
    users: new AlipayUsers(clock, config.seed, appId),
    bills: new BillFiles(clock, trades, pid),
    notifications,
    templateMessages: new AlipayTemplateMessages(clock),
    devEndpoints: config.nodeEnv !== 'production',
    close: () => {
      watch.close()
      return notifications.close()
    },
  }
}
