import type { SelfCheck, SelfCheckAnswers } from '@gh/shared'
import { errors } from '../platform/app-error'
import { toShanghaiIso } from '../platform/time'
import type { InspectionsPort, RecordedAppliance } from '../upstream/workorders/inspections-port'
import { dueItems, risksOf, serviceLifeOf } from './self-check-rules'
import type { SafetyStore } from './safety-store'

const APPLIANCE_LABELS: Record<RecordedAppliance['kind'], string> = {
  stove: '燃气灶',
  water_heater: '燃气热水器',
  wall_boiler: '燃气壁挂炉',
}

export interface SelfCheckDeps {
  store: SafetyStore
  inspections: InspectionsPort
  now: () => Date
}

/**
 * 安全自查: the list asks about what the inspectors recorded in the home (a stove's 熄火保护 only
 * where there is a stove), keeps one set of answers per account, and answers with the risks
 * they show and when each hose, alarm and heater reaches its service life.
 */
export class SelfCheckService {
  constructor(private readonly deps: SelfCheckDeps) {}

  async get(accountNo: string): Promise<SelfCheck> {
    const [home, saved] = await Promise.all([
      this.deps.inspections.of(accountNo),
      this.deps.store.selfCheck(accountNo),
    ])
    return this.view(home.appliances, saved?.answers ?? null, saved?.checkedAt ?? null)
  }

  async save(userId: string, accountNo: string, input: SelfCheckAnswers): Promise<SelfCheck> {
    const { appliances } = await this.deps.inspections.of(accountNo)
    const asks = asksOf(appliances)
    if (asks.stove && !input.stove) throw errors.validation('请回答灶具有没有熄火保护')
    if (asks.waterHeater && !input.waterHeater) throw errors.validation('请回答热水器怎么排烟')
    const answers: SelfCheckAnswers = {
      alarm: input.alarm.present
        ? input.alarm
        : { present: false, working: null, installedOn: null },
      hose: input.hose,
      stove: asks.stove ? input.stove : null,
      waterHeater: asks.waterHeater ? input.waterHeater : null,
    }
    const now = this.deps.now()
    await this.deps.store.saveSelfCheck(accountNo, answers, userId, now)
    return this.view(appliances, answers, now)
  }

  private view(
    appliances: readonly RecordedAppliance[],
    answers: SelfCheckAnswers | null,
    checkedAt: Date | null,
  ): SelfCheck {
    const today = toShanghaiIso(this.deps.now()).slice(0, 10)
    const serviceLife = serviceLifeOf(dueItems(answers, appliances), today)
    const risks = risksOf(answers, serviceLife)
    return {
      appliances: appliances.map((a) => ({ ...a, label: APPLIANCE_LABELS[a.kind] })),
      asks: asksOf(appliances),
      answers,
      checkedAt: checkedAt && toShanghaiIso(checkedAt),
      risks,
      serviceLife,
      suggestInspection: risks.length > 0,
    }
  }
}

function asksOf(appliances: readonly RecordedAppliance[]): SelfCheck['asks'] {
  return {
    stove: appliances.some((a) => a.kind === 'stove'),
    waterHeater: appliances.some((a) => a.kind !== 'stove'),
  }
}
