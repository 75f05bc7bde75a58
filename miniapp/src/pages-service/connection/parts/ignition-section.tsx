import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '../../../components/action-button'
import { ChoiceChips } from '../../../components/choice-chips'
import { PageShell } from '../../../components/page-shell'
import { useAction } from '../../../hooks/use-action'
import { useQuery } from '../../../hooks/use-query'
import { openPage, pages } from '../../../navigation/pages'
import { bookIgnition, ignitionKey, loadIgnition } from '../api'

/**
 * 通气点火 of a new account: book (or move) the visit; once it is done, its safety check and,
 * with the gas on, 立即充值 at once, so the household never waits between ignition and gas.
 */
export function IgnitionSection({ accountNo }: { accountNo: string }) {
  const { state, retry } = useQuery(ignitionKey(accountNo), () => loadIgnition(accountNo))
  const [chosen, setChosen] = useState<string | undefined>(undefined)
  const book = useAction(bookIgnition)
  return (
    <PageShell state={state} onRetry={retry} what="通气点火">
      {(ignition) => (
        <View className="ignition">
          <Text className="connection__heading">通气点火</Text>
          <Text className="connection__status">{ignition.statusLabel}</Text>
          {ignition.booking && ignition.status === 'booked' ? (
            <Text className="connection__line">
              已约：{ignition.booking.label}
              {ignition.booking.technician ? `，${ignition.booking.technician}上门` : ''}
            </Text>
          ) : null}
          {ignition.status === 'open' || ignition.status === 'booked' ? (
            <>
              <ChoiceChips
                label={ignition.status === 'booked' ? '改约时间' : '选择上门时间'}
                choices={ignition.slots.filter((s) => s.available).map((s) => s.label)}
                value={chosen}
                onChange={setChosen}
              />
              <ActionButton
                main
                onClick={() => {
                  const slot = ignition.slots.find((s) => s.label === chosen)
                  if (slot) void book.run(accountNo, slot.slotId)
                }}
              >
                {book.busy ? '正在预约…' : chosen ? `预约 ${chosen}` : '请先选择时间'}
              </ActionButton>
            </>
          ) : null}
          {ignition.result ? (
            <View className="ignition__result">
              <Text className="connection__line">上门安检（{ignition.result.note}）：</Text>
              {ignition.result.items.map((item) => (
                <Text key={item.label} className="connection__line">
                  {item.passed ? '✓ 合格' : '✗ 不合格'} {item.label}
                </Text>
              ))}
            </View>
          ) : null}
          {ignition.offerTopUp ? (
            <ActionButton main onClick={() => openPage(`${pages.recharge}?accountNo=${accountNo}`)}>
              立即充值
            </ActionButton>
          ) : null}
        </View>
      )}
    </PageShell>
  )
}
