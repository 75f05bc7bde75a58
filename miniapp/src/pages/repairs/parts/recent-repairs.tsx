import { View } from '@tarojs/components'
import type { Repair } from '@gh/shared'
import { ActionButton } from '../../../components/action-button'
import { openPage } from '../../../navigation/pages'
import { detailUrl, listUrl } from '../../../repairs/links'
import { RepairRow } from '../../../repairs/view/repair-row'
import { RepairsShell } from '../../../repairs/view/repairs-shell'

const SHOWN = 3

/** The account's newest reports and the way to all. */
export function RecentRepairs(props: {
  accountNo: string
  onShown: (repairs: readonly Repair[]) => void
}) {
  const { accountNo, onShown } = props
  return (
    <RepairsShell accountNo={accountNo} onShown={onShown}>
      {(repairs) => (
        <>
          {repairs.slice(0, SHOWN).map((repair) => (
            <RepairRow
              key={repair.repairNo}
              repair={repair}
              onOpen={() => openPage(detailUrl(repair))}
            />
          ))}
          <View className="repairs-page__more">
            <ActionButton variant="secondary" onClick={() => openPage(listUrl(accountNo))}>
              全部报修记录（{repairs.length}）
            </ActionButton>
          </View>
        </>
      )}
    </RepairsShell>
  )
}
