// The desktop File menu's native dialogs and the Save / Don't Save / Cancel prompt on close, with
// the recording fakes of Electron's dialog and BrowserWindow standing in for the runtime.
import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { EngineHost } from '../../../doors/common/engine-host';
import { memoryAsideStore, memoryScenarioFiles } from '../../../doors/common/scenario-session';
import { guardUnsavedClose, openRecentScenario, withNativeScenarioDialogs, type DialogLike } from '../../../doors/desktop/scenario-dialogs';
import type { Response, ScenarioStatus } from '../../../engine/contract';
import { resetFakeElectron, FakeBrowserWindow } from './fake-electron';

function desktop() {
  const e = resetFakeElectron();
  const files = memoryScenarioFiles();
  const host = new EngineHost({ startClock: false, scenarios: { files, aside: memoryAsideStore(), nativeDialogs: true } });
  const win = new FakeBrowserWindow({});
  const failures: string[] = [];
  const options = {
    dialog: e.dialog as unknown as DialogLike,
    window: () => win as unknown as BrowserWindow,
    scenarios: host.scenarios,
    onSaveFailed: (err: { message: string }) => void failures.push(err.message),
  };
  const handler = withNativeScenarioDialogs(host, options);
  let id = 1;
  const scenario = async (action: unknown): Promise<Response> => handler.handle({ kind: 'scenario', id: id++, action });
  const change = () => expect(host.handle({ kind: 'run', id: id++, text: 'Start-VM TEST01 -ComputerName HV02' }).result.ok).toBe(true);
  return { e, files, host, win, options, handler, scenario, change, failures };
}

const value = (r: Response) => (r.result.ok ? (r.result.value as ScenarioStatus) : undefined);

describe('native scenario dialogs', () => {
  it('Save As and a first Save show the Save dialog; Open shows the Open dialog; the chosen path is used', async () => {
    const d = desktop();
    d.e.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: 'C:\\Labs\\Rack B' });
    const saved = value(await d.scenario({ type: 'save' }));
    expect(d.e.dialog.showSaveDialog).toHaveBeenCalledWith(d.win, expect.objectContaining({ title: 'Save Scenario As', defaultPath: 'Untitled.hvlab.json' }));
    expect(saved).toMatchObject({ name: 'Rack B', location: 'file', where: 'C:\\Labs\\Rack B.hvlab.json', dirty: false, nativeDialogs: true });
    const state = d.host.engine.state();

    d.host.handle({ kind: 'scenario', id: 99, action: { type: 'new', template: 'empty' } });
    d.e.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['C:\\Labs\\Rack B.hvlab.json'] });
    expect(value(await d.scenario({ type: 'open' }))).toMatchObject({ name: 'Rack B', location: 'file' });
    expect(d.host.engine.state()).toEqual(state);

    // Cancelled dialogs change nothing.
    const before = d.e.dialog.showOpenDialog.mock.calls.length;
    expect((await d.scenario({ type: 'open' })).result).toMatchObject({ ok: false, error: { message: 'Cancelled.' } });
    expect(d.e.dialog.showOpenDialog.mock.calls.length).toBe(before + 1);
    // A named request (the browser's) and a Save of a saved scenario pass straight through.
    expect(value(await d.scenario({ type: 'save' }))).toMatchObject({ name: 'Rack B' });
    expect(d.e.dialog.showSaveDialog).toHaveBeenCalledTimes(1);
  });

  it("closing with unsaved changes asks Save / Don't Save / Cancel, in Windows' words and order", async () => {
    const d = desktop();
    const unguard = guardUnsavedClose(d.win as unknown as BrowserWindow, d.options);
    // Nothing changed: the window closes without a question.
    const clean = new FakeBrowserWindow({});
    guardUnsavedClose(clean as unknown as BrowserWindow, d.options);
    clean.close();
    expect(clean.destroyed).toBe(true);
    expect(d.e.dialog.showMessageBox).not.toHaveBeenCalled();

    d.change();
    // Cancel: the window stays.
    d.e.dialog.showMessageBox.mockResolvedValueOnce({ response: 2, checkboxChecked: false });
    d.win.close();
    await vi.waitFor(() => expect(d.e.dialog.showMessageBox).toHaveBeenCalledTimes(1));
    expect(d.e.dialog.showMessageBox).toHaveBeenCalledWith(
      d.win,
      expect.objectContaining({
        message: 'Do you want to save changes to Untitled?',
        buttons: ['Save', "Don't Save", 'Cancel'],
        defaultId: 0,
        cancelId: 2,
      }),
    );
    await Promise.resolve();
    expect(d.win.destroyed).toBe(false);

    // Save on a never-saved scenario asks where; cancelling that keeps the window open too.
    d.e.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    d.win.close();
    await vi.waitFor(() => expect(d.e.dialog.showSaveDialog).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 0));
    expect(d.win.destroyed).toBe(false);

    // Save, and where: saved, then the window closes.
    d.e.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    d.e.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/ana/Exam.hvlab.json' });
    d.win.close();
    await vi.waitFor(() => expect(d.win.destroyed).toBe(true));
    expect(d.host.scenarios.status()).toMatchObject({ name: 'Exam', dirty: false });
    expect(d.files.texts.size).toBe(1);
    unguard();
  });

  it("Don't Save closes without saving; a lab in progress closes without asking (the datacenter is kept aside)", async () => {
    const d = desktop();
    guardUnsavedClose(d.win as unknown as BrowserWindow, d.options);
    d.change();
    d.e.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    d.win.close();
    await vi.waitFor(() => expect(d.win.destroyed).toBe(true));
    expect(d.files.texts.size).toBe(0);

    const lab = desktop();
    guardUnsavedClose(lab.win as unknown as BrowserWindow, lab.options);
    lab.change();
    expect(lab.host.handle({ kind: 'lab', id: 1, action: { type: 'start', labId: 'storage-single-location' } }).result.ok).toBe(true);
    lab.win.close();
    expect(lab.win.destroyed).toBe(true);
    expect(lab.e.dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('File → Recent asks to save changes first, and Cancel opens nothing', async () => {
    const d = desktop();
    d.e.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/labs/A.hvlab.json' });
    await d.scenario({ type: 'saveAs' });
    const key = d.host.scenarios.status().recent[0]!.key;
    d.change();
    const changed = d.host.engine.state();
    d.e.dialog.showMessageBox.mockResolvedValueOnce({ response: 2, checkboxChecked: false });
    expect(await openRecentScenario(key, d.options)).toMatchObject({ ok: false });
    expect(d.host.engine.state()).toEqual(changed);
    d.e.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    expect(await openRecentScenario(key, d.options)).toMatchObject({ ok: true, value: { name: 'A', dirty: false } });
    expect(d.host.engine.state()).not.toEqual(changed);
  });
});
