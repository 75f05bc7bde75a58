import pino from 'pino'
import { Writable } from 'node:stream'
import { SendSmsResponse } from '../../contracts/sms'
import { closeAll, startSandbox } from './helpers'

afterEach(closeAll)

const PHONE = '13903110042'
const send = (code: string, phone = PHONE) => ({ phone, template: 'login_code', params: { code } })

describe('SMS port: POST /sms/v1/send', () => {
  it('when a login code is sent, then it is accepted and listed for the phone, newest first', async () => {
    const { http } = await startSandbox()
    const res = await http.post('/sms/v1/send').send(send('482913')).expect(200)
    expect(SendSmsResponse.parse(res.body)).toEqual(res.body)
    expect(res.body.acceptedAt).toMatch(/\+08:00$/)
    await http.post('/sandbox/clock').send({ advanceMs: 60_000 }).expect(200)
    await http.post('/sms/v1/send').send(send('100200')).expect(200)
    await http.post('/sms/v1/send').send(send('555555', '13700000000')).expect(200)

    const list = await http.get(`/sandbox/sms?phone=${PHONE}`).expect(200)
    expect(list.body.items.map((m: { code: string }) => m.code)).toEqual(['100200', '482913'])
    expect(list.body.items[1]).toMatchObject({
      messageId: res.body.messageId,
      template: 'login_code',
    })
    expect(list.body.items[1].text).toContain('482913')
  })

  it.each(['1390311004', '139031100421', '23903110042', '+8613903110042', '1390311004a'])(
    'when the phone is %s, then 400 INVALID_ARGUMENT',
    async (phone) => {
      const { http } = await startSandbox()
      const res = await http.post('/sms/v1/send').send(send('123456', phone)).expect(400)
      expect(res.body.code).toBe('INVALID_ARGUMENT')
    },
  )

  it('when the template or code is unknown or malformed, then 400 INVALID_ARGUMENT', async () => {
    const { http } = await startSandbox()
    await http
      .post('/sms/v1/send')
      .send({ ...send('123456'), template: 'free_text' })
      .expect(400)
    await http.post('/sms/v1/send').send(send('12')).expect(400)
  })

  it('when a second message follows within a minute, then 429 SMS_RATE_LIMITED with Retry-After', async () => {
    const { http } = await startSandbox()
    await http.post('/sms/v1/send').send(send('111111')).expect(200)
    await http.post('/sandbox/clock').send({ advanceMs: 20_000 }).expect(200)
    const res = await http.post('/sms/v1/send').send(send('222222')).expect(429)
    expect(res.body.code).toBe('SMS_RATE_LIMITED')
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(39)
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(41)
  })

  it('when a send is retried with the same Idempotency-Key, then one message exists and the answer repeats', async () => {
    const { http } = await startSandbox()
    const first = await http
      .post('/sms/v1/send')
      .set('idempotency-key', 'k-1')
      .send(send('777777'))
      .expect(200)
    const retry = await http
      .post('/sms/v1/send')
      .set('idempotency-key', 'k-1')
      .send(send('777777'))
      .expect(200)
    expect(retry.body).toEqual(first.body)
    const list = await http.get(`/sandbox/sms?phone=${PHONE}`).expect(200)
    expect(list.body.items).toHaveLength(1)
    await http.post('/sms/v1/send').set('idempotency-key', 'k-1').send(send('888888')).expect(409)
  })

  it('when messages are sent and listed, then the phone number never reaches the log', async () => {
    const lines: string[] = []
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString())
        done()
      },
    })
    const { http } = await startSandbox({ logger: pino({ level: 'trace' }, sink) })
    await http.post('/sms/v1/send').send(send('424242')).expect(200)
    await http.post('/sms/v1/send').send(send('424242', '1390311')).expect(400)
    await http.get(`/sandbox/sms?phone=${PHONE}`).expect(200)
    expect(lines.length).toBeGreaterThanOrEqual(3)
    expect(lines.join('\n')).not.toContain('1390311')
    expect(lines.join('\n')).not.toContain('424242')
  })

  it('when NODE_ENV is production, then the inbox is hidden but sending works', async () => {
    const { http } = await startSandbox({ config: { nodeEnv: 'production' } })
    await http.post('/sms/v1/send').send(send('123456')).expect(200)
    await http.get(`/sandbox/sms?phone=${PHONE}`).expect(404)
  })
})
