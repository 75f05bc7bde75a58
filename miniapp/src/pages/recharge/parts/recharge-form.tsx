import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { formatFen } from '@gh/shared'
import type { PaymentOptions, PayShare } from '@gh/shared'
import { a11y } from '../../../a11y'
import { ActionButton } from '../../../components/action-button'
import { AmountPresets } from '../../../components/amount-presets'
import { FreeAmount } from '../../../components/free-amount'
import { useElderMode } from '../../../elder'
import { openPage, pages } from '../../../navigation/pages'
import { checkAmount, usePayToOrder } from '../../../payments'
import { FamilyPay } from '../../../payments/family-pay'

export interface RechargeFormProps {
  accountNo: string
  options: PaymentOptions
  /** The 请家人代缴 card made here, for the page's share handler. */
  onShare?: (share: PayShare | undefined) => void
  /** Told the amount 去支付 would pay whenever it changes (null: none), for 朗读. */
  onChosen?: (amountFen: number | null) => void
}

const noShare = () => undefined

/** Choose an amount, then the one main action: 去支付 (请家人代缴 below it is secondary). */
export function RechargeForm(props: RechargeFormProps) {
  const { accountNo, options, onShare = noShare, onChosen } = props
  const { elder } = useElderMode()
  const { recharge } = options
  const firstAllowed = recharge.presets.find((p) => p.allowed)?.amountFen ?? null
  const [presetFen, setPresetFen] = useState<number | null>(firstAllowed)
  const [freeText, setFreeText] = useState('')
  const [freeOpen, setFreeOpen] = useState(false)
  const payToOrder = usePayToOrder(accountNo, 'recharge')
  const { busy, error, setError } = payToOrder

  const usingFree = freeOpen && freeText.trim() !== ''
  const freeCheck = usingFree ? checkAmount(freeText, recharge) : undefined
  const amountFen = usingFree ? (freeCheck?.ok ? freeCheck.amountFen : null) : presetFen
  const payable = recharge.refusal === null ? amountFen : null
  useEffect(() => onChosen?.(payable), [payable, onChosen])

  if (recharge.refusal !== null) {
    return (
      <View className="card recharge-refusal" {...a11y(undefined, 'alert')}>
        <Text className="card__title">暂时不能充值</Text>
        <Text className="card__text">{recharge.refusal}</Text>
        {options.bill.owedFen > 0 && options.bill.refusal === null ? (
          <View className="recharge-form__action">
            <ActionButton main onClick={() => openPage(pages.bills)}>
              去缴清欠费
            </ActionButton>
          </View>
        ) : null}
      </View>
    )
  }

  const preset = recharge.presets.find((p) => p.amountFen === amountFen)
  const owed = options.bill.owedFen

  const pay = async () => {
    if (busy) return
    if (freeCheck && !freeCheck.ok) return setError(freeCheck.message)
    if (amountFen === null) return setError('请选择或输入充值金额')
    await payToOrder.pay(amountFen)
  }

  return (
    <View className="card recharge-form">
      <Text className="card__title">选择充值金额</Text>
      <AmountPresets
        presets={recharge.presets}
        selectedFen={usingFree ? null : presetFen}
        onSelect={(fen) => {
          setPresetFen(fen)
          setFreeText('')
          setError(undefined)
        }}
      />
      {freeOpen || !elder ? (
        <FreeAmount
          value={freeText}
          onChange={(text) => {
            setFreeText(text)
            setError(undefined)
          }}
          minFen={recharge.minFen}
          maxFen={recharge.maxFen}
          error={freeCheck && !freeCheck.ok && error ? freeCheck.message : undefined}
        />
      ) : (
        <View className="recharge-form__more">
          <ActionButton variant="secondary" onClick={() => setFreeOpen(true)}>
            输入其他金额
          </ActionButton>
        </View>
      )}
      {amountFen !== null ? (
        <View className="recharge-form__summary" {...a11y(undefined, 'status')}>
          <Text className="recharge-form__total">支付 {formatFen(amountFen)}</Text>
          {owed > 0 ? (
            <Text className="card__text">
              其中 {formatFen(owed)} 抵扣欠费，{formatFen(Math.max(0, amountFen - owed))} 存入气表
            </Text>
          ) : null}
          {preset?.daysOfGas != null ? (
            <Text className="card__text">充值后约可用 {preset.daysOfGas} 天</Text>
          ) : null}
        </View>
      ) : null}
      {error && !(freeCheck && !freeCheck.ok) ? (
        <Text className="recharge-form__error" {...a11y(undefined, 'alert')}>
          ⚠ {error}
        </Text>
      ) : null}
      <View className="recharge-form__action">
        <ActionButton main onClick={() => void pay()} label={busy ? '正在打开支付' : '去支付'}>
          {busy ? '正在打开支付…' : '去支付'}
        </ActionButton>
      </View>
      <Text className="recharge-form__note">支付后可在“缴费记录”查看到账进度，不会重复扣款。</Text>
      <View className="recharge-form__family">
        <FamilyPay
          accountNo={accountNo}
          amountFen={amountFen}
          amountError={freeCheck && !freeCheck.ok ? freeCheck.message : undefined}
          onShare={onShare}
        />
      </View>
    </View>
  )
}
