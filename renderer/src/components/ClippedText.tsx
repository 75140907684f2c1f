/**
 * Long text in a table cell: one line ending with an ellipsis; the whole text on hover (its title)
 * and when its cell has the keyboard's focus.
 */
export function ClippedText({ text }: { text: string | null }) {
  if (!text) return <span className="muted">—</span>;
  return (
    <span className="clipped" title={text}>
      {text}
    </span>
  );
}
