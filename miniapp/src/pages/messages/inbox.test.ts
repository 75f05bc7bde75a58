import type { InboxMessage } from '@gh/shared'
import { mergePages, withRead } from './inbox'

const message = (messageId: string, readAt: string | null = null): InboxMessage => ({
  messageId,
  type: 'supply_stop_announced',
  group: 'supply_stops',
  accountNo: '1000000001',
  title: '停气通知',
  body: '11月28日 09:00 至 17:00 幸福里小区管道检修停气。',
  page: '/pages/safety/index?section=notices',
  createdAt: '2026-11-26T09:00:00+08:00',
  readAt,
})

test('when the first page was asked again and overlaps older pages, then each message is listed once, newest first', () => {
  const merged = mergePages([message('m4'), message('m3')], [message('m3'), message('m2')])
  expect(merged.map((m) => m.messageId)).toEqual(['m4', 'm3', 'm2'])
})

test('when a message is read, then it and the unread count are what the BFF answered', () => {
  const list = { messages: [message('m2'), message('m1')], nextCursor: null, unreadCount: 2 }
  const read = message('m1', '2026-11-26T10:00:00+08:00')
  const after = withRead(list, { message: read, unreadCount: 1 })
  expect(after.unreadCount).toBe(1)
  expect(after.messages.map((m) => m.readAt)).toEqual([null, '2026-11-26T10:00:00+08:00'])
})
