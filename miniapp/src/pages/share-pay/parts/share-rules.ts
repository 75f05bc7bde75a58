import type { PayShare, PaymentOptions } from '@gh/shared'
import { checkAmount, type AmountCheck } from '../../../payments'

// The payer cannot see the account's own presets (they come with the account's payment
// options): common amounts instead, each allowed only inside the card's limits.
const COMMON_FEN = [5000, 10000, 20000, 50000] as const

/** The amount buttons for a card that lets the payer choose. */
export function presetsFor(share: Pick<PayShare, 'minFen' | 'maxFen'>) {
  return COMMON_FEN.map((amountFen) => ({
    amountFen,
    allowed: amountFen >= share.minFen && amountFen <= share.maxFen,
    daysOfGas: null,
  })) satisfies PaymentOptions['recharge']['presets']
}

export interface AmountChoice {
  presetFen: number | null
  freeText: string
}

/** The first common amount the card allows, chosen for the payer to start with. */
export function initialChoice(share: PayShare): AmountChoice {
  const first = presetsFor(share).find((p) => p.allowed)?.amountFen ?? null
  return { presetFen: first, freeText: '' }
}

/**
 * What the payer will pay: the card's amount when it names one (a bill, or a top-up the
 * family member fixed), else what they typed (checked like the recharge page's box, within the
 * card's limits), else the amount button they chose.
 */
export function amountToPay(share: PayShare, choice: AmountChoice): AmountCheck {
  if (share.amountFen !== null) return { ok: true, amountFen: share.amountFen }
  if (choice.freeText.trim() !== '') {
    const limits = { minFen: share.minFen, maxFen: share.maxFen, presets: [], refusal: null }
    return checkAmount(choice.freeText, limits)
  }
  if (choice.presetFen === null) return { ok: false, message: '请选择或输入充值金额' }
  return { ok: true, amountFen: choice.presetFen }
}

/** '100****001' → '001': the digits the payer may see, for reading aloud. */
export const visibleDigits = (masked: string) => masked.replace(/^.*\*/, '')
