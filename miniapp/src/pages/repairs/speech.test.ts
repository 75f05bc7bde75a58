import { aRepair } from '../../../test/repair-fixtures'
import { repairsSpeech, safetySpeech } from './speech'

describe('报修 tab read aloud', () => {
  test('when the tab is read, then the leak and CO choices come first, before the other kinds', () => {
    const text = repairsSpeech({ loggedIn: true, draftKind: undefined, repairs: [] })
    expect(text.indexOf('闻到燃气味或者一氧化碳报警')).toBeLessThan(text.indexOf('暖气不热'))
    expect(text).toContain('灶具或热水器')
    expect(text).not.toContain('/')
    expect(text).toContain('暂无报修记录')
  })

  test('when a report was left unsent, then it is offered to continue', () => {
    const text = repairsSpeech({ loggedIn: true, draftKind: 'no_heat', repairs: undefined })
    expect(text).toContain('您有一份还没有发送的报修：暖气不热，可以点继续填写。')
    expect(text).toContain('报修记录正在加载。')
  })

  test('when not logged in, then it says how to report', () => {
    expect(repairsSpeech({ loggedIn: false, draftKind: undefined, repairs: undefined })).toContain(
      '登录后可以报修',
    )
  })

  test('when there are reports, then their count and the newest one’s state and next step are read', () => {
    const text = repairsSpeech({
      loggedIn: true,
      draftKind: undefined,
      repairs: [aRepair('on_the_way'), aRepair('rated')],
    })
    expect(text).toContain('您有两条报修记录。')
    expect(text).toContain(
      '最近一条：暖气不热，在路上。上门师傅：王师傅。预计十一月二十六日 下午三点三十分到达。',
    )
  })
})

describe('safety screen read aloud', () => {
  test('when a leak is reported, then the five steps are read in order, then the 24-hour line', () => {
    const text = safetySpeech('gas_leak', '96777')
    expect(
      text.startsWith('闻到燃气味，请先这样做。第一，不要开关电器、不要点火、不要打电话。'),
    ).toBe(true)
    const order = [
      '第一',
      '打开门窗通风',
      '关闭燃气表前阀门',
      '立即离开到室外',
      '二十四小时抢修电话：九六七七七',
    ]
    const at = order.map((words) => text.indexOf(words))
    expect(at).toEqual([...at].sort((a, b) => a - b))
    expect(at.every((i) => i >= 0)).toBe(true)
    expect(text).toContain('可以点继续报修，不需要拍照，也不需要预约时间')
  })

  test('when a CO alarm sounds, then poisoning and 120 are named too', () => {
    expect(safetySpeech('co_alarm', '96777')).toContain('立即拨打一二零急救电话')
  })

  test('when the line is not known yet, then it still says to call from outside', () => {
    expect(safetySpeech('gas_leak', undefined)).toContain('到了室外再拨打抢修电话。')
  })
})
