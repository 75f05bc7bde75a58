import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { BoundAccount } from '@gh/shared'
import { a11y } from '../../a11y'
import { accountTitle, spacedAccountNo } from '../labels'
import './index.scss'

export interface AccountSwitcherProps {
  accounts: readonly BoundAccount[]
  current: BoundAccount
  onSelect: (accountNo: string) => void
  /** Opens 户号管理; the switcher shows the link when given. */
  onManage?: () => void
}

/**
 * The current account at the top of every account-scoped page, and the way to switch. The
 * other accounts open as a list of large rows in the page (not an action sheet, whose small
 * native text ignores elderly mode).
 */
export function AccountSwitcher({ accounts, current, onSelect, onManage }: AccountSwitcherProps) {
  const [open, setOpen] = useState(false)
  const others = accounts.filter((a) => a.accountNo !== current.accountNo)
  return (
    <View className="card account-switcher">
      <Text className="account-switcher__caption">当前户号</Text>
      <Text className="account-switcher__title">{accountTitle(current)}</Text>
      <Text className="account-switcher__number">{spacedAccountNo(current.accountNo)}</Text>
      {current.summary ? (
        <Text className="account-switcher__address">{current.summary.addressMasked}</Text>
      ) : null}
      <View className="account-switcher__actions">
        {others.length > 0 ? (
          <View
            className="account-switcher__toggle main-control"
            onClick={() => setOpen(!open)}
            {...a11y(open ? '收起户号列表' : `切换户号，共${accounts.length}个`, 'button')}
            {...{ 'aria-expanded': open ? 'true' : 'false' }}
          >
            <Text>{open ? '收起' : '切换户号'}</Text>
          </View>
        ) : null}
        {onManage ? (
          <View
            className="account-switcher__manage main-control"
            onClick={onManage}
            {...a11y('管理户号', 'button')}
          >
            <Text>管理户号</Text>
          </View>
        ) : null}
      </View>
      {open ? (
        <View className="account-switcher__list" {...a11y(undefined, 'list')}>
          {others.map((account) => (
            <View
              key={account.accountNo}
              className="account-switcher__option main-control"
              onClick={() => {
                onSelect(account.accountNo)
                setOpen(false)
              }}
              // Named by the title and number it shows, as a voice-control user would say them.
              {...a11y(undefined, 'button')}
            >
              <Text className="account-switcher__option-title">{accountTitle(account)}</Text>
              <Text className="account-switcher__option-number">
                {spacedAccountNo(account.accountNo)}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
