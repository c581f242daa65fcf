import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './markdown';

describe('library markdown', () => {
  it('reads headings, paragraphs, lists, bold and resource links', () => {
    const blocks = parseMarkdown(
      '## Right now\n\nCall **999** if you are\nin danger.\n\n- Your **IRO**. See [Who is my IRO?](resource:who-is-my-iro).\n- An advocate\n  who helps you.\n',
    );
    expect(blocks[0]).toEqual({ kind: 'heading', text: 'Right now' });
    expect(blocks[1]).toEqual({
      kind: 'paragraph',
      content: [
        { kind: 'text', text: 'Call ' },
        { kind: 'strong', text: '999' },
        { kind: 'text', text: ' if you are in danger.' },
      ],
    });
    expect(blocks[2].kind).toBe('list');
    const list = blocks[2] as { kind: 'list'; items: ReturnType<typeof parseInline>[] };
    expect(list.items).toHaveLength(2);
    expect(list.items[0]).toContainEqual({ kind: 'link', text: 'Who is my IRO?', resource: 'who-is-my-iro' });
    expect(list.items[1].map((p) => p.text).join('')).toBe('An advocate who helps you.');
  });

  it('leaves HTML and other links as plain text', () => {
    const parts = parseInline('<script>alert(1)</script> and [site](https://example.org)');
    expect(parts).toEqual([{ kind: 'text', text: '<script>alert(1)</script> and [site](https://example.org)' }]);
  });
});
