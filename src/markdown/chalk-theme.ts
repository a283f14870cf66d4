import type { ChalkInstance } from 'chalk';
import type { MarkdownTheme } from './render-markdown.js';

/**
 * Lesson styles that read on dark and light backgrounds alike: bold and
 * underline for structure, cyan/blue (never white/black/yellow) for code
 * and links, dim only for decoration. A level-0 chalk (NO_COLOR) gives plain text.
 */
export function chalkTheme(chalk: ChalkInstance): MarkdownTheme {
  return {
    heading: (text, level) => (level === 1 ? chalk.bold.underline(text) : chalk.bold(text)),
    bold: (text) => chalk.bold(text),
    italic: (text) => chalk.italic(text),
    code: (text) => chalk.cyan(text),
    link: (text) => chalk.blue.underline(text),
    dim: (text) => chalk.dim(text),
  };
}
