/**
 * The workshop's documentation requirement, as far as a machine can judge
 * it: "README с описанием, схема данных в Redis, инструкция по
 * развёртыванию". A section is a Markdown heading whose words name it (in
 * English or Russian); the data schema must also name the project's keys.
 */

export const README_SECTIONS = ['description', 'data-schema', 'deployment'] as const;
export type ReadmeSection = (typeof README_SECTIONS)[number];

const HEADING_WORDS: Record<Exclude<ReadmeSection, 'description'>, RegExp> = {
  'data-schema': /schema|data model|keys|redis data|схем|структур[аы] данных|ключ/i,
  deployment: /deploy|install|setup|set up|getting started|running|how to run|usage|развёрт|развертыв|установ|запуск|использован/i,
};

/** What the README has: each section found or not, and the schema's key patterns it never mentions. */
export interface ReadmeFindings {
  found: ReadmeSection[];
  missing: ReadmeSection[];
  /** The project's key patterns (e.g. poll:<poll>:votes) whose fixed part the README never names. */
  keysNotNamed: string[];
}

/** Pure: the README's text against the sections and the project's schema keys. */
export function readmeFindings(text: string, schemaKeys: readonly string[]): ReadmeFindings {
  const headings = [...text.matchAll(/^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/gm)].map((match) => match[1] ?? '');
  const keysNotNamed = schemaKeys.filter((key) => !text.includes(fixedPrefix(key)));
  const has: Record<ReadmeSection, boolean> = {
    // A description: some prose (not only headings, code and lists) of a couple of sentences.
    description: proseWords(text) >= 15,
    'data-schema': headings.some((heading) => HEADING_WORDS['data-schema'].test(heading)) && keysNotNamed.length < schemaKeys.length,
    deployment: headings.some((heading) => HEADING_WORDS.deployment.test(heading)),
  };
  return {
    found: README_SECTIONS.filter((section) => has[section]),
    missing: README_SECTIONS.filter((section) => !has[section]),
    keysNotNamed,
  };
}

/** page_views:<page> → page_views: (what any mention of the key contains). */
function fixedPrefix(key: string): string {
  const cut = key.search(/[<{[*]/);
  return cut === -1 ? key : key.slice(0, cut);
}

function proseWords(text: string): number {
  const prose = text
    .replace(/```[\s\S]*?```/g, ' ')
    .split('\n')
    .filter((line) => !/^\s*(#|[-*+]\s|\d+\.\s|\||>| {4})/.test(line))
    .join(' ');
  return prose.split(/\s+/).filter((word) => /\p{L}{2,}/u.test(word)).length;
}
