import { Writable } from 'node:stream'
import { createLogger } from '../src/platform/logger'
import { AppError } from '../src/platform/app-error'
import { UpstreamError } from '../src/platform/upstream-client'

const PHONE = '13812345678'

/** A logger writing into memory; `lines()` parses what it wrote. */
function memoryLogger() {
  const chunks: string[] = []
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk.toString('utf8'))
      cb()
    },
  })
  const log = createLogger('info', sink)
  const text = () => chunks.join('')
  const lines = () =>
    text()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
  return { log, text, lines }
}

describe('error logs', () => {
  test('when an error is logged, then its type, message and stack survive with the phone number masked', () => {
    const { log, lines, text } = memoryLogger()
    log.error({ err: new TypeError(`no account for ${PHONE}`) }, 'request failed')
    const [line] = lines()
    const err = line?.err as Record<string, string>
    expect(err.type).toBe('TypeError')
    expect(err.message).toBe('no account for [phone]')
    expect(err.stack).toContain('logger.test')
    expect(text()).not.toContain(PHONE)
  })

  test('when an AppError is logged with its code, then the error code stays readable', () => {
    const { log, lines } = memoryLogger()
    const failure = new AppError('UPSTREAM_ERROR', { message: 'billing answered nonsense' })
    log.error({ err: failure, code: failure.code }, 'request failed')
    const [line] = lines()
    expect(line?.code).toBe('UPSTREAM_ERROR')
    expect(line?.err).toMatchObject({
      type: 'AppError',
      code: 'UPSTREAM_ERROR',
      status: 502,
      message: 'billing answered nonsense',
    })
  })

  test('when an error has a cause, then the cause is in the message and the stack', () => {
    const { log, lines } = memoryLogger()
    const cause = new Error('connect ECONNREFUSED 127.0.0.1:4100')
    log.error({
      err: new UpstreamError('billing', 'unavailable', 'call failed', undefined, undefined, {
        cause,
      }),
    })
    const err = lines()[0]?.err as Record<string, string>
    expect(err.message).toContain('ECONNREFUSED')
    expect(err.stack).toContain('caused by')
    expect(err.port).toBe('billing')
  })

  test('when an error is the only argument, then the line message is its message, masked', () => {
    const { log, lines, text } = memoryLogger()
    log.error(new Error(`sms to ${PHONE} failed`))
    expect(lines()[0]?.msg).toBe('sms to [phone] failed')
    expect(text()).not.toContain(PHONE)
  })
})

describe('secret codes', () => {
  test('when an SMS code is logged under its own name or inside a login body or SMS parameters, then it is redacted', () => {
    const { log, text } = memoryLogger()
    log.info({ smsCode: '481516' }, 'sent')
    log.info({ body: { phone: PHONE, code: '234234' } }, 'verify')
    log.info({ sms: { template: 'login_code', params: { code: '909090' } } }, 'gateway')
    for (const code of ['481516', '234234', '909090', PHONE]) expect(text()).not.toContain(code)
  })
})
