import { routes } from '@gh/shared'
import { request } from '../../api'

/** 24 months: the last twelve, each beside the same month a year earlier, and a year before. */
export const loadUsage = (accountNo: string) =>
  request(routes.getUsage, { params: { accountNo }, query: { months: 24 } })
