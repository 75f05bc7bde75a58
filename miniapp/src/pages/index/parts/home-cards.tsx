import { Text, View } from '@tarojs/components'
import { formatFen } from '@gh/shared'
import { a11y } from '../../../a11y'
import { ActionButton } from '../../../components/action-button'
import { openLink } from '../../../navigation/open-link'
import { pages } from '../../../navigation/pages'
import { orderPageUrl, shortTime, toneOf } from '../../../payments'
import { detailUrl } from '../../../repairs/links'
import { formatTimeRange, noticeKindText, noticeStatusText } from '../../safety/format'
import {
  beijingDay,
  heatingState,
  latenessText,
  meterNote,
  monthDay,
  type HomeCard,
} from '../home-view'
import { LinkCard, UnavailableCard } from './link-card'

export interface HomeCardsProps {
  accountNo: string
  cards: readonly HomeCard[]
  /** When the BFF answered (heating: not started yet / ended). */
  asOf: string
  onRetry: () => void
}

const day = (iso: string) => monthDay(beijingDay(iso))

/** Every card under the headline, each opening the page that holds its details. */
export function HomeCards({ accountNo, cards, asOf, onRetry }: HomeCardsProps) {
  const withAccount = (path: string, more = '') => `${path}?accountNo=${accountNo}${more}`
  return (
    <View className="home-cards">
      {cards.map((card) => {
        switch (card.kind) {
          case 'unavailable':
            return (
              <UnavailableCard
                key={card.section}
                title={card.title}
                message={card.message}
                onRetry={onRetry}
              />
            )
          case 'suspended':
            return (
              <View key="suspended" className="card home-warning" {...a11y(undefined, 'alert')}>
                <Text className="home-warning__title">⚠ 该户已停止供气</Text>
                <Text className="card__text">
                  停气期间不能在线充值。安检不合格停气的，整改后预约复检，合格即恢复供气。
                </Text>
                <View className="home-warning__action">
                  <ActionButton main onClick={() => openLink(withAccount(pages.safetyInspections))}>
                    查看安检结果，预约复检
                  </ActionButton>
                </View>
              </View>
            )
          case 'due': {
            const owed = card.due.amountDueFen > 0
            return (
              <LinkCard
                key="due"
                caption={owed && card.lateness.overdue ? '欠费' : '应缴金额'}
                title={owed ? formatFen(card.due.amountDueFen) : '✓ 目前没有欠费'}
                lines={[owed ? latenessText(card.lateness) : null]}
                action={owed ? '去缴费' : '查账单'}
                tone={owed ? 'danger' : 'done'}
                onOpen={() => openLink(withAccount(pages.bills))}
              />
            )
          }
          case 'balance': {
            const { balance } = card
            return (
              <LinkCard
                key="balance"
                caption="账户余额"
                title={formatFen(balance.balanceFen)}
                lines={[
                  balance.daysOfGas === null ? null : `约可用 ${balance.daysOfGas} 天`,
                  meterNote(balance),
                ]}
                action="去充值"
                onOpen={() => openLink(withAccount(pages.recharge))}
              />
            )
          }
          case 'supplyStop': {
            const { notice } = card
            return (
              <LinkCard
                key={notice.noticeId}
                caption={`${noticeKindText[notice.kind]}通知 · ${noticeStatusText[notice.status]}`}
                title={notice.title}
                lines={[
                  `时间：${formatTimeRange(notice.startsAt, notice.endsAt)}`,
                  `范围：${notice.scope}`,
                ]}
                action="查看"
                tone="warning"
                onOpen={() => openLink(`${pages.safety}?section=notices`)}
              />
            )
          }
          case 'topUp': {
            const { order } = card
            const tone = toneOf(order)
            return (
              <LinkCard
                key="topUp"
                caption="最近一次充值"
                title={`${formatFen(order.amountFen)} · ${order.stateLabel}`}
                lines={[`下单时间 ${shortTime(order.createdAt)}`, order.hint]}
                action="看进度"
                tone={tone === 'problem' ? 'danger' : tone === 'done' ? 'done' : undefined}
                onOpen={() => openLink(orderPageUrl(order))}
              />
            )
          }
          case 'repair': {
            const { repair } = card
            return (
              <LinkCard
                key="repair"
                caption="报修进度"
                title={`${repair.title} · ${repair.statusLabel}`}
                lines={[repair.etaAt ? `预计 ${shortTime(repair.etaAt)}` : null]}
                action="看进度"
                onOpen={() => openLink(detailUrl({ accountNo, repairNo: repair.repairId }))}
              />
            )
          }
          case 'bill': {
            const { bill } = card
            return (
              <LinkCard
                key="bill"
                caption="最新账单"
                title={`${bill.title} ${formatFen(bill.amountFen)}`}
                lines={[
                  bill.outstandingFen > 0
                    ? `${bill.statusLabel}${bill.overdue ? '，已逾期' : `，${day(bill.dueAt)} 前缴清`}`
                    : bill.statusLabel,
                ]}
                action="查看"
                tone={bill.overdue ? 'danger' : undefined}
                onOpen={() => openLink(withAccount(pages.bills, `&billId=${bill.billId}`))}
              />
            )
          }
          case 'heating': {
            const { heating } = card
            return (
              <LinkCard
                key="heating"
                caption="供暖"
                title={heatingState(heating, asOf)}
                lines={[
                  `供暖季 ${day(heating.seasonStartsOn)} 至 ${day(heating.seasonEndsOn)}`,
                  `本季供暖费 ${formatFen(heating.seasonFeeFen)}`,
                ]}
                action="查看"
                onOpen={() => openLink(withAccount(pages.heating))}
              />
            )
          }
        }
      })}
    </View>
  )
}
