import { useEffect, useRef } from 'react';
import { Button, Flex, Tooltip } from 'antd';
import { BoldOutlined, ItalicOutlined, LinkOutlined, OrderedListOutlined, PictureOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useFeedback } from '../../components/feedback';

/** Plain text from before rich text, as paragraphs the editor can show. */
export function toEditableHtml(value: string | undefined): string {
  const v = value ?? '';
  if (v.includes('<')) return v;
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return v.trim() ? v.split(/\n{2,}/).map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`).join('') : '';
}

/**
 * A small rich-text editor for product descriptions (headings, lists, bold, italic, links, images
 * uploaded to the media module), on the browser's own contentEditable: the HTML it produces is
 * cleaned by the server's allow-list whatever is pasted in. An antd form control (value/onChange).
 */
export function RichTextEditor({ value, onChange, label }: { value?: string; onChange?: (html: string) => void; label: string }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const ref = useRef<HTMLDivElement>(null);
  const file = useRef<HTMLInputElement>(null);

  // Only outside changes (loading a product) replace the content: typing must keep the caret.
  useEffect(() => {
    const el = ref.current;
    if (el && el.innerHTML !== toEditableHtml(value) && document.activeElement !== el) el.innerHTML = toEditableHtml(value);
  }, [value]);

  const emit = () => onChange?.(ref.current?.innerHTML === '<br>' ? '' : (ref.current?.innerHTML ?? ''));
  const run = (command: string, arg?: string) => {
    ref.current?.focus();
    document.execCommand(command, false, arg);
    emit();
  };
  const link = () => {
    const url = window.prompt(t('products.richLinkPrompt'), 'https://');
    if (url && /^(https?:\/\/|mailto:)/i.test(url)) run('createLink', url);
  };
  const image = async (f: File | undefined) => {
    if (!f) return;
    try {
      const asset = await api.postFile<{ url: string }>('/media', f);
      run('insertImage', asset.url);
    } catch (error) {
      feedback.fail(error);
    }
  };

  const tools: Array<[string, React.ReactNode, () => void]> = [
    [t('products.richH2'), 'H2', () => run('formatBlock', 'h2')],
    [t('products.richH3'), 'H3', () => run('formatBlock', 'h3')],
    [t('products.richParagraph'), '¶', () => run('formatBlock', 'p')],
    [t('products.richBold'), <BoldOutlined key="b" />, () => run('bold')],
    [t('products.richItalic'), <ItalicOutlined key="i" />, () => run('italic')],
    [t('products.richBullets'), <UnorderedListOutlined key="ul" />, () => run('insertUnorderedList')],
    [t('products.richNumbers'), <OrderedListOutlined key="ol" />, () => run('insertOrderedList')],
    [t('products.richLink'), <LinkOutlined key="a" />, link],
    [t('products.richImage'), <PictureOutlined key="img" />, () => file.current?.click()],
  ];
  return (
    <div className="rich-text-editor" style={{ border: '1px solid #d9d9d9', borderRadius: 6 }}>
      <Flex role="toolbar" aria-label={label} gap={2} wrap style={{ padding: 4, borderBottom: '1px solid #f0f0f0' }}>
        {tools.map(([name, icon, onClick]) => (
          <Tooltip key={name} title={name}>
            <Button size="small" type="text" aria-label={name} onMouseDown={(e) => e.preventDefault()} onClick={onClick}>{icon}</Button>
          </Tooltip>
        ))}
        <input ref={file} type="file" accept="image/jpeg,image/png,image/webp,image/avif,image/gif" style={{ display: 'none' }} tabIndex={-1} aria-hidden="true" onChange={(e) => { void image(e.target.files?.[0]); e.target.value = ''; }} />
      </Flex>
      <div
        ref={ref}
        role="textbox"
        aria-multiline="true"
        aria-label={label}
        contentEditable
        suppressContentEditableWarning
        onInput={emit}
        onBlur={emit}
        style={{ minHeight: 120, maxHeight: 400, overflow: 'auto', padding: '6px 11px', outline: 'none' }}
      />
    </div>
  );
}
