import { useApp } from 'ink';
import { useEffect } from 'react';
import { ExerciseScreen } from './screens/ExerciseScreen.js';
import { HomeScreen } from './screens/HomeScreen.js';
import { TooSmallScreen } from './screens/TooSmallScreen.js';
import { terminalFits } from './min-size.js';
import { TuiProvider, useAppState, useTerminalSize, useTui, type Tui } from './tui-context.js';

/** The screen for the current state; unmounts (ending `start`) once the learner quits. */
function Router() {
  const state = useAppState();
  const { exit } = useApp();
  const { store } = useTui();
  const size = useTerminalSize();
  const { columns } = size;
  useEffect(() => {
    if (state.quitting) exit();
  }, [state.quitting, exit]);
  // The layout follows resizes by itself; whether the data panel has room is state (the learner may override it).
  useEffect(() => {
    store.dispatch({ type: 'terminal-width', columns });
  }, [store, columns]);
  if (state.quitting) return null;
  // One minimum for both screens, so a learner resizing finds one rule.
  if (!terminalFits(size)) return <TooSmallScreen />;
  return state.screen === 'home' ? <HomeScreen /> : <ExerciseScreen />;
}

export function App({ tui }: { tui: Tui }) {
  return (
    <TuiProvider value={tui}>
      <Router />
    </TuiProvider>
  );
}
