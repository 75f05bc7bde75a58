/*
 * WCAG 2.5.3 Label in Name, for component tests: a control named by `aria-label` must have a
 * name that starts with the words it shows, so a resident using voice control can say what
 * they see ("说话") and reach it. axe's label-content-name-mismatch asks only that the name
 * contain the visible text; starting with it is what WCAG's own examples recommend. The text is
 * compared as axe compares it: every text node in document order joined without spaces (jsdom
 * has no layout, so all of them count as shown), lower-cased, with ASCII and general
 * punctuation, symbols and emoji removed and runs of white space collapsed.
 */

/** Widget roles whose name would otherwise come from their content. */
const NAMED_FROM_CONTENT = new Set([
  'button',
  'checkbox',
  'link',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'option',
  'radio',
  'switch',
  'tab',
  'treeitem',
])

// The characters axe's curateString drops: punctuation, symbols, private use, emoji.
const DROPPED =
  /[\u2000-\u206F\u2E00-\u2E7F\\'!"#$%&\xa3\xa2\xa5\xa7\u20ac()*+,\-./:;<=>?@[\]^_`{|}~\xb1]|[\u1D00-\u1DFF\u20A0-\u27BF\uE000-\uF8FF]|\p{Extended_Pictographic}/gu

function curate(text: string): string {
  return text.replace(DROPPED, '').replace(/\s+/g, ' ').trim().toLowerCase()
}

/** Every text node under the element, joined as axe joins what is on screen. */
export function visibleText(element: Element): string {
  let text = ''
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) text += node.nodeValue ?? ''
  return text
}

/**
 * The controls under `root` whose `aria-label` does not start with their visible text, as
 * "<name> ≠ <visible text>" lines (empty when every name is right).
 */
export function labelInNameProblems(root: Element): string[] {
  const problems: string[] = []
  for (const element of Array.from(root.querySelectorAll('[aria-label][role]'))) {
    if (!NAMED_FROM_CONTENT.has(element.getAttribute('role') ?? '')) continue
    const name = element.getAttribute('aria-label') ?? ''
    const shown = visibleText(element)
    const curatedShown = curate(shown)
    if (curatedShown === '') continue
    if (!curate(name).startsWith(curatedShown)) problems.push(`${name} ≠ ${shown}`)
  }
  return problems
}
