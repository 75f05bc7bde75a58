import { dm2ToM2String, dm3ToM3String, fenToYuanString } from '@gh/shared'
import type { Bill, BillLine, BillsDue } from '@gh/shared'
import { toShanghaiIso } from '../platform/time'
import type { BillingBill, BillingCharge, BillingSummary } from '../upstream/billing/billing-port'

/*
 * Billing's bills in the resident's words. The explanations are written here from the numbers,
 * not copied from billing's text, so every vendor's bill reads the same in the app.
 */

const tierNames = ['第一阶梯', '第二阶梯', '第三阶梯'] as const
const statusLabels = { unpaid: '未缴', partially_paid: '部分缴', paid: '已缴' } as const
const yuan = (fen: number) => `${fenToYuanString(fen)} 元`
/** Dates and times always leave with +08:00, whatever offset billing wrote them in. */
const shanghai = (iso: string) => toShanghaiIso(new Date(iso))

/** 10 basis points → '0.1%'. */
function percentOfBp(bp: number): string {
  const whole = Math.trunc(bp / 100)
  const rest = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '')
  return `${whole}${rest ? `.${rest}` : ''}%`
}

function lineView(line: BillingCharge): BillLine {
  switch (line.type) {
    case 'gas_tier':
      return {
        type: 'gas_tier',
        label: tierNames[line.tier - 1] ?? `第${line.tier}阶梯`,
        tier: line.tier,
        volumeDm3: line.volumeDm3,
        unitPriceFen: line.unitPriceFen,
        amountFen: line.amountFen,
        explanation:
          `${dm3ToM3String(line.volumeDm3)} m³ × ${fenToYuanString(line.unitPriceFen)} 元/m³` +
          ` = ${yuan(line.amountFen)}`,
      }
    case 'heating':
    case 'heating_basic': {
      const share = line.days < line.seasonDays ? ` × ${line.days}/${line.seasonDays} 天` : ''
      const percent = line.percent < 100 ? ` × ${line.percent}%` : ''
      return {
        type: line.type,
        label:
          line.type === 'heating' ? `供暖费（${line.days} 天）` : `停暖基本热费（${line.days} 天）`,
        areaDm2: line.areaDm2,
        priceFenPerM2: line.priceFenPerM2,
        days: line.days,
        seasonDays: line.seasonDays,
        percent: line.percent,
        amountFen: line.amountFen,
        explanation:
          `建筑面积 ${dm2ToM2String(line.areaDm2)} m² × ${fenToYuanString(line.priceFenPerM2)} 元/m²` +
          `${share}${percent} = ${yuan(line.amountFen)}`,
      }
    }
    case 'late_fee': {
      const full = Math.round((line.overdueFen * line.dailyRateBp * line.days) / 10_000)
      const capped = line.amountFen < full ? '（已封顶）' : ''
      return {
        type: 'late_fee',
        label: `滞纳金（逾期 ${line.days} 天）`,
        overdueFen: line.overdueFen,
        fromDate: line.fromDate,
        days: line.days,
        dailyRateBp: line.dailyRateBp,
        amountFen: line.amountFen,
        // Once the bill is paid, billing reports nothing overdue now: the fee's base is gone
        // from the numbers, so the rule is stated instead of a product that would not add up.
        explanation:
          full < line.amountFen
            ? `按逾期未缴金额每天 ${percentOfBp(line.dailyRateBp)} 计，逾期 ${line.days} 天` +
              `（${line.fromDate} 起）= ${yuan(line.amountFen)}`
            : `逾期未缴 ${yuan(line.overdueFen)} × ${percentOfBp(line.dailyRateBp)}/天 × ` +
              `${line.days} 天（${line.fromDate} 起）= ${yuan(line.amountFen)}${capped}`,
      }
    }
    case 'heating_compensation': {
      const kept = line.compensationFen + line.amountFen
      return {
        type: 'heating_compensation',
        label: `室温不达标补偿（${line.days} 天）`,
        complaintId: line.complaintId,
        fromDate: line.fromDate,
        toDate: line.toDate,
        days: line.days,
        percent: line.percent,
        compensationFen: line.compensationFen,
        amountFen: line.amountFen,
        explanation:
          `${line.fromDate} 至 ${line.toDate}：建筑面积 ${dm2ToM2String(line.areaDm2)} m² × ` +
          `${fenToYuanString(line.priceFenPerM2)} 元/m² ÷ ${line.seasonDays} 天 × ${line.days} 天` +
          ` × ${line.percent}% = ${yuan(line.compensationFen)}` +
          (kept > 0 ? `，本期扣减 ${yuan(-line.amountFen)}，其余 ${yuan(kept)} 转入预存` : ''),
      }
    }
    case 'heating_metered':
      return {
        type: 'heating_metered',
        label: '计量热费',
        heatMj: line.heatMj,
        priceFenPerGj: line.priceFenPerGj,
        amountFen: line.amountFen,
        explanation:
          `热量表计量 ${(line.heatMj / 1000).toFixed(2)} GJ × ` +
          `${fenToYuanString(line.priceFenPerGj)} 元/GJ = ${yuan(line.amountFen)}`,
      }
  }
}

