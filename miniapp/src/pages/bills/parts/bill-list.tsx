import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { Bill } from '@gh/shared'
import { a11y } from '../../../a11y'
import { ActionButton } from '../../../components/action-button'
import { useElderMode } from '../../../elder'
import { BillItem } from './bill-item'

export interface BillListProps {
  bills: readonly Bill[]
  /** A link's `?billId=`: that bill starts open (and shown, however old). */
  openBillId?: string
  /** Told which bills are open after each tap (朗读 reads the details of those). */
  onOpenChange?: (open: ReadonlySet<string>) => void
}

/** Fewer rows per screen in elderly mode; older bills are one tap away. */
const FIRST_ROWS = { normal: 12, elder: 6 } as const

/** 全部账单, newest first; each bill opens in place to show its lines. */
export function BillList({ bills, openBillId, onOpenChange }: BillListProps) {
  const { elder } = useElderMode()
  const [open, setOpen] = useState<ReadonlySet<string>>(
    () => new Set(openBillId ? [openBillId] : []),
  )
  const [all, setAll] = useState(false)
  const linkedAt = openBillId ? bills.findIndex((b) => b.billId === openBillId) : -1
  const first = Math.max(FIRST_ROWS[elder ? 'elder' : 'normal'], linkedAt + 1)
  const shown = all ? bills : bills.slice(0, first)
  const toggle = (billId: string) => {
    const next = new Set(open)
    if (!next.delete(billId)) next.add(billId)
    setOpen(next)
    onOpenChange?.(next)
  }
  return (
    <View className="bill-list">
      <Text className="section-title" {...a11y(undefined, 'heading')} aria-level="2">
        全部账单（{bills.length}）
      </Text>
      {shown.map((bill) => (
        <BillItem
          key={bill.billId}
          bill={bill}
          open={open.has(bill.billId)}
          onToggle={() => toggle(bill.billId)}
        />
      ))}
      {shown.length < bills.length ? (
        <View className="bill-list__more">
          <ActionButton variant="secondary" onClick={() => setAll(true)}>
            查看更早的 {bills.length - shown.length} 张账单
          </ActionButton>
        </View>
      ) : null}
    </View>
  )
}
