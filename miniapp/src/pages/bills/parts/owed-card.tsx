import { Text, View } from '@tarojs/components'
import { formatFen } from '@gh/shared'
import type { BillsDue, PayShare } from '@gh/shared'
import { a11y } from '../../../a11y'
import { ActionButton } from '../../../components/action-button'
import { usePayToOrder } from '../../../payments'
import { FamilyPay } from '../../../payments/family-pay'

export interface OwedCardProps {
  accountNo: string
  due: BillsDue
  /** Why paying is not possible now (停气…); null when it is. */
  refusal: string | null
  /** The 请家人代缴 card made here, for the page's share handler. */
  onShare: (share: PayShare | undefined) => void
}

/**
 * 应缴金额 and the one main action, 立即缴费, which pays exactly that amount (the BFF accepts
 * nothing else); 请家人代缴 below it is secondary.
 */
export function OwedCard({ accountNo, due, refusal, onShare }: OwedCardProps) {
  const payToOrder = usePayToOrder(accountNo, 'bill')
  const { busy, error } = payToOrder
  const owed = due.amountDueFen

  if (owed <= 0) {
    return (
      <View className="card bills-owed bills-owed--clear" {...a11y(undefined, 'status')}>
        <Text className="bills-owed__caption">应缴金额</Text>
        <Text className="bills-owed__amount">{formatFen(0)}</Text>
        <Text className="card__text">✓ 目前没有待缴费用，新账单出账后会显示在这里。</Text>
      </View>
    )
  }

  const pay = () => payToOrder.pay(owed)

  return (
    <View className="card bills-owed">
      <Text className="bills-owed__caption">应缴金额</Text>
      <Text className="bills-owed__amount" {...a11y(`应缴金额${formatFen(owed)}`)}>
        {formatFen(owed)}
      </Text>
      {due.lateFeeFen > 0 ? (
        <Text className="bills-owed__late">含滞纳金 {formatFen(due.lateFeeFen)}</Text>
      ) : null}
      {refusal !== null ? (
        <View className="bills-owed__warning" {...a11y(undefined, 'alert')}>
          <Text className="bills-owed__warning-text">⚠ {refusal}</Text>
        </View>
      ) : (
        <>
          {error ? (
            <Text className="bills-owed__error" {...a11y(undefined, 'alert')}>
              ⚠ {error}
            </Text>
          ) : null}
          <View className="bills-owed__action">
            <ActionButton
              main
              onClick={() => void pay()}
              label={busy ? '正在打开支付' : `立即缴费${formatFen(owed)}`}
            >
              {busy ? '正在打开支付…' : '立即缴费'}
            </ActionButton>
          </View>
        </>
      )}
      <Text className="bills-owed__count">
        {due.unpaidBillCount} 张账单未缴
        {due.overdueBillCount > 0 ? `，其中 ${due.overdueBillCount} 张已逾期` : ''}
      </Text>
      {due.overdueBillCount > 0 ? (
        <View className="bills-owed__warning" {...a11y(undefined, 'note')}>
          <Text className="bills-owed__warning-text">
            ⚠ 逾期账单每天加收滞纳金，缴清后不再增加。
          </Text>
        </View>
      ) : null}
      {refusal === null ? (
        <>
          <Text className="bills-owed__note">
            一次缴清全部待缴费用，支付后可在“缴费记录”查看进度，不会重复扣款。
          </Text>
          <View className="bills-owed__family">
            <FamilyPay
              accountNo={accountNo}
              amountFen={owed}
              amountError={undefined}
              onShare={onShare}
              purpose="bill"
            />
          </View>
        </>
      ) : null}
    </View>
  )
}
