import { aRepair } from '../../../test/repair-fixtures'
import { listSpeech } from './speech'

describe('我的报修 read aloud', () => {
  test('when there are none, then it says where to report', () => {
    expect(listSpeech([])).toBe('我的报修。还没有报修记录。需要报修时，请到报修页选择故障类型。')
  })

  test('when some are open, then the count, the open ones and the newest state are read', () => {
    const text = listSpeech([aRepair('dispatched'), aRepair('rated'), aRepair('resolved')])
    expect(text).toContain('我的报修。共三条，其中一条正在处理。')
    expect(text).toContain('最近一条：暖气不热，已派单。上门师傅：王师傅。')
  })
})
