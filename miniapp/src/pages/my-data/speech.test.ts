import type { MyData } from '@gh/shared'
import { myDataSpeech } from './speech'

describe('我的数据 read aloud', () => {
  const data: MyData = {
    user: { id: '00000000-0000-4000-8000-000000000000', createdAt: '2026-11-20T09:00:00+08:00' },
    identities: [
      { kind: 'phone', valueMasked: '138****5678', linkedAt: '2026-11-20T09:00:00+08:00' },
      { kind: 'wechat', valueMasked: 'oAb***xyz', linkedAt: '2026-11-21T09:00:00+08:00' },
    ],
    bindings: [
      {
        accountNoMasked: '100****001',
        label: '我家',
        role: 'owner',
        boundAt: '2026-11-20T09:05:00+08:00',
      },
    ],
    activeSessions: 2,
    notes: ['已完成的交费记录按规定保存5年。'],
  }

  test('when the data is shown, then logins, masked bindings, notes and what 注销 does are read', () => {
    const text = myDataSpeech({ loggedIn: true, data })
    expect(text).toContain(
      '登录方式：手机号，手机尾号五六七八，二零二六年十一月二十日起；微信（本小程序），二零二六年十一月二十一日起。',
    )
    expect(text).toContain(
      '绑定的户号：我家（户主身份），一零零开头、零零一结尾的户号，二零二六年十一月二十日绑定。',
    )
    expect(text).toContain('当前有两处登录。已完成的交费记录按规定保存五年。')
    expect(text).toContain('点“注销账号”删除这些信息')
    expect(text).not.toMatch(/oAb|xyz|\*/)
  })
})
