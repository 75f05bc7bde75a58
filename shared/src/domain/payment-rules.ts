import { formatFen } from './money'
import { estimateDaysOfGas, type Tariff } from './tariff'

/**
 * Which payments an account may make, in integer fen. Top-ups (recharge) are for prepaid gas
 * meters; bill payment settles what the account owes. Money owed is always paid first: a top-up
 * must at least cover it, and its first fen go to it. A refusal carries the Chinese sentence the
 * resident reads; refusals are results, not errors, because the options screen shows them too.
 */

export type PayableAccountKind = 'iot_prepaid' | 'ic_prepaid' | 'postpaid_gas' | 'heating'
export type PayableAccountStatus = 'active' | 'arrears' | 'suspended'
export type PaymentPurpose = 'recharge' | 'bill'

/** Limits from the account's tariff (per order and per day, in fen). */
export interface PaymentLimits {
  minPerOrderFen: number
  maxPerOrderFen: number
  maxPerDayFen: number
}

export interface PayableAccount {
  kind: PayableAccountKind
  status: PayableAccountStatus
  /** What the account owes now (unpaid bills, arrears); 0 when nothing. */
  owedFen: number
  /** Prepaid balance on the meter or in billing; null when unknown or postpaid. */
  balanceFen: number | null
  limits: PaymentLimits
  /**
   * Expected daily use, for "约可用 N 天", with what the expectation rests on (e.g. 按近30天日均
   * 2.4 m³ 及去年同期用量估算); null when there is too little use to go on.
   */
  usage: { dailyDm3: number; ytdDm3: number; basis: string } | null
  tariff: Tariff | null
}

export const RECHARGE_PRESETS_FEN: readonly number[] = [5000, 10000, 20000, 50000]

export type PaymentRefusal =
  | 'INVALID_AMOUNT'
  | 'SUSPENDED'
  | 'NOT_PREPAID'
  | 'NOTHING_OWED'
  | 'NOT_BILL_AMOUNT'
  | 'ARREARS_FIRST'
  | 'BELOW_MINIMUM'
  | 'ABOVE_MAXIMUM'
  | 'DAILY_LIMIT'

export type PaymentDecision =
  | {
      allowed: true
      amountFen: number
      /** The part that settles what is owed; the rest reaches the balance. */
      toArrearsFen: number
      toBalanceFen: number
      /** Days the balance lasts after this payment; null when it cannot be estimated. */
      daysOfGas: number | null
    }
  | { allowed: false; refusal: PaymentRefusal; message: string }

const SUSPENDED_MESSAGE = '该户已停止供气，暂不能在线缴费或充值，请联系客服或到营业厅办理'

function refuse(refusal: PaymentRefusal, message: string): PaymentDecision {
  return { allowed: false, refusal, message }
}

export function isPrepaid(kind: PayableAccountKind): boolean {
  return kind === 'iot_prepaid' || kind === 'ic_prepaid'
}

/** Whole days the balance lasts after `addedFen` more reaches it; null without recent use. */
export function daysOfGasAfter(account: PayableAccount, addedFen: number): number | null {
  const { usage, tariff, balanceFen } = account
  if (!isPrepaid(account.kind) || !usage || !tariff || balanceFen === null) return null
  return estimateDaysOfGas(balanceFen + addedFen, usage.dailyDm3, tariff, usage.ytdDm3)
}

function allow(account: PayableAccount, amountFen: number, toArrearsFen: number): PaymentDecision {
  const toBalanceFen = amountFen - toArrearsFen
  const daysOfGas = daysOfGasAfter(account, toBalanceFen)
  return { allowed: true, amountFen, toArrearsFen, toBalanceFen, daysOfGas }
}

function decideBill(account: PayableAccount, amountFen: number): PaymentDecision {
  if (account.owedFen <= 0) return refuse('NOTHING_OWED', '该户暂无待缴费用')
  if (amountFen !== account.owedFen) {
    return refuse('NOT_BILL_AMOUNT', `缴费金额应为待缴金额${formatFen(account.owedFen)}`)
  }
  return allow(account, amountFen, amountFen)
}

