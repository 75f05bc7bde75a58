import { View } from '@tarojs/components'
import { currentAccountStore } from '../../../account/current-account-store'
import { openPage, pages } from '../../../navigation/pages'
import { useUnreadCount } from '../../messages/inbox'
import { SettingRow } from './setting-row'

/**
 * Where a logged-in resident's own things live: messages, accounts, family, payments, their
 * data. 站内消息 shows how many are unread (asked again whenever 我的 shows).
 */
export function AccountLinks() {
  const unread = useUnreadCount()
  const forCurrent = (page: string) => () => {
    const accountNo = currentAccountStore.get()
    return accountNo ? `${page}?accountNo=${accountNo}` : page
  }
  const links: { title: string; hint: string; badge?: string; url: () => string }[] = [
    {
      title: '站内消息',
      hint: '查看',
      ...(unread ? { badge: `${unread} 条未读` } : {}),
      url: () => pages.messages,
    },
    { title: '消息设置', hint: '提醒方式', url: forCurrent(pages.messageSettings) },
    { title: '我的户号', hint: '绑定、切换', url: () => pages.accounts },
    { title: '缴费记录', hint: '到账进度', url: () => pages.orders },
    { title: '家人', hint: '亲情账户', url: forCurrent(pages.family) },
    { title: '一键求助', hint: '求助记录、设置', url: forCurrent(pages.help) },
    { title: '燃气报装', hint: '申请、通气点火', url: () => pages.connection },
    { title: '过户·销户·信息变更', hint: '办理', url: forCurrent(pages.accountChanges) },
    { title: '我的数据', hint: '查看、注销', url: () => pages.myData },
  ]
  return (
    <View className="card me__list">
      {links.map((link) => (
        <SettingRow
          key={link.title}
          title={link.title}
          actionHint={link.hint}
          {...(link.badge ? { badge: link.badge } : {})}
          onClick={() => openPage(link.url())}
        />
      ))}
    </View>
  )
}
