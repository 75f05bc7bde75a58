import { installKeyboardActivation } from './keyboard'

function press(target: HTMLElement, key: string) {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }))
}

test('when Enter or Space is pressed on a role=button element, then it is clicked', () => {
  const uninstall = installKeyboardActivation(document)
  const el = document.createElement('div')
  el.setAttribute('role', 'button')
  const onClick = jest.fn()
  el.addEventListener('click', onClick)
  document.body.append(el)

  press(el, 'Enter')
  press(el, ' ')
  press(el, 'a')
  expect(onClick).toHaveBeenCalledTimes(2)

  uninstall()
  press(el, 'Enter')
  expect(onClick).toHaveBeenCalledTimes(2)
})

test('when the element has no interactive role, then keys do nothing', () => {
  const uninstall = installKeyboardActivation(document)
  const el = document.createElement('div')
  const onClick = jest.fn()
  el.addEventListener('click', onClick)
  document.body.append(el)
  press(el, 'Enter')
  expect(onClick).not.toHaveBeenCalled()
  uninstall()
})
