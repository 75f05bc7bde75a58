import { NOTIFICATION_GROUP_OF, type InboxMessage, type MessageList } from '@gh/shared'
import { AppError, errors } from '../platform/app-error'
import { toShanghaiIso } from '../platform/time'
import type { InboxEntry, InboxStore } from './inbox-store'

function messageView(entry: InboxEntry): InboxMessage {
  return {
    messageId: entry.id,
    type: entry.type,
    group: NOTIFICATION_GROUP_OF[entry.type],
    accountNo: entry.accountNo,
    title: entry.title,
    body: entry.body,
    page: entry.page,
    createdAt: toShanghaiIso(entry.createdAt),
    readAt: entry.readAt ? toShanghaiIso(entry.readAt) : null,
  }
}

/** 站内消息: the caller's own messages, newest first, and marking them read. */
export class InboxService {
  constructor(
    private readonly inbox: InboxStore,
    private readonly now: () => Date,
  ) {}

  async list(
    userId: string,
    query: { limit: number; cursor?: string | undefined; accountNo?: string | undefined },
  ): Promise<MessageList> {
    const page = await this.inbox.page(userId, {
      limit: query.limit,
      ...(query.cursor !== undefined ? { cursor: query.cursor } : {}),
      ...(query.accountNo !== undefined ? { accountNo: query.accountNo } : {}),
    })
    if (!page) throw errors.validation('分页参数格式不正确，请刷新后重试')
    return {
      messages: page.entries.map(messageView),
      nextCursor: page.next,
      unreadCount: await this.inbox.unreadCount(userId),
    }
  }

  async read(
    userId: string,
    messageId: string,
  ): Promise<{ message: InboxMessage; unreadCount: number }> {
    const entry = await this.inbox.markRead(userId, messageId, this.now())
    if (!entry) throw new AppError('MESSAGE_NOT_FOUND')
    return { message: messageView(entry), unreadCount: await this.inbox.unreadCount(userId) }
  }

  async readAll(userId: string): Promise<{ unreadCount: 0 }> {
    await this.inbox.markAllRead(userId, this.now())
    return { unreadCount: 0 }
  }
}
