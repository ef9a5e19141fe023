// Who the desktop app is, for the OS: the names build/electron-builder.config.cjs must repeat
// (test/unit/packaging checks that they agree).
export const APP_ID = 'lab.hypervmobility.console';
export const PRODUCT_NAME = 'Hyper-V Mobility Lab';
