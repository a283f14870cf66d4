/** One run of inline text with the one style Markdown gave it. */
export interface Span {
  text: string;
  style: 'plain' | 'bold' | 'italic' | 'code' | 'link';
}

/**
 * The inline Markdown lessons use: **bold**, *italic* / _italic_, `code` and
 * [text](url) (shown as the text; the address follows in parentheses when
 * it differs). Anything unbalanced stays literal, as CommonMark does.
 */
export function parseInline(source: string): Span[] {
  const spans: Span[] = [];
  let plain = '';
  const flush = () => {
    if (plain !== '') spans.push({ text: plain, style: 'plain' });
    plain = '';
  };
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const code = /^(`+)([\s\S]*?[^`])\1(?!`)/.exec(rest);
    if (code) {
      flush();
      spans.push({ text: trimCodeSpan(code[2] ?? ''), style: 'code' });
      i += code[0].length;
      continue;
    }
    const bold = /^(\*\*|__)(?=\S)([\s\S]*?\S)\1/.exec(rest);
    if (bold) {
      flush();
      spans.push({ text: bold[2] ?? '', style: 'bold' });
      i += bold[0].length;
      continue;
    }
    const italic = /^(\*|_)(?=\S)([^*_]*?\S)\1(?![\w])/.exec(rest);
    if (italic && !(rest.startsWith('_') && /\w$/.test(plain))) {
      flush();
      spans.push({ text: italic[2] ?? '', style: 'italic' });
      i += italic[0].length;
      continue;
    }
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)/.exec(rest);
    if (link) {
      flush();
      const [, text = '', url = ''] = link;
      spans.push({ text, style: 'link' });
      if (url !== text) plain += ` (${url})`;
      i += link[0].length;
      continue;
    }
    if (rest.startsWith('\\') && rest.length > 1 && /[\\`*_[\]()#|-]/.test(rest[1] ?? '')) {
      plain += rest[1];
      i += 2;
      continue;
    }
    plain += source[i];
    i += 1;
  }
  flush();
  return spans;
}

/** CommonMark strips one space on each side of a code span that has both. */
function trimCodeSpan(text: string): string {
  return text.length > 2 && text.startsWith(' ') && text.endsWith(' ') ? text.slice(1, -1) : text;
}

export function spansText(spans: readonly Span[]): string {
  return spans.map((span) => span.text).join('');
}
