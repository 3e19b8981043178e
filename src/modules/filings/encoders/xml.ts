/** A tiny deterministic XML writer: elements in the order given, two-space indent, LF line ends. */
export type XmlNode = [
  name: string,
  content: string | number | undefined | null | XmlNode[],
  attrs?: Record<string, string>,
];

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function xml(root: XmlNode): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const walk = ([name, content, attrs]: XmlNode, depth: number) => {
    if (content === undefined || content === null || content === '') return;
    if (Array.isArray(content) && content.length === 0) return;
    const pad = '  '.repeat(depth);
    const a = attrs
      ? Object.entries(attrs)
          .map(([k, v]) => ` ${k}="${esc(v)}"`)
          .join('')
      : '';
    if (Array.isArray(content)) {
      out.push(`${pad}<${name}${a}>`);
      for (const c of content) walk(c, depth + 1);
      out.push(`${pad}</${name}>`);
    } else out.push(`${pad}<${name}${a}>${esc(String(content))}</${name}>`);
  };
  walk(root, 0);
  return `${out.join('\n')}\n`;
}