function decideRecharge(
  account: PayableAccount,
  amountFen: number,
  paidTodayFen: number,
): PaymentDecision {
  if (!isPrepaid(account.kind)) {
    return refuse('NOT_PREPAID', '该户为后付费户，无需充值，请在“缴费”中缴纳账单')
  }
  const owed = Math.max(0, account.owedFen)
  const { minPerOrderFen: min, maxPerOrderFen: max, maxPerDayFen: perDay } = account.limits
  if (owed > 0 && owed >= max) {
    return refuse('ARREARS_FIRST', `该户欠费${formatFen(owed)}，请先在“缴费”中缴清欠费`)
  }
  if (amountFen < owed) {
    return refuse('ARREARS_FIRST', `该户欠费${formatFen(owed)}，充值会先抵扣欠费，金额不能少于欠费`)
  }
  if (amountFen < min) return refuse('BELOW_MINIMUM', `单笔充值不能少于${formatFen(min)}`)
  if (amountFen > max) return refuse('ABOVE_MAXIMUM', `单笔充值不能超过${formatFen(max)}`)
  const left = Math.max(0, perDay - paidTodayFen)
  if (amountFen > left) {
    return refuse(
      'DAILY_LIMIT',
      left === 0
        ? `今日充值已达上限${formatFen(perDay)}，请明天再试`
        : `今日还可充值${formatFen(left)}（每日上限${formatFen(perDay)}）`,
    )
  }
  return allow(account, amountFen, owed)
}

/**
 * Whether `amountFen` may be paid now. `paidTodayFen` is what the account has already committed
 * today (Asia/Shanghai day) in orders that are not closed or refunded.
 */
export function decidePayment(
  account: PayableAccount,
  purpose: PaymentPurpose,
  amountFen: number,
  paidTodayFen: number,
): PaymentDecision {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) {
    return refuse('INVALID_AMOUNT', '请输入正确的金额')
  }
  if (account.status === 'suspended') return refuse('SUSPENDED', SUSPENDED_MESSAGE)
  return purpose === 'bill'
    ? decideBill(account, amountFen)
    : decideRecharge(account, amountFen, paidTodayFen)
}

export interface RechargePreset {
  amountFen: number
  allowed: boolean
  daysOfGas: number | null
}

export interface PaymentOffer {
  recharge: {
    /** Null when a top-up is possible; otherwise why not, in Chinese. */
    refusal: string | null
    minFen: number
    maxFen: number
    presets: RechargePreset[]
  }
  bill: { owedFen: number; refusal: string | null }
  daysOfGasNow: number | null
  /** What the days rest on, shown beside them; null when there are no days to show. */
  daysOfGasBasis: string | null
}

/** What the payment screen offers: presets that would be accepted, the free-amount range, bills. */
export function paymentOptions(account: PayableAccount, paidTodayFen: number): PaymentOffer {
  const owed = Math.max(0, account.owedFen)
  const { minPerOrderFen, maxPerOrderFen, maxPerDayFen } = account.limits
  const minFen = Math.max(minPerOrderFen, owed)
  const maxFen = Math.max(0, Math.min(maxPerOrderFen, maxPerDayFen - paidTodayFen))
  const probe = decidePayment(account, 'recharge', Math.max(minFen, 1), paidTodayFen)
  const bill = decidePayment(account, 'bill', Math.max(owed, 1), paidTodayFen)
  const daysOfGasNow = daysOfGasAfter(account, 0)
  return {
    recharge: {
      refusal: probe.allowed ? null : probe.message,
      minFen,
      maxFen,
      presets: RECHARGE_PRESETS_FEN.map((amountFen) => {
        const d = decidePayment(account, 'recharge', amountFen, paidTodayFen)
        return { amountFen, allowed: d.allowed, daysOfGas: d.allowed ? d.daysOfGas : null }
      }),
    },
    bill: { owedFen: owed, refusal: bill.allowed ? null : bill.message },
    daysOfGasNow,
    daysOfGasBasis: daysOfGasNow === null ? null : (account.usage?.basis ?? null),
  }
}
