import { Text, View } from '@tarojs/components'
import { dm3ToM3String, formatFen } from '@gh/shared'
import type { Bill } from '@gh/shared'
import { a11y, decorative } from '../../../a11y'
import { dayText } from '../format'

export interface BillItemProps {
  bill: Bill
  open: boolean
  onToggle: () => void
}

/** What the row says about where the bill stands, in words (colour is never the only signal). */
function standing(bill: Bill): string {
  if (bill.status === 'paid') return bill.paidAt ? `${dayText(bill.paidAt)}已缴清` : '已缴清'
  const left = bill.status === 'partially_paid' ? `还欠 ${formatFen(bill.outstandingFen)}，` : ''
  return bill.overdue
    ? `${left}已逾期（截止 ${dayText(bill.dueAt)}）`
    : `${left}缴费截止 ${dayText(bill.dueAt)}`
}

function tone(bill: Bill): 'paid' | 'overdue' | 'open' {
  if (bill.status === 'paid') return 'paid'
  return bill.overdue ? 'overdue' : 'open'
}

/** One bill: period, amount, 未缴/部分缴/已缴 and due date; a tap shows how it was reached. */
export function BillItem({ bill, open, onToggle }: BillItemProps) {
  const t = tone(bill)
  return (
    <View className={`card bill-item bill-item--${t}`}>
      {/* Named by what it shows (title, amount, status, 明细, due), so the name always holds the
          visible words; aria-expanded says whether the lines are open. */}
      <View
        className="bill-item__head main-control"
        hoverClass="bill-item__head--pressed"
        onClick={onToggle}
        {...a11y(undefined, 'button')}
        {...{ 'aria-expanded': open ? 'true' : 'false' }}
      >
        <View className="bill-item__row">
          <Text className="bill-item__title">{bill.title}</Text>
          <Text className="bill-item__amount">{formatFen(bill.amountFen)}</Text>
        </View>
        <View className="bill-item__row">
          <Text className={`bill-item__status bill-item__status--${t}`}>
            {t === 'paid' || t === 'overdue' ? (
              <Text {...decorative()}>{t === 'overdue' ? '⚠ ' : '✓ '}</Text>
            ) : null}
            {bill.statusLabel}
          </Text>
          <Text className="bill-item__toggle">
            {open ? '收起' : '明细'}
            <Text {...decorative()}>{open ? ' ▲' : ' ▼'}</Text>
          </Text>
        </View>
        <Text className={`bill-item__due${t === 'overdue' ? ' bill-item__due--overdue' : ''}`}>
          {standing(bill)}
        </Text>
      </View>
      {open ? <BillDetails bill={bill} /> : null}
    </View>
  )
}

function BillDetails({ bill }: { bill: Bill }) {
  return (
    <View className="bill-item__details">
      {bill.usage ? (
        <Text className="bill-item__usage">
          本期用气 {dm3ToM3String(bill.usage.volumeDm3)} m³（表读数{' '}
          {dm3ToM3String(bill.usage.readingFromDm3)} → {dm3ToM3String(bill.usage.readingToDm3)}）
        </Text>
      ) : null}
      {bill.lines.map((line, i) => (
        <View key={`${line.type}-${i}`} className="bill-line">
          <View className="bill-item__row">
            <Text className="bill-line__label">{line.label}</Text>
            <Text className="bill-line__amount">{formatFen(line.amountFen)}</Text>
          </View>
          <Text className="bill-line__explanation">{line.explanation}</Text>
        </View>
      ))}
      {bill.paidFen > 0 && bill.status !== 'paid' ? (
        <Text className="bill-item__usage">已缴 {formatFen(bill.paidFen)}</Text>
      ) : null}
      <Text className="bill-item__note">{bill.note}</Text>
    </View>
  )
}
