import { Text, View } from '@tarojs/components'
import { useRef } from 'react'
import type { BoundAccount, Repair } from '@gh/shared'
import { useAccountFromLink } from '../../account/account-from-link'
import { AccountSwitcher } from '../../account/account-switcher'
import { useCurrentAccount } from '../../account/current-account'
import { ActionButton } from '../../components/action-button'
import { PageHeading } from '../../components/page-heading'
import { PageRoot } from '../../components/page-root'
import { PageShell } from '../../components/page-shell'
import { ReadAloudBar } from '../../components/read-aloud'
import { openPage, pages } from '../../navigation/pages'
import { detailUrl } from '../../repairs/links'
import { RepairRow } from '../../repairs/view/repair-row'
import { RepairsShell } from '../../repairs/view/repairs-shell'
import { listSpeech } from './speech'
import '../../repairs/view/index.scss'
import './index.scss'

function RepairList(props: { accountNo: string; onShown: (repairs: readonly Repair[]) => void }) {
  const { accountNo, onShown } = props
  return (
    <RepairsShell accountNo={accountNo} onShown={onShown}>
      {(repairs) => (
        <View>
          {repairs.map((repair) => (
            <RepairRow
              key={repair.repairNo}
              repair={repair}
              onOpen={() => openPage(detailUrl(repair))}
            />
          ))}
        </View>
      )}
    </RepairsShell>
  )
}

/** 我的报修: every report of the current account, newest first, with its state. */
export default function RepairListPage() {
  useAccountFromLink()
  const { state, current, select, reload } = useCurrentAccount()
  const shown = useRef<{ accountNo: string; repairs: readonly Repair[] }>()
  const speech = () =>
    listSpeech(shown.current?.accountNo === current?.accountNo ? shown.current?.repairs : undefined)
  return (
    <PageRoot>
      <PageHeading title="我的报修" subtitle="点一条记录，查看处理进度" />
      <ReadAloudBar what="报修记录和进度" text={speech} />
      <PageShell
        state={state}
        onRetry={reload}
        requireLogin
        loginHint="登录后可以查看报修记录"
        what="户号"
      >
        {(accounts: BoundAccount[]) =>
          current ? (
            <>
              <AccountSwitcher accounts={accounts} current={current} onSelect={select} />
              <RepairList
                key={current.accountNo}
                accountNo={current.accountNo}
                onShown={(repairs) => {
                  shown.current = { accountNo: current.accountNo, repairs }
                }}
              />
              <View className="repair-list__action">
                <ActionButton main onClick={() => openPage(pages.repairs)}>
                  我要报修
                </ActionButton>
              </View>
            </>
          ) : (
            <View className="card">
              <Text className="card__title">还没有绑定户号</Text>
              <Text className="card__text">绑定户号后可以报修和查看报修记录。</Text>
            </View>
          )
        }
      </PageShell>
    </PageRoot>
  )
}
