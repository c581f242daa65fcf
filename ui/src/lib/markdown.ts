// Turns library Markdown (the restricted form in content/README.md) into plain data the UI
// renders with ordinary elements. No HTML is ever produced or injected: text stays text.

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'link'; text: string; resource: string };

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; items: Inline[][] };

/** Splits a line into text, **bold** and [links](resource:id). Anything else stays as text. */
export function parseInline(line: string): Inline[] {
  const out: Inline[] = [];
  const pattern = /\*\*([^*]+)\*\*|\[([^\]]+)\]\(resource:([a-z0-9-]+)\)/g;
  let last = 0;
  for (const m of line.matchAll(pattern)) {
    if (m.index! > last) out.push({ kind: 'text', text: line.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ kind: 'strong', text: m[1] });
    else out.push({ kind: 'link', text: m[2], resource: m[3] });
    last = m.index! + m[0].length;
  }
  if (last < line.length) out.push({ kind: 'text', text: line.slice(last) });
  return out;
}

export function parseMarkdown(body: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: Inline[][] | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', content: parseInline(paragraph.join(' ')) });
    paragraph = [];
    if (list) blocks.push({ kind: 'list', items: list });
    list = null;
  };
  for (const raw of body.split('\n')) {
    const line = raw.trimEnd();
    const item = /^\s*[-*] (.*)$/.exec(line);
    if (line.startsWith('#')) {
      flush();
      blocks.push({ kind: 'heading', text: line.replace(/^#+\s*/, '') });
    } else if (item) {
      if (paragraph.length) {
        blocks.push({ kind: 'paragraph', content: parseInline(paragraph.join(' ')) });
        paragraph = [];
      }
      (list ??= []).push(parseInline(item[1]));
    } else if (line.trim() === '') {
      flush();
    } else if (list) {
      // A wrapped list item continues the last item.
      const items: Inline[][] = list;
      items[items.length - 1].push(...parseInline(' ' + line.trim()));
    } else {
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}
