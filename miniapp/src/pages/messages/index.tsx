import { View } from '@tarojs/components'
import { useState } from 'react'
import type { InboxMessage, MessageList } from '@gh/shared'
import icon from '../../assets/tab/me-active.png'
import { useLoggedIn } from '../../auth/session'
import { ActionButton } from '../../components/action-button'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { PageShell } from '../../components/page-shell'
import { ReadAloudBar } from '../../components/read-aloud'
import { queryClient } from '../../hooks/query-cache'
import { useAction } from '../../hooks/use-action'
import { openLink } from '../../navigation/open-link'
import { openPage, pages } from '../../navigation/pages'
import { listMessages, readAllMessages, readMessage } from './api'
import { inboxKey, mergePages, useInbox, withNoneUnread, withRead } from './inbox'
import { MessageRow } from './parts/message-row'
import { inboxSpeech } from './speech'
import './index.scss'

interface Older {
  messages: InboxMessage[]
  cursor: string | null
}

const updateInbox = (update: (list: MessageList) => MessageList) =>
  queryClient.setQueryData<MessageList>(inboxKey, (list) => (list ? update(list) : list))

/**
 * 站内消息: every message about the resident's accounts, newest first, unread marked in words.
 * A tap marks it read and opens what it is about; 全部已读 marks them all.
 */
export default function InboxPage() {
  const loggedIn = useLoggedIn()
  const { state, retry } = useInbox()
  const [older, setOlder] = useState<Older | undefined>()
  const [readHere, setReadHere] = useState<ReadonlySet<string>>(new Set())
  const first = state.status === 'success' ? state.data : undefined
  const messages = first ? mergePages(first.messages, older?.messages ?? []) : []
  const cursor = older ? older.cursor : (first?.nextCursor ?? null)
  const unreadCount = first ? Math.max(0, first.unreadCount) : 0

  const loadMore = useAction(async () => {
    if (!cursor) return
    const page = await listMessages(cursor)
    setOlder({ messages: [...(older?.messages ?? []), ...page.messages], cursor: page.nextCursor })
  })
  const readAll = useAction(async () => {
    await readAllMessages()
    setReadHere(new Set(messages.map((m) => m.messageId)))
    updateInbox(withNoneUnread)
    await queryClient.invalidateQueries({ queryKey: inboxKey })
  })

  const open = (message: InboxMessage) => {
    if (!message.readAt && !readHere.has(message.messageId)) {
      setReadHere((ids) => new Set([...ids, message.messageId]))
      readMessage(message.messageId).then(
        (read) => updateInbox((list) => withRead(list, read)),
        (err: unknown) => console.warn('marking the message read failed', err),
      )
    }
    if (message.page) openLink(message.page)
  }

  return (
    <PageRoot>
      <PageHeading title="站内消息" subtitle="账单、余额不足、停气、报修和缴费的提醒" />
      <ReadAloudBar
        what="消息"
        text={() => inboxSpeech(loggedIn, first ? { messages, unreadCount } : undefined)}
      />
      <PageShell
        state={state}
        onRetry={retry}
        requireLogin
        loginHint="登录后可以查看账单、停气、报修和缴费的消息。"
        what="消息"
        isEmpty={(list) => list.messages.length === 0}
        emptyIcon={icon}
        emptyTitle="还没有消息"
        emptyHint="有新的账单、余额不足、停气通知、报修进度或缴费结果时，会显示在这里。"
      >
        {() => (
          <>
            <View className="inbox__actions">
              {unreadCount > 0 ? (
                <ActionButton onClick={() => void readAll.run()}>
                  {readAll.busy ? '正在标记…' : `全部已读（${unreadCount}条未读）`}
                </ActionButton>
              ) : null}
              <ActionButton variant="secondary" onClick={() => openPage(pages.messageSettings)}>
                消息设置
              </ActionButton>
            </View>
            {messages.map((message) => (
              <MessageRow
                key={message.messageId}
                message={message}
                readHere={readHere.has(message.messageId)}
                onOpen={() => open(message)}
              />
            ))}
            {cursor ? (
              <View className="inbox__more">
                <ActionButton variant="secondary" onClick={() => void loadMore.run()}>
                  {loadMore.busy ? '正在加载…' : '加载更早的消息'}
                </ActionButton>
              </View>
            ) : null}
          </>
        )}
      </PageShell>
    </PageRoot>
  )
}
