import type { InboxMessage, MessageList } from '@gh/shared'
import { useQuery } from '../../hooks/use-query'
import { listMessages } from './api'

/*
 * The inbox's newest page, shared by 站内消息 and the unread badge on 我的 (one request, one
 * answer), and how a read message changes it.
 */

export const inboxKey = ['user', 'messages'] as const

export function useInbox() {
  return useQuery(inboxKey, () => listMessages())
}

/** The unread count for a badge; undefined until known (no badge rather than a wrong one). */
export function useUnreadCount(): number | undefined {
  const { state } = useInbox()
  return state.status === 'success' ? state.data.unreadCount : undefined
}

/** Newest first, each message once: a refreshed first page may overlap the older ones. */
export function mergePages(
  first: readonly InboxMessage[],
  older: readonly InboxMessage[],
): InboxMessage[] {
  const seen = new Set(first.map((m) => m.messageId))
  return [...first, ...older.filter((m) => !seen.has(m.messageId))]
}

/** The list after the BFF marked `message` read (its answer carries the new unread count). */
export function withRead(
  list: MessageList,
  read: { message: InboxMessage; unreadCount: number },
): MessageList {
  return {
    ...list,
    unreadCount: read.unreadCount,
    messages: list.messages.map((m) => (m.messageId === read.message.messageId ? read.message : m)),
  }
}

/** The count after 全部已读, until the list asked again shows each message read. */
export function withNoneUnread(list: MessageList): MessageList {
  return { ...list, unreadCount: 0 }
}
