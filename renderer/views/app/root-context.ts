// Gives every view the RootStore without threading it through props.
import { createContext, useContext } from 'react';
import type { RootStore } from '../../stores/root-store';

export const RootContext = createContext<RootStore | null>(null);

export function useRoot(): RootStore {
  const root = useContext(RootContext);
  if (!root) throw new Error('useRoot() outside <RootContext.Provider>');
  return root;
}
