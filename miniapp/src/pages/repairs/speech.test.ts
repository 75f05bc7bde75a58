import { repairsSpeech } from './speech'

describe('报修 read aloud', () => {
  test('when a description is typed and nothing is reported yet, then both are read', () => {
    const text = repairsSpeech({ loggedIn: true, description: ' 暖气片不热 ', reportCount: 0 })
    expect(text).toContain('您写的故障描述是：暖气片不热。')
    expect(text).toContain('暂无报修记录')
  })

  test('when not logged in, then it says how to report', () => {
    const text = repairsSpeech({ loggedIn: false, description: '', reportCount: 0 })
    expect(text).toContain('故障描述还没有填写。')
    expect(text).toContain('登录后可以报修')
  })

  test('when there are reports, then their count is read', () => {
    expect(repairsSpeech({ loggedIn: true, description: '', reportCount: 2 })).toContain(
      '您有两条报修记录。',
    )
  })
})
