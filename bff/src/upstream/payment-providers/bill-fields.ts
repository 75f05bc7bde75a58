import { yuanStringToFen } from '@gh/shared'
import { UpstreamError } from '../../platform/upstream-client'

/**
 * The two fields every provider's trade bill shares: yuan amounts (refunds sometimes signed;
 * ours are positive fen) and `yyyy-MM-dd HH:mm:ss` Beijing times. Anything else is off contract.
 */
export function billFields(port: 'wechatpay' | 'alipay') {
  const offContract = (why: string) => new UpstreamError(port, 'bad_response', `trade bill: ${why}`)
  return {
    offContract,
    fenOf(text: string): number {
      try {
        return yuanStringToFen(text.replace(/^-/, ''))
      } catch {
        throw offContract(`amount "${text}"`)
      }
    },
    instantOf(text: string): Date {
      const at = new Date(`${text.replace(' ', 'T')}+08:00`)
      if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text) || Number.isNaN(at.getTime())) {
        throw offContract(`time "${text}"`)
      }
      return at
    },
  }
}
