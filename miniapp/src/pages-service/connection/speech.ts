import type { ConnectionApplication } from '@gh/shared'

/** What 朗读 says on the 报装 page: each application's step and what comes next. */
export function connectionSpeech(
  applications: readonly ConnectionApplication[] | undefined,
): string {
  if (!applications) return '燃气报装。正在加载。'
  if (applications.length === 0) {
    return '燃气报装。填写姓名、电话和地址，拍下房产证或购房合同、身份证，提交后工作人员会联系您上门勘察。'
  }
  const lines = applications.map((a) => `申请单${a.applicationId}，${a.statusLabel}。${a.next}。`)
  return `燃气报装。${lines.join('')}`
}
