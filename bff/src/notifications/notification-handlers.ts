import type { routes } from '@gh/shared'
import type { RouteHandler } from '../platform/http/routes'
import type { InboxService } from './inbox-service'
import type { NotificationSettingsService } from './settings-service'

type R = typeof routes

export function notificationHandlers(deps: {
  settings: NotificationSettingsService
  inbox: InboxService
}): {
  getNotificationSettings: RouteHandler<R['getNotificationSettings']>
  updateNotificationSettings: RouteHandler<R['updateNotificationSettings']>
  listMessages: RouteHandler<R['listMessages']>
  readMessage: RouteHandler<R['readMessage']>
  readAllMessages: RouteHandler<R['readAllMessages']>
} {
  const { settings, inbox } = deps
  return {
    getNotificationSettings: ({ user, params }) => settings.get(user.userId, params.accountNo),
    updateNotificationSettings: ({ user, params, body }) =>
      settings.update(user.userId, params.accountNo, body),
    listMessages: ({ user, query }) => inbox.list(user.userId, query),
    readMessage: ({ user, params }) => inbox.read(user.userId, params.messageId),
    readAllMessages: ({ user }) => inbox.readAll(user.userId),
  }
}
