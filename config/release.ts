/**
 * What stops a build from going to the platforms' review: a release build talks to the
 * utility's BFF over HTTPS (both platforms refuse plain HTTP request domains) and carries the
 * utility's own WeChat AppID, not the developer tools' tourist one.
 */
export interface ReleaseInputs {
  platform: string | undefined
  apiBase: string
  weappAppId: string | undefined
}

export function releaseProblems(inputs: ReleaseInputs): string[] {
  const problems: string[] = []
  let url: URL | null = null
  try {
    url = new URL(inputs.apiBase)
  } catch {
    problems.push(`TARO_APP_API_BASE is not a URL: ${inputs.apiBase}`)
  }
  if (url && url.protocol !== 'https:') {
    problems.push(`TARO_APP_API_BASE must be https for a release build (got ${url.origin})`)
  }
  if (url && ['127.0.0.1', 'localhost', '0.0.0.0', '[::1]'].includes(url.hostname)) {
    problems.push(`TARO_APP_API_BASE points at this machine (${url.hostname})`)
  }
  if (inputs.platform === 'weapp') {
    const appId = inputs.weappAppId ?? ''
    if (!/^wx[0-9a-f]{16}$/.test(appId)) {
      problems.push(
        `project.config.json appid must be the utility's WeChat AppID for a release build (got "${appId || 'none'}")`,
      )
    }
  }
  return problems
}
