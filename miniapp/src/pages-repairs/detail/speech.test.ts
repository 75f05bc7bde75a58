import { aRepair } from '../../../test/repair-fixtures'
import { detailSpeech } from './speech'

describe('报修进度 read aloud', () => {
  test('when a report was just made, then its state and that it can be urged are read', () => {
    const text = detailSpeech(aRepair('submitted'))
    expect(text.startsWith('报修进度。暖气不热，已提交。如果着急，可以点催单。')).toBe(true)
    expect(text).toContain('处理进度：共七步，已完成一步：已提交。')
  })

  test('when acceptance is overdue, then the escalation is said in words', () => {
    const text = detailSpeech(
      aRepair('submitted', {
        escalation: {
          level: 1,
          label: '超时未受理，已升级督办',
          detail: '站长已督办，会尽快联系您',
          at: '2026-11-26T11:00:00+08:00',
        },
      }),
    )
    expect(text).toContain('暖气不热，已提交。超时未受理，已升级督办。站长已督办，会尽快联系您。')
  })

  test('when it was urged a moment ago, then it says when it can be urged again', () => {
    const repair = aRepair('accepted')
    const text = detailSpeech({
      ...repair,
      actions: { ...repair.actions, canUrge: false, nextUrgeAt: '2026-11-26T12:30:00+08:00' },
    })
    expect(text).toContain('已经催过单了，十一月二十六日 中午十二点三十分以后可以再催。')
  })

  test('when a technician is on the way, then who and when are read', () => {
    expect(detailSpeech(aRepair('on_the_way'))).toContain(
      '上门师傅：王师傅。预计十一月二十六日 下午三点三十分到达。',
    )
  })

  test('when it is 已处理, then rating and reopening are offered', () => {
    expect(detailSpeech(aRepair('resolved'))).toContain(
      '处理完了，请为这次服务打分。如果问题没有解决，可以点重新报修。',
    )
  })

  test('when it is rated, then reopening is offered until its last day', () => {
    expect(detailSpeech(aRepair('rated'))).toContain(
      '如果问题没有解决，十二月三日 下午三点整前可以点重新报修。',
    )
  })
})
