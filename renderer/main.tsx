// Entry point of the console page, for both the desktop window and the browser host.
import '../engine/common/zod-in-pages';
import './styles/console.css';
import { connectBridge } from './bridge/connect';
import { mountConsole } from './views/app/mount';

const element = document.getElementById('root');
if (!element) throw new Error('index.html has no #root element');
mountConsole(connectBridge(), element);
