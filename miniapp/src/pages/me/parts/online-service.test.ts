import { onlineServiceFor } from './online-service'

const none = { tntInstId: '', scene: '' }
const configured = { tntInstId: 'ABCD1234', scene: 'SCE00012345' }

test('when the build is for WeChat, then 在线客服 opens WeChat customer service', () => {
  expect(onlineServiceFor('weapp', none)).toEqual({ kind: 'wechat' })
})

test('when the Alipay build carries the chat window codes, then 在线客服 opens that window', () => {
  expect(onlineServiceFor('alipay', configured)).toEqual({ kind: 'alipay', contact: configured })
})

test('when the Alipay build lacks the chat window codes, or the build is H5, then only the phone shows', () => {
  expect(onlineServiceFor('alipay', none)).toBeNull()
  expect(onlineServiceFor('alipay', { tntInstId: 'ABCD1234', scene: '' })).toBeNull()
  expect(onlineServiceFor('h5', configured)).toBeNull()
})
