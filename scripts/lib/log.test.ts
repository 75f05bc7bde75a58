import { prettyLogLine } from './log'

describe('prettyLogLine', () => {
  it('when a pino line arrives, then it reads as level, message and scalar fields', () => {
    const line = JSON.stringify({
      level: 30,
      time: 1,
      pid: 9,
      hostname: 'h',
      msg: 'request',
      method: 'GET',
      status: 200,
      req: { headers: {} },
    })
    expect(prettyLogLine(line)).toBe('INFO request method=GET status=200')
  })

  it('when an error object is logged, then its message is shown', () => {
    const line = JSON.stringify({ level: 50, msg: 'failed', err: { message: 'boom', stack: 's' } })
    expect(prettyLogLine(line)).toContain('ERROR failed err=boom')
  })

  it('when the line is not JSON, then it passes through unchanged', () => {
    expect(prettyLogLine('{ not json')).toBe('{ not json')
    expect(prettyLogLine('plain text')).toBe('plain text')
  })
})
