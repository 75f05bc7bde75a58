import type { Inspections, InspectionVisit } from '@gh/shared'
import { inspectionsSpeech } from './speech'

const failed: InspectionVisit = {
  inspectionId: 'IN0000000010001',
  kind: 'routine',
  kindLabel: '定期安检',
  state: 'failed',
  stateLabel: '不合格',
  slot: null,
  whenLabel: '11月6日',
  completedAt: '2026-11-06T10:00:00+08:00',
  findings: [{ item: '软管', severity: 'hazard', severityLabel: '隐患', note: '橡胶软管老化开裂' }],
  supplyRestored: false,
}

const page = (change: Partial<Inspections>): Inspections => ({
  supply: 'suspended',
  last: failed,
  next: null,
  nextKind: 're_inspection',
  slots: [],
  ...change,
})

describe('inspectionsSpeech', () => {
  test('when gas is stopped after a failed inspection, then it says so, reads what failed and how to book the 复检', () => {
    const text = inspectionsSpeech(true, page({}))
    expect(text).toContain('安检不合格，已停止供气')
    expect(text).toContain('隐患：橡胶软管老化开裂')
    expect(text).toContain('预约复检')
  })

  test('when the 复检 passed, then it says gas is back and topping up works again', () => {
    const passed = {
      ...failed,
      kind: 're_inspection' as const,
      kindLabel: '复检',
      state: 'passed' as const,
      stateLabel: '合格',
      findings: [],
      supplyRestored: true,
    }
    const text = inspectionsSpeech(true, page({ supply: 'restored', last: passed }))
    expect(text).toContain('已恢复供气')
    expect(text).toContain('可以充值')
    expect(text).not.toContain('已停止供气')
  })
})
