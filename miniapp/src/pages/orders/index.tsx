import { Text, View } from '@tarojs/components'
import type { BoundAccount } from '@gh/shared'
import { AccountSwitcher } from '../../account/account-switcher'
import { useCurrentAccount } from '../../account/current-account'
import { ActionButton } from '../../components/action-button'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { PageShell } from '../../components/page-shell'
import { ReadAloudBar } from '../../components/read-aloud'
import { useQuery } from '../../hooks/use-query'
import { openPage, pages } from '../../navigation/pages'
import { orderPageUrl } from '../../payments'
import { listOrders } from './api'
import { OrderRow } from './parts/order-row'
import { ordersSpeech } from './speech'
import './index.scss'

function OrderList({ accountNo }: { accountNo: string }) {
  // Asked again when the page shows: back from an order or from paying, states may have moved on.
  const { state, retry } = useQuery(['user', 'orders', accountNo], () => listOrders(accountNo))
  return (
    <PageShell
      state={state}
      onRetry={retry}
      what="缴费记录"
      isEmpty={(orders) => orders.length === 0}
      emptyTitle="还没有缴费记录"
      emptyHint="充值或缴费后，可以在这里查看每一笔的到账进度。"
    >
      {(orders) => (
        <View>
          <ReadAloudBar what="最近一笔缴费" text={() => ordersSpeech(accountNo, orders)} />
          {orders.map((order) => (
            <OrderRow
              key={order.orderNo}
              order={order}
              onOpen={() => openPage(orderPageUrl(order))}
            />
          ))}
        </View>
      )}
    </PageShell>
  )
}

/** 缴费记录: the current account's top-ups and bill payments, newest first. */
export default function OrdersPage() {
  const { state, current, select, reload } = useCurrentAccount()
  return (
    <PageRoot>
      <PageHeading title="缴费记录" subtitle="点一笔记录，查看钱到了哪一步" />
      <PageShell
        state={state}
        onRetry={reload}
        requireLogin
        loginHint="登录后可以查看缴费记录"
        what="户号"
      >
        {(accounts: BoundAccount[]) =>
          current ? (
            <>
              <AccountSwitcher accounts={accounts} current={current} onSelect={select} />
              <OrderList key={current.accountNo} accountNo={current.accountNo} />
              <View className="orders-page__action">
                <ActionButton main onClick={() => openPage(pages.recharge)}>
                  交燃气费
                </ActionButton>
              </View>
            </>
          ) : (
            <View className="card">
              <Text className="card__title">还没有绑定户号</Text>
              <Text className="card__text">绑定户号后可以查看缴费记录。</Text>
            </View>
          )
        }
      </PageShell>
    </PageRoot>
  )
}
