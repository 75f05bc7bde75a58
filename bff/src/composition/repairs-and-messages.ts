import { RateLimiterRedis } from 'rate-limiter-flexible'
import { defaultBillWatchSettings } from '../notifications/bill-watch'
import { buildNotifications, type Notifications } from '../notifications/notification-feature'
import { defaultPaymentSettings, type PaymentSettings } from '../payments/payment-settings'
import { redisLock } from '../platform/redis-lock'
import { PhotoStore } from '../repairs/photos/photo-store'
import { RepairPhotos } from '../repairs/photos/photo-service'
import { RepairService, type RepairPhotoClaims } from '../repairs/repair-service'
import { RepairStore } from '../repairs/repair-store'
import { RepairSync, type OnRepairStep } from '../repairs/repair-sync'
import { RepairSyncJobs } from '../repairs/repair-sync-jobs'
import { UnusedPhotoSweep } from '../repairs/photos/photo-sweep'
import { UnusedPhotoSweepJobs } from '../repairs/photos/photo-sweep-jobs'
import type { Platform } from './platform'
import type { Ports } from './ports'
import type { Stores } from './services'

/*
 * The resident-facing features that grew their own parts: 报修 with its photos and step job,
 * and the notification service. buildServices wires them to each other and to payments.
 */

export function buildRepairPhotos(platform: Platform): RepairPhotos {
  const { config, db, redis, storage, now } = platform
  const ns = config.rateLimitNamespace
  return new RepairPhotos({
    store: new PhotoStore(db),
    storage,
    uploads: new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${ns}:photo-upload`,
      points: config.repairPhotosPerHour,
      duration: 3600,
    }),
    accountLock: redisLock(redis, ns, {
      ttlMs: 10_000,
      waitMs: 5_000,
      busyMessage: '照片正在提交，请稍候再试',
    }),
    signedUrlSeconds: config.storage.driver === 's3' ? config.storage.s3.signedUrlSeconds : 0,
    logger: platform.logger.child({ module: 'repair-photos' }),
    now,
  })
}

/** 报修, its step job and the unused-photo sweep. The jobs' schedulers start in startWorkers. */
export interface RepairFeature {
  service: RepairService
  store: RepairStore
  sync: RepairSync
  jobs: RepairSyncJobs
  photoSweep: UnusedPhotoSweep
  photoSweepJobs: UnusedPhotoSweepJobs
}

export function buildRepairs(
  platform: Platform,
  stores: Stores,
  ports: Ports,
  photos: RepairPhotoClaims,
  queueNamespace: string,
  onRepairStep: OnRepairStep,
  onRepairCreated: (accountNo: string, repairNo: string) => Promise<void>,
): RepairFeature {
  const { config, db, queues, now } = platform
  const logger = platform.logger.child({ module: 'repairs' })
  const store = new RepairStore(db)
  const identity = (provider: 'wechat' | 'phone') => async (userId: string) =>
    (await stores.users.identitiesOf(userId)).find((i) => i.provider === provider)?.subject ?? null
  const { redis } = platform
  const ns = config.rateLimitNamespace
  const reports = (key: string, points: number) =>
    new RateLimiterRedis({ storeClient: redis, keyPrefix: `${ns}:${key}`, points, duration: 3600 })
  const service = new RepairService({
    workorders: ports.workorders,
    customers: ports.customers,
    photos,
    store,
    phoneOf: identity('phone'),
    hotline: config.servicePhone,
    reports: {
      perUser: reports('repair-report-user', config.repairReportsPerHour.user),
      perAccount: reports('repair-report-account', config.repairReportsPerHour.account),
    },
    urgentLock: redisLock(redis, ns, {
      ttlMs: 30_000,
      waitMs: 10_000,
      busyMessage: '报修正在提交，请稍候再试',
    }),
    now,
    onCreated: onRepairCreated,
  })
  const sync = new RepairSync({
    store,
    workorders: ports.workorders,
    onStep: onRepairStep,
    hotline: config.servicePhone,
    logger,
    now,
  })
  const jobs = new RepairSyncJobs(queues, queueNamespace, () => sync.runOnce(), logger)
  const photoSweep = new UnusedPhotoSweep({
    store: new PhotoStore(db),
    storage: platform.storage,
    maxAgeMs: config.repairPhotoUnusedMs,
    logger,
    now,
  })
  const photoSweepJobs = new UnusedPhotoSweepJobs(
    queues,
    queueNamespace,
    () => photoSweep.runOnce(),
    logger,
  )
  return { service, store, sync, jobs, photoSweep, photoSweepJobs }
}

export function buildNotificationFeature(
  platform: Platform,
  stores: Stores,
  ports: Ports,
  paymentSettings: Partial<PaymentSettings>,
): Notifications {
  const { config, db, queues, logger, now } = platform
  return buildNotifications(
    {
      db,
      queues,
      logger,
      now,
      bindings: stores.bindings,
      users: stores.users,
      customers: ports.customers,
      content: ports.content,
      bills: ports.billing,
      sms: ports.sms,
      wechatMessages: ports.wechatMessages,
      alipayMessages: ports.alipayMessages,
    },
    {
      templates: config.notifications.templates,
      production: config.env === 'production',
      orderTemplateId: config.wechat.orderTemplateId,
      repairTemplateId: config.wechat.repairTemplateId,
      polls: config.notifications.polls,
      bills: { ...defaultBillWatchSettings, dueSoonDays: config.notifications.dueSoonDays },
      // Jobs follow the payment jobs' namespace: instances (and test files) sharing one share it.
      queueNamespace: paymentSettings.queueNamespace ?? defaultPaymentSettings.queueNamespace,
    },
  )
}
