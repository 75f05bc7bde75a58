import { repairStateLabels } from '@gh/shared'
import type { Repair, RepairState } from '@gh/shared'

const order: RepairState[] = [
  'submitted',
  'accepted',
  'dispatched',
  'on_the_way',
  'arrived',
  'resolved',
  'rated',
]

/** A heating report of 1000000004 as the BFF answers it, at `state` (test data, masked as served). */
export function aRepair(state: RepairState = 'submitted', over: Partial<Repair> = {}): Repair {
  const reached = order.indexOf(state)
  const at = (i: number) => `2026-11-26T${String(10 + i).padStart(2, '0')}:00:00+08:00`
  return {
    repairNo: 'WO2026112600001',
    accountNo: '1000000004',
    kind: 'no_heat',
    kindLabel: '暖气不热',
    urgent: false,
    state,
    stateLabel: repairStateLabels[state],
    hint: null,
    description: '暖气片不热，从昨天开始',
    photoIds: [],
    addressMasked: '示范市东城区和平路18号幸福里小区**栋**单元***',
    contactPhoneMasked: '138****0004',
    slot: null,
    createdAt: at(0),
    acceptanceDueAt: at(1),
    escalation: null,
    technician:
      reached >= 2
        ? {
            name: '王师傅',
            team: '东城维修班',
            phoneMasked: '139****1234',
            callNumber: '96777',
            callNote: '拨打后由调度台转接师傅',
          }
        : null,
    etaAt: state === 'on_the_way' ? '2026-11-26T15:30:00+08:00' : null,
    resolvedAt: reached >= 5 ? at(5) : null,
    rating: null,
    progress: order.map((s, i) => ({
      state: s,
      label: repairStateLabels[s],
      at: i <= reached ? at(i) : null,
      done: i <= reached,
    })),
    timeline: order
      .slice(0, reached + 1)
      .map((s, i) => ({ type: s, label: repairStateLabels[s], detail: null, at: at(i) })),
    actions: {
      canUrge: reached < 5,
      nextUrgeAt: null,
      canRate: state === 'resolved',
      canReopen: state === 'resolved' || state === 'rated',
      reopenUntil: reached >= 5 ? '2026-12-03T15:00:00+08:00' : null,
    },
    ...over,
  }
}
