import { meSpeech } from './speech'

test('when elderly mode is on, then 我的 says so', () => {
  expect(meSpeech({ loggedIn: true, elder: true })).toContain('长辈模式已开启')
  expect(meSpeech({ loggedIn: false, elder: false })).toContain('您还没有登录')
})
