import { randomBytes } from 'node:crypto'
import type { Context } from 'koa'
import { AlipayError, invalid, missing } from './errors'
import { gatewayMethods, type GatewayCall } from './methods'
import { requestSignContent, rsa2Verify, signedResponseText } from './signing'
import type { AlipayState } from './state'
import { parseAlipayTime } from './time'

const MAX_BODY_BYTES = 1_000_000

/** Query and form body together, exactly as sent: no nesting of `a[b]` keys, last one wins. */
async function readParams(ctx: Context): Promise<Record<string, string>> {
  const params: Record<string, string> = {}
  for (const [key, value] of new URLSearchParams(ctx.querystring)) params[key] = value
  if (ctx.method !== 'POST' || !ctx.is('application/x-www-form-urlencoded')) return params
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) ctx.throw(413)
    chunks.push(chunk)
  }
  const body = Buffer.concat(chunks).toString('utf8')
  for (const [key, value] of new URLSearchParams(body)) params[key] = value
  return params
}

/** The checks Alipay's gateway makes before a method runs, in its order. */
function checkRequest(params: Record<string, string>, state: AlipayState): void {
  const appId = params.app_id
  if (!appId) throw missing('app-id', '缺少AppID参数')
  if (appId !== state.appId) throw invalid('app-id', '无效的AppID参数')
  if (!params.sign) throw missing('signature', '缺少签名参数')
  if (!params.sign_type) throw missing('signature-type', '缺少签名类型参数')
  if (params.sign_type !== 'RSA2') throw invalid('signature-type', '无效签名类型')
  if (!params.timestamp) throw missing('timestamp', '缺少时间戳参数')
  if (parseAlipayTime(params.timestamp) === undefined) {
    throw invalid('timestamp', '非法的时间戳参数')
  }
  if (!params.version) throw missing('version', '缺少版本参数')
  if (params.version !== '1.0') throw invalid('version', '版本号错误')
  if (params.charset && params.charset.toLowerCase() !== 'utf-8') {
    throw invalid('charset', '字符集错误')
  }
  if (params.format && params.format.toUpperCase() !== 'JSON') {
    throw invalid('format', '无效的数据格式')
  }
  checkCertificates(params, state)
  const content = requestSignContent(params)
  if (!rsa2Verify(content, params.sign, state.keys.appPublicKey)) {
    throw invalid(
      'signature',
      `验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：${content}`,
    )
  }
}

/**
 * 公钥证书 mode: a request that names the app certificate must name the ones this app holds, and
 * the root it trusts; one without either is in public-key mode. Both modes sign with the same
 * keys here, so the signature check that follows is the same.
 */
function checkCertificates(params: Record<string, string>, state: AlipayState): void {
  const appSn = params.app_cert_sn
  const rootSn = params.alipay_root_cert_sn
  if (appSn === undefined && rootSn === undefined) return
  if (!appSn) throw missing('app-cert-sn', '缺少应用公钥证书序列号')
  if (!rootSn) throw missing('alipay-root-cert-sn', '缺少支付宝根证书序列号')
  if (appSn !== state.certs.appCertSn) {
    throw invalid('app-cert-sn', '应用公钥证书序列号与开放平台上传的证书不一致')
  }
  // Alipay's root file can hold several roots; the merchant sends all their SNs joined by `_`.
  if (!rootSn.split('_').includes(state.certs.rootCertSn)) {
    throw invalid('alipay-root-cert-sn', '支付宝根证书序列号无效')
  }
}

/**
 * `/gateway.do`: Alipay's OpenAPI 2.0 gateway. Every answer is HTTP 200 with a signed body;
 * failures are in the body's `code`/`sub_code`, as on the real gateway.
 */
export async function handleGateway(ctx: Context, state: AlipayState): Promise<void> {
  const params = await readParams(ctx)
  const method = params.method ?? ''
  const responseKey = `${method.replaceAll('.', '_')}_response`
  let key = responseKey
  let payload: Record<string, unknown>
  // A merchant in certificate mode learns from every answer which Alipay certificate signed it.
  const certMode = params.app_cert_sn !== undefined || params.alipay_root_cert_sn !== undefined
  try {
    if (!method) throw missing('method', '缺少方法名参数', true)
    const run = gatewayMethods[method]
    if (!run) throw invalid('method', '不存在的方法名', true)
    checkRequest(params, state)
    // Koa 3's ctx.origin is the Origin request header, not this server's address.
    const call: GatewayCall = { params, origin: `${ctx.protocol}://${ctx.host}` }
    payload = run(call, state)
  } catch (err) {
    if (!(err instanceof AlipayError)) throw err
    payload = err.payload()
    if (err.asErrorResponse) key = 'error_response'
  }
  ctx.status = 200
  // The real gateway labels its JSON as HTML; clients read the text to verify the signature.
  ctx.type = 'text/html;charset=utf-8'
  ctx.set('trace_id', randomBytes(12).toString('hex'))
  ctx.body = signedResponseText(
    key,
    payload,
    state.keys.alipayPrivateKey,
    certMode ? { alipay_cert_sn: state.certs.alipayCertSn } : {},
  )
}
