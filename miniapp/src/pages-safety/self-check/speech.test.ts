import type { SelfCheck } from '@gh/shared'
import { answersOf, draftOf } from './answers'
import { selfCheckSpeech } from './speech'

const blank: SelfCheck = {
  appliances: [{ kind: 'stove', label: '燃气灶', model: '灶', installedOn: '2020-01-01' }],
  asks: { stove: true, waterHeater: false },
  answers: null,
  checkedAt: null,
  risks: [],
  serviceLife: [],
  suggestInspection: false,
}

describe('selfCheckSpeech', () => {
  test('when nothing is answered yet, then it names the appliances and only the questions the home needs', () => {
    const text = selfCheckSpeech(true, blank)
    expect(text).toContain('燃气灶')
    expect(text).toContain('灶具熄火保护')
    expect(text).not.toContain('热水器排烟')
  })

  test('when the answers show a risk, then it reads why and offers the inspection', () => {
    const text = selfCheckSpeech(true, {
      ...blank,
      answers: {
        alarm: { present: false, working: null, installedOn: null },
        hose: { type: 'metal', installedOn: null },
        stove: { flameFailure: 'no' },
        waterHeater: null,
      },
      risks: [{ item: 'stove', title: '灶具没有熄火保护', why: '火灭后燃气会一直漏出来。' }],
      suggestInspection: true,
    })
    expect(text).toContain('发现一处隐患')
    expect(text).toContain('灶具没有熄火保护。火灭后燃气会一直漏出来')
    expect(text).toContain('预约上门安检')
  })
})

describe('answersOf', () => {
  test('when a question the home needs is open, then it says which; when all are answered, then the answers round-trip', () => {
    expect(
      answersOf({ alarmMonth: null, hoseMonth: null, alarmPresent: '没有安装' }, blank.asks),
    ).toBe('请回答：灶具和燃气管之间是哪种软管？')
    const answers = answersOf(
      {
        alarmPresent: '没有安装',
        alarmMonth: null,
        hoseType: '橡胶软管',
        hoseMonth: '2025-05',
        flameFailure: '没有',
      },
      blank.asks,
    )
    expect(answers).toEqual({
      alarm: { present: false, working: null, installedOn: null },
      hose: { type: 'rubber', installedOn: '2025-05' },
      stove: { flameFailure: 'no' },
      waterHeater: null,
    })
    if (typeof answers !== 'string')
      expect(answersOf(draftOf(answers), blank.asks)).toEqual(answers)
  })
})
