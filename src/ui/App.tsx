import { useApp } from 'ink';
import { useEffect } from 'react';
import { ExerciseScreen } from './screens/ExerciseScreen.js';
import { HomeScreen } from './screens/HomeScreen.js';
import { TuiProvider, useAppState, type Tui } from './tui-context.js';

/** The screen for the current state; unmounts (ending `start`) once the session quits. */
function Router() {
  const state = useAppState();
  const { exit } = useApp();
  useEffect(() => {
    if (state.quitting) exit();
  }, [state.quitting, exit]);
  if (state.quitting) return null;
  return state.screen === 'home' ? <HomeScreen /> : <ExerciseScreen />;
}

export function App({ tui }: { tui: Tui }) {
  return (
    <TuiProvider value={tui}>
      <Router />
    </TuiProvider>
  );
}
