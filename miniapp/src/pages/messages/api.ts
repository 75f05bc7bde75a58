import { routes } from '@gh/shared'
import type { UpdateNotificationSettingsRequest } from '@gh/shared'
import { request } from '../../api'

/** One function per endpoint of 站内消息 and 消息设置. */

export const listMessages = (cursor?: string) =>
  request(routes.listMessages, { query: { limit: 20, ...(cursor ? { cursor } : {}) } })

export const readMessage = (messageId: string) =>
  request(routes.readMessage, { params: { messageId } })

export const readAllMessages = () => request(routes.readAllMessages)

export const getNotificationSettings = (accountNo: string) =>
  request(routes.getNotificationSettings, { params: { accountNo } })

export const updateNotificationSettings = (
  accountNo: string,
  body: UpdateNotificationSettingsRequest,
) => request(routes.updateNotificationSettings, { params: { accountNo }, body })
