import Taro from '@tarojs/taro'
import { showMessage } from '../../elder/modal'

/**
 * Hands the downloaded CSV to the agent: the browser saves it under `name`; a phone cannot open
 * a CSV in the mini-programs, so there it says where to export instead.
 */
export async function saveCsv(localPath: string, name: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const link = document.createElement('a')
    link.href = localPath
    link.download = name
    document.body.appendChild(link)
    link.click()
    link.remove()
    await Taro.showToast({ title: '已开始下载', icon: 'none' }).catch(() => undefined)
    return
  }
  await showMessage('请在电脑上导出', '手机上无法打开表格文件，请在电脑浏览器打开工作台导出。')
}
