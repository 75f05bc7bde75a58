import type { Inspections } from '@gh/shared'
import type { TestBff } from './harness'

/**
 * The inspection slot list a 代办 inspection booking is checked against, without the
 * work-order system: suites that make nothing need only the days they book.
 */
export function offerInspectionSlots(bff: TestBff, days: readonly string[]): void {
  const page: Inspections = {
    supply: 'normal',
    last: null,
    next: null,
    nextKind: 'routine',
    slots: days.flatMap((date) =>
      (['am', 'pm'] as const).map((window) => ({ date, window, label: date, available: true })),
    ),
  }
  jest.spyOn(bff.container.safety.inspections, 'get').mockResolvedValue(page)
}
