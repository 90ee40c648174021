/**
 * A product description: rich text as HTML (the server keeps only an allow-list of tags and
 * attributes: see src/modules/catalog/rich-text.ts), or plain text from before rich text,
 * in paragraphs split at blank lines.
 */
export function RichText({ text }: { text: string }) {
  if (text.includes('<')) return <div className="rich-text" dangerouslySetInnerHTML={{ __html: text }} />;
  return (
    <>
      {text.split(/\n{2,}/).map((para, i) => (
        <p key={i}>{para}</p>
      ))}
    </>
  );
}
