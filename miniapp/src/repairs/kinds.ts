import { isUrgentRepairKind, RepairKind, repairKindLabels } from '@gh/shared'
import type { RepairKind as Kind } from '@gh/shared'

export { isUrgentRepairKind, repairKindLabels }

/** The 报修 tab's choices, dangerous first: a leak or an alarm is the first thing to find. */
export const kindChoices: readonly { kind: Kind; label: string; hint: string }[] = [
  { kind: 'gas_leak', label: repairKindLabels.gas_leak, hint: '先看安全提示，再报修' },
  { kind: 'co_alarm', label: repairKindLabels.co_alarm, hint: '先看安全提示，再报修' },
  { kind: 'appliance', label: repairKindLabels.appliance, hint: '打不着火、火太小' },
  { kind: 'meter', label: repairKindLabels.meter, hint: '不走字、显示异常' },
  { kind: 'pipe', label: repairKindLabels.pipe, hint: '管道、阀门损坏' },
  { kind: 'no_heat', label: repairKindLabels.no_heat, hint: '暖气片不热、室温低' },
  { kind: 'heating_leak', label: repairKindLabels.heating_leak, hint: '暖气片、管道漏水' },
  { kind: 'other', label: repairKindLabels.other, hint: '其他燃气、暖气问题' },
]

/** `?kind=` from a link or the tab page; anything else is no kind. */
export function kindFromParam(value: string | undefined): Kind | undefined {
  const parsed = RepairKind.safeParse(value)
  return parsed.success ? parsed.data : undefined
}
