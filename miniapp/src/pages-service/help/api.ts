import { routes, type HelpAlert, type HelpAlerts, type HelpSettings } from '@gh/shared'
import { request } from '../../api'
import { queryClient } from '../../hooks/query-cache'

/** One function per 一键求助 endpoint; the pages never call `request` themselves. */

export const helpKey = (accountNo: string) => ['user', 'help-alerts', accountNo] as const

export const loadHelp = (accountNo: string): Promise<HelpAlerts> =>
  request(routes.listHelpAlerts, { params: { accountNo } })

const refresh = (accountNo: string) =>
  void queryClient.invalidateQueries({ queryKey: helpKey(accountNo) })

export async function saveHelpSettings(
  accountNo: string,
  settings: { enabled: boolean; shareLocation: boolean },
): Promise<HelpSettings> {
  const saved = await request(routes.updateHelpSettings, { params: { accountNo }, body: settings })
  refresh(accountNo)
  return saved
}

export async function acknowledge(accountNo: string, alertId: string): Promise<HelpAlert> {
  const alert = await request(routes.acknowledgeHelpAlert, { params: { accountNo, alertId } })
  refresh(accountNo)
  return alert
}

export const alertSent = refresh
