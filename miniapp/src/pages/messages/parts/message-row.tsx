import { Text, View } from '@tarojs/components'
import type { InboxMessage } from '@gh/shared'
import { a11y } from '../../../a11y'
import { shortTime } from '../../../payments'

export interface MessageRowProps {
  message: InboxMessage
  /** Read on this screen already, before the BFF's answer came back. */
  readHere: boolean
  onOpen: () => void
}

/**
 * One 站内消息. Unread is written (未读) and bold, not colour alone; a tap marks it read and
 * opens what it is about (the bill, the order, the repair, the notice) when there is a page.
 */
export function MessageRow({ message, readHere, onOpen }: MessageRowProps) {
  const unread = !message.readAt && !readHere
  return (
    <View
      className={`card message-row${unread ? ' message-row--unread' : ''}`}
      hoverClass="message-row--pressed"
      onClick={onOpen}
      {...a11y(undefined, 'button')}
    >
      <View className="message-row__top">
        {unread ? <Text className="message-row__badge">未读</Text> : null}
        <Text className="message-row__title">{message.title}</Text>
      </View>
      <Text className="message-row__body">{message.body}</Text>
      <View className="message-row__bottom">
        <Text className="message-row__time">{shortTime(message.createdAt)}</Text>
        <Text className="message-row__action">
          {message.page ? '查看详情' : unread ? '标为已读' : '已读'}
        </Text>
      </View>
    </View>
  )
}
