// electron-builder configuration for `npm run dist` (AppImage + deb on Linux, NSIS on Windows).
// The app ships as dist/ only: esbuild has bundled the main process and the preload (they require
// nothing but `electron` and Node built-ins) and Vite the renderer, so no node_modules go into the
// asar. Every Electron fuse is set explicitly; test/unit/packaging/fuses.test.ts holds us to it.
// Names must match doors/desktop/app-identity.ts.

/** @type {import('app-builder-lib').Configuration} */
const config = {
  appId: 'lab.hypervmobility.console',
  productName: 'Hyper-V Mobility Lab',
  copyright: 'Copyright © 2025 the Hyper-V Mobility Lab authors',
  directories: {
    output: 'release',
    buildResources: 'build',
  },
  files: [
    'dist/**',
    'package.json',
    '!**/*.map',
    // Already bundled into dist/electron/*.cjs and dist/renderer.
    '!node_modules{,/**/*}',
    // The browser host's bundle (scripts/build-web.mjs: npm start without Electron, the tests); the desktop app runs dist/electron.
    '!dist/web{,/**/*}',
  ],
  asar: true,
  // No native modules: nothing to rebuild against Electron's headers.
  npmRebuild: false,
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    icon: 'assets/icons',
    category: 'Education',
    executableName: 'hyperv-mobility-lab',
    maintainer: 'Hyper-V Mobility Lab maintainers <maintainers@hypervmobility.lab>',
    vendor: 'Hyper-V Mobility Lab',
    synopsis: 'Learn Hyper-V VM mobility offline',
    description: 'An offline console that looks and behaves like Windows Server 2012 R2 Hyper-V Manager, for learning VM mobility over a simulated datacenter.',
    desktop: {
      entry: {
        Name: 'Hyper-V Mobility Lab',
        Comment: 'Learn and rehearse Hyper-V VM moves offline',
        Categories: 'Education;ComputerScience;',
        StartupWMClass: 'Hyper-V Mobility Lab',
      },
    },
  },
  appImage: {
    artifactName: 'hyperv-mobility-lab-${version}-${arch}.${ext}',
  },
  deb: {
    artifactName: 'hyperv-mobility-lab_${version}_${arch}.${ext}',
    priority: 'optional',
  },
  win: {
    target: ['nsis'],
    icon: 'assets/icon.ico',
  },
  nsis: {
    artifactName: 'hyperv-mobility-lab-setup-${version}-${arch}.${ext}',
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    installerIcon: 'assets/icon.ico',
    uninstallerIcon: 'assets/icon.ico',
    shortcutName: 'Hyper-V Mobility Lab',
    // The learner's world and settings stay when the app is removed.
    deleteAppDataOnUninstall: false,
  },
};

module.exports = config;
