import { useTerminalSize, useTui } from '../tui-context.js';
import { truncateToWidth } from '../../markdown/text-width.js';
import { Lines } from './Lines.js';

/** The keys of the screen, dim, on a row of their own so no notice or prompt ever hides them. */
export function KeyLine({ text }: { text: string }) {
  const { chalk } = useTui();
  const { columns } = useTerminalSize();
  return <Lines lines={[chalk.dim(truncateToWidth(text, columns))]} height={1} width={columns} />;
}
