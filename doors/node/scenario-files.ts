// Scenario files on disk: the data folder's scenarios folder (`<dataDir>/scenarios/<name>.hvlab.json`,
// what the browser host's Open and Save As list) and files the desktop user chose in a native
// dialog. Names are checked before they become paths (scenarioNameProblem: no separators, no `..`),
// and the joined path is checked again to be inside the folder. Writes are atomic.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, isAbsolute, dirname } from 'node:path';
import type { AsideStore, ScenarioFiles, ScenarioLocation } from '../common/scenario-session';
import { SCENARIO_EXTENSION, scenarioNameProblem } from '../../engine/persistence/scenario-file';
import type { LibraryScenario } from '../../engine/contract';
import { JsonStateStore } from './json-state-store';
import { writeFileAtomic } from './atomic-file';
import { USER_FILE_LIMITS, readUserFile } from './user-file';

export function nodeScenarioFiles(dataDir: string): ScenarioFiles {
  const folder = join(dataDir, 'scenarios');
  const pathOf = (location: ScenarioLocation): string => {
    if (location.kind === 'file') {
      if (!isAbsolute(location.path)) throw new Error(`"${location.path}" is not a full path`);
      return location.path;
    }
    const problem = scenarioNameProblem(location.name);
    if (problem) throw new Error(`"${location.name}" cannot be a scenario name: ${problem}`);
    const path = join(folder, `${location.name}${SCENARIO_EXTENSION}`);
    const rel = relative(folder, path);
    if (rel.startsWith('..') || isAbsolute(rel) || dirname(rel) !== '.') throw new Error(`"${location.name}" would leave the scenarios folder`);
    return path;
  };
  return {
    library(): LibraryScenario[] {
      if (!existsSync(folder)) return [];
      const out: LibraryScenario[] = [];
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        if (!entry.isFile() || !entry.name.toLowerCase().endsWith(SCENARIO_EXTENSION)) continue;
        const name = entry.name.slice(0, -SCENARIO_EXTENSION.length);
        if (scenarioNameProblem(name)) continue;
        const st = statSync(join(folder, entry.name));
        out.push({ name, modifiedAt: st.mtimeMs, sizeBytes: st.size });
      }
      return out.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
    },
    exists: (location) => existsSync(pathOf(location)),
    read(location) {
      const path = pathOf(location);
      if (!existsSync(path))
        throw new Error(location.kind === 'library' ? `there is no scenario "${location.name}" in the data folder` : `${path} does not exist`);
      // A scenario is a saved state: the world file's size limit, folders and devices refused.
      return readUserFile(path, { maxBytes: USER_FILE_LIMITS.world, what: 'scenario' });
    },
    write: (location, text) => writeFileAtomic(pathOf(location), text),
  };
}

/** The datacenter a lab keeps aside, in its own file beside the world (`world-aside.json`). */
export function fileAsideStore(path: string): AsideStore {
  const store = new JsonStateStore(path);
  return {
    load: () => store.load(),
    save: (state) => store.save(state),
    clear: () => rmSync(path, { force: true }),
  };
}
