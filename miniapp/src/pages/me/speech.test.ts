import { meSpeech } from './speech'

test('when elderly mode is on, then 我的 says so', () => {
  expect(meSpeech({ loggedIn: true, elder: true })).toContain('长辈模式已开启')
  expect(meSpeech({ loggedIn: false, elder: false })).toContain('您还没有登录')
})

test('when there are unread messages, then 我的 says how many and where to read them', () => {
  expect(meSpeech({ loggedIn: true, elder: false, unreadCount: 2 })).toContain(
    '您有两条未读消息，请点“站内消息”查看。',
  )
  expect(meSpeech({ loggedIn: true, elder: false, unreadCount: 0 })).not.toContain('未读')
})
