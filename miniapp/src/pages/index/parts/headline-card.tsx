import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { fenToYuanString, formatFen } from '@gh/shared'
import type { HomeBalance } from '@gh/shared'
import { a11y } from '../../../a11y'
import { ActionButton } from '../../../components/action-button'
import { openPage, pages } from '../../../navigation/pages'
import { usePayToOrder } from '../../../payments'
import { latenessText, meterNote, type Headline } from '../home-view'

export interface HeadlineCardProps {
  accountNo: string
  headline: Headline
  /** Refetches the home page (an unavailable headline offers 重试). */
  onRetry: () => void
  /** 长辈模式: one huge number and one huge button. */
  elder: boolean
  /** Shown above the number in 长辈模式, so the one card says whose number it is. */
  account?: { title: string; number: string }
  /** Beside the account line: 长辈模式's 朗读, on the card it reads first. */
  aside?: ReactNode
}

/** '86.50' big and '元' beside it: the amount in 元, as the resident says it. */
function Yuan({ fen, tone }: { fen: number; tone: 'danger' | 'primary' }) {
  return (
    <Text className={`headline__number headline__number--${tone}`}>
      {fenToYuanString(fen)}
      <Text className="headline__unit"> 元</Text>
    </Text>
  )
}

const DAYS_BASIS = '按近期每天的用气量估算'
const NO_DAYS = '近期没有用气记录，暂时算不出可用天数'

function BalanceHeadline({ balance, elder }: { balance: HomeBalance; elder: boolean }) {
  const days = balance.daysOfGas
  const note = meterNote(balance)
  // 长辈模式 leads with the days (what the number means for the household), then the 元.
  const daysFirst = elder && days !== null && balance.balanceFen > 0
  return (
    <>
      {daysFirst ? (
        <>
          <Text className="headline__caption">余额约可用</Text>
          <Text className="headline__number headline__number--primary">
            {days}
            <Text className="headline__unit"> 天</Text>
          </Text>
          <Text className="headline__line">余额 {formatFen(balance.balanceFen)}</Text>
        </>
      ) : (
        <>
          <Text className="headline__caption">
            {balance.balanceFen < 0 ? '余额不足' : '账户余额'}
          </Text>
          <Yuan fen={balance.balanceFen} tone={balance.balanceFen < 0 ? 'danger' : 'primary'} />
          <Text className="headline__line">{days === null ? NO_DAYS : `约可用 ${days} 天`}</Text>
        </>
      )}
      {days === null ? null : <Text className="headline__basis">{DAYS_BASIS}</Text>}
      {note ? <Text className="headline__basis">{note}</Text> : null}
    </>
  )
}

/**
 * The top of 首页: the one number that matters for the account (what it owes, else its balance
 * and how many days it lasts) with the one action (立即缴费 or 充值). 立即缴费 pays exactly what
 * the BFF says is owed, through the same pay flow as 账单.
 */
export function HeadlineCard({
  accountNo,
  headline,
  onRetry,
  elder,
  account,
  aside,
}: HeadlineCardProps) {
  const payToOrder = usePayToOrder(accountNo, 'bill')
  // The BFF names the amount 立即缴费 pays; the button says that same amount.
  const payFen =
    headline.kind === 'owed' ? (headline.due.payAction?.amountFen ?? headline.due.amountDueFen) : 0
  const classes = `card headline${elder ? ' headline--elder' : ''} headline--${headline.kind}`
  return (
    <View
      className={classes}
      {...a11y(undefined, headline.kind === 'unavailable' ? 'status' : undefined)}
    >
      {account || aside ? (
        <View className="headline__top">
          {account ? (
            <View className="headline__account">
              <Text className="headline__account-title">{account.title}</Text>
              <Text className="headline__account-number">{account.number}</Text>
            </View>
          ) : (
            <View />
          )}
          {aside}
        </View>
      ) : null}
      {headline.kind === 'owed' ? <OwedHeadline headline={headline} /> : null}
      {headline.kind === 'balance' ? (
        <BalanceHeadline balance={headline.balance} elder={elder} />
      ) : null}
      {headline.kind === 'clear' ? (
        <>
          <Text className="headline__caption">应缴金额</Text>
          <Text className="headline__clear">✓ 目前没有欠费</Text>
        </>
      ) : null}
      {headline.kind === 'unavailable' ? (
        <>
          <Text className="headline__caption">
            {headline.section === 'balance' ? '余额' : '欠费'}暂时无法显示
          </Text>
          <Text className="headline__line">{headline.message}</Text>
        </>
      ) : null}
      {payToOrder.error ? (
        <Text className="headline__error" {...a11y(undefined, 'alert')}>
          ⚠ {payToOrder.error}
        </Text>
      ) : null}
      <View className="headline__action">
        {headline.kind === 'owed' ? (
          <ActionButton
            main
            onClick={() => void payToOrder.pay(payFen)}
            label={payToOrder.busy ? '正在打开支付' : `立即缴费${formatFen(payFen)}`}
          >
            {payToOrder.busy ? '正在打开支付…' : '立即缴费'}
          </ActionButton>
        ) : null}
        {headline.kind === 'balance' ? (
          <ActionButton main onClick={() => openPage(`${pages.recharge}?accountNo=${accountNo}`)}>
            充值
          </ActionButton>
        ) : null}
        {headline.kind === 'clear' ? (
          <ActionButton main variant="secondary" onClick={() => openPage(pages.bills)}>
            查账单
          </ActionButton>
        ) : null}
        {headline.kind === 'unavailable' ? (
          <ActionButton main onClick={onRetry} label="重试，重新加载">
            重试
          </ActionButton>
        ) : null}
      </View>
    </View>
  )
}

function OwedHeadline({ headline }: { headline: Extract<Headline, { kind: 'owed' }> }) {
  const { due, lateness } = headline
  const late = latenessText(lateness)
  return (
    <>
      <Text className="headline__caption">{lateness.overdue ? '欠费' : '应缴金额'}</Text>
      <Yuan fen={due.amountDueFen} tone="danger" />
      {late ? (
        <Text className={`headline__line${lateness.overdue ? ' headline__line--danger' : ''}`}>
          {lateness.overdue ? '⚠ ' : ''}
          {late}
        </Text>
      ) : null}
      {due.lateFeeFen > 0 ? (
        <Text className="headline__basis">
          含滞纳金 {formatFen(due.lateFeeFen)}，缴清后不再增加
        </Text>
      ) : null}
    </>
  )
}
