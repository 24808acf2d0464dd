// Decap's fields inherit the page's direction (rtl), so English typed in the English pane would be
// right-aligned. dir="auto" lets every text field follow what is typed in it.
// Only the editor's panes: an empty dir="auto" field is ltr, which would misplace Arabic placeholders.
const TEXT_FIELDS = ['input[type="text"]', 'input:not([type])', 'textarea', '[contenteditable="true"]'].map((f) => `.SplitPane ${f}`).join(', ');

export function markTextDirectionAuto(root: HTMLElement) {
  const mark = () => root.querySelectorAll<HTMLElement>(TEXT_FIELDS).forEach((el) => el.hasAttribute('dir') || el.setAttribute('dir', 'auto'));
  new MutationObserver(mark).observe(root, { childList: true, subtree: true });
  mark();
}