function titleOf(bill: BillingBill): string {
  const [fromYear = '', fromMonth = ''] = bill.period.from.split('-')
  if (bill.kind === 'heating') {
    return `${fromYear}-${bill.period.to.slice(0, 4)} 采暖季供暖费`
  }
  const sameMonth = bill.period.from.slice(0, 7) === bill.period.to.slice(0, 7)
  return sameMonth
    ? `${fromYear}年${Number(fromMonth)}月燃气费`
    : `燃气费（${bill.period.from} 至 ${bill.period.to}）`
}

/** Billing's summary without the sentences a line already says (its late-fee formula). */
function noteOf(bill: BillingBill): string {
  const said = new Set(bill.lines.map((l) => l.explanation.replace(/。$/, '')))
  return bill.summary
    .split('。')
    .filter((sentence) => sentence.trim() !== '' && !said.has(sentence.trim()))
    .map((sentence) => `${sentence}。`)
    .join('')
}

// A cached bill list is one shared object until it lapses: each of its bills is put in the
// resident's words once, not on every read. Nobody mutates a view (see SingleFlight).
const views = new WeakMap<BillingBill, Bill>()

export function billView(bill: BillingBill): Bill {
  const known = views.get(bill)
  if (known) return known
  const view = viewOf(bill)
  views.set(bill, view)
  return view
}

function viewOf(bill: BillingBill): Bill {
  return {
    billId: bill.billId,
    kind: bill.kind,
    title: titleOf(bill),
    period: { from: bill.period.from, to: bill.period.to },
    issuedAt: shanghai(bill.issuedAt),
    dueAt: shanghai(bill.dueAt),
    amountFen: bill.amountFen,
    lateFeeFen: bill.lateFeeFen,
    paidFen: bill.paidFen,
    outstandingFen: bill.outstandingFen,
    status: bill.status,
    statusLabel: statusLabels[bill.status],
    overdue: bill.overdue,
    paidAt: bill.paidAt === null ? null : shanghai(bill.paidAt),
    // The meter number stays behind: the resident reads usage, not the device id.
    usage: bill.meter && {
      readingFromDm3: bill.meter.readingFromDm3,
      readingToDm3: bill.meter.readingToDm3,
      volumeDm3: bill.meter.volumeDm3,
      yearToDateBeforeDm3: bill.meter.yearToDateBeforeDm3,
    },
    lines: bill.lines.map(lineView),
    note: noteOf(bill),
  }
}

export function dueView(summary: BillingSummary): BillsDue {
  return {
    asOf: shanghai(summary.asOf),
    amountDueFen: summary.amountDueFen,
    arrearsFen: summary.arrearsFen,
    lateFeeFen: summary.lateFeeFen,
    unpaidBillCount: summary.unpaidBillCount,
    overdueBillCount: summary.overdueBillCount,
  }
}
