/** What a step shows while its code loads (the later steps load when needed: issue 18). */
export function StepLoading({ text }: { text: string }) {
  return <p className="field__hint" role="status">{text}</p>;
}
