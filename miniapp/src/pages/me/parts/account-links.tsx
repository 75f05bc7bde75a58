import { View } from '@tarojs/components'
import { currentAccountStore } from '../../../account/current-account-store'
import { openPage, pages } from '../../../navigation/pages'
import { SettingRow } from './setting-row'

/** Where a logged-in resident's own things live: accounts, family, payments, their data. */
export function AccountLinks() {
  const familyUrl = () => {
    const accountNo = currentAccountStore.get()
    return accountNo ? `${pages.family}?accountNo=${accountNo}` : pages.family
  }
  const links = [
    { title: '我的户号', hint: '绑定、切换', url: () => pages.accounts },
    { title: '缴费记录', hint: '到账进度', url: () => pages.orders },
    { title: '家人', hint: '亲情账户', url: familyUrl },
    { title: '我的数据', hint: '查看、注销', url: () => pages.myData },
  ]
  return (
    <View className="card me__list">
      {links.map((link) => (
        <SettingRow
          key={link.title}
          title={link.title}
          actionHint={link.hint}
          onClick={() => openPage(link.url())}
        />
      ))}
    </View>
  )
}
