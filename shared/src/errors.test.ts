import { clientErrorMessages, errorCatalogue, isErrorCode, messageFor, statusFor } from './errors'

const chinese = /[\u4e00-\u9fff]/

test('when a code is in the catalogue, then it answers an error status with a Chinese message', () => {
  for (const [code, entry] of Object.entries(errorCatalogue)) {
    expect({ code, status: entry.status >= 400 && entry.status < 600 }).toEqual({
      code,
      status: true,
    })
    expect({ code, message: messageFor(code) }).toEqual({ code, message: entry.message })
    expect(entry.message).toMatch(chinese)
  }
})

test('when the client raises its own code, then it has a Chinese message and no status', () => {
  for (const [code, message] of Object.entries(clientErrorMessages)) {
    expect(isErrorCode(code)).toBe(false)
    expect(messageFor(code)).toBe(message)
    expect(message).toMatch(chinese)
  }
})

test('when input is refused, then the status is 400 for a malformed field and 422 for a refused payment', () => {
  expect(statusFor('VALIDATION_FAILED')).toBe(400)
  expect(statusFor('PAYMENT_REFUSED')).toBe(422)
  expect(statusFor('PAY_SHARE_AMOUNT_CHANGED')).toBe(422)
})

test('when a code is unknown or a prototype name, then it is not a catalogue code and reads as INTERNAL', () => {
  expect(isErrorCode('SOMETHING_NEW')).toBe(false)
  expect(isErrorCode('toString')).toBe(false)
  expect(messageFor('toString')).toBe(errorCatalogue.INTERNAL.message)
})
