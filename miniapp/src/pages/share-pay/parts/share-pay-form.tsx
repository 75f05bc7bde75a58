import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { formatFen } from '@gh/shared'
import type { PayShare, SharedOrder } from '@gh/shared'
import { a11y } from '../../../a11y'
import { ActionButton } from '../../../components/action-button'
import { AmountPresets } from '../../../components/amount-presets'
import { FreeAmount } from '../../../components/free-amount'
import { useElderMode } from '../../../elder'
import { useAction } from '../../../hooks/use-action'
import { attemptFor, type KeyedAttempt, type PayOutcome } from '../../../payments'
import { paySharedOrder } from '../api'
import { shareCashierReturnUrl } from '../share-link'
import { amountToPay, initialChoice, presetsFor } from './share-rules'

export interface SharePayFormProps {
  share: PayShare
  /** The order exists (paid, cancelled or still open): the page shows it from here on. */
  onPlaced: (order: SharedOrder, outcome: PayOutcome | null) => void
}

/** The amount (when the card lets the payer choose), then the one main action: 去支付. */
export function SharePayForm({ share, onPlaced }: SharePayFormProps) {
  const { elder } = useElderMode()
  const [choice, setChoice] = useState(() => initialChoice(share))
  const [freeOpen, setFreeOpen] = useState(false)
  const [error, setError] = useState<string | undefined>()
  const attempt = useRef<KeyedAttempt<number> | undefined>(undefined)
  const paying = useAction(
    async (amountFen: number) => {
      attempt.current = attemptFor(attempt.current, amountFen)
      const { order, outcome } = await paySharedOrder({
        token: share.token,
        amountFen,
        idempotencyKey: attempt.current.key,
        returnUrlFor: (placed) => shareCashierReturnUrl(share.token, placed),
      })
      attempt.current = undefined
      if (outcome?.kind !== 'redirected') onPlaced(order, outcome)
    },
    { onError: (err) => setError(err.message) },
  )
  const { busy } = paying

  if (share.refusal !== null) {
    return (
      <View className="card share-refusal" {...a11y(undefined, 'alert')}>
        <Text className="card__title">暂时不能代缴</Text>
        <Text className="card__text">{share.refusal}</Text>
        <Text className="card__text">可以告诉家人，等问题解决后再分享一次。</Text>
      </View>
    )
  }

  const chooses = share.amountFen === null
  const check = amountToPay(share, choice)
  const typing = chooses && choice.freeText.trim() !== ''

  const pay = async () => {
    if (busy) return
    if (!check.ok) return setError(check.message)
    setError(undefined)
    await paying.run(check.amountFen)
  }

  return (
    <View className="card share-pay-form">
      {chooses ? (
        <>
          <Text className="card__title">选择充值金额</Text>
          <AmountPresets
            presets={presetsFor(share)}
            selectedFen={typing ? null : choice.presetFen}
            onSelect={(fen) => {
              setChoice({ presetFen: fen, freeText: '' })
              setError(undefined)
            }}
          />
          {freeOpen || !elder ? (
            <FreeAmount
              value={choice.freeText}
              onChange={(text) => {
                setChoice((c) => ({ ...c, freeText: text }))
                setError(undefined)
              }}
              minFen={share.minFen}
              maxFen={share.maxFen}
              error={typing && !check.ok && error ? check.message : undefined}
            />
          ) : (
            <View className="share-pay-form__more">
              <ActionButton variant="secondary" onClick={() => setFreeOpen(true)}>
                输入其他金额
              </ActionButton>
            </View>
          )}
        </>
      ) : null}
      {chooses && check.ok ? (
        <Text className="share-pay-form__total" {...a11y(undefined, 'status')}>
          支付 {formatFen(check.amountFen)}
        </Text>
      ) : null}
      {error && !(typing && !check.ok) ? (
        <Text className="share-pay-form__error" {...a11y(undefined, 'alert')}>
          ⚠ {error}
        </Text>
      ) : null}
      <View className="share-pay-form__action">
        <ActionButton main onClick={() => void pay()} label={busy ? '正在打开支付' : '去支付'}>
          {busy ? '正在打开支付…' : '去支付'}
        </ActionButton>
      </View>
      <Text className="share-pay-form__note">支付后这里会显示到账进度，不会重复扣款。</Text>
    </View>
  )
}
