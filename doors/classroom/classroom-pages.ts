// The classroom's own pages, served by the browser host beside the console (doors/web/web-host.ts):
// the join page (a learner types a name and the session code and lands in their own console) and
// the trainer page (every learner's lab, tasks passed, hints, time and last activity, refreshed
// every few seconds; Reset a learner; End session and export the result files). Plain HTML forms,
// no script: the page's policy allows none. Every POST must come from a page of this host (Origin)
// and the trainer's carry the trainer token; the answers never show a learner's token to another.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { escapeHtml } from '../../engine/common/markdown';
import { TOKEN_PARAMETER } from '../../engine/common/bridge-address';
import { isAllowedOrigin } from '../web/request-guard';
import type { Classroom, LearnerStatus } from './classroom';

/** The pages' policy: no script at all, forms only to this host. */
export const CLASSROOM_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** A form's body is a name and a code or a token: anything longer is not one of ours. */
const MAX_FORM_BYTES = 4096;
/** The trainer page reloads itself this often (seconds). */
export const TRAINER_REFRESH_S = 3;

export interface ClassroomPagesOptions {
  port: () => number;
  lanHosts: readonly string[];
  /** The join page's addresses as learners type them (one per LAN address). */
  joinUrls: () => string[];
  wallClock?: () => number;
}

const STYLE = `
  body { font: 10pt "Segoe UI", "Liberation Sans", "DejaVu Sans", Arial, sans-serif; color: #1e1e1e; background: #f0f0f0; margin: 0; }
  header { background: #1e395b; color: #fff; padding: 10px 16px; }
  header h1 { font-size: 13pt; margin: 0; font-weight: 600; }
  header p { margin: 2px 0 0; color: #d6e2ef; }
  main { padding: 12px 16px; }
  .panel { background: #fff; border: 1px solid #a9b2bd; padding: 12px 14px; max-width: 980px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #dde3ea; vertical-align: middle; }
  th { background: #e8eef5; font-weight: 600; border-bottom: 1px solid #a9b2bd; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  .done { color: #107c10; font-weight: 600; }
  .error { color: #a4262c; }
  label { display: block; margin: 8px 0 2px; }
  input[type=text] { font: inherit; width: 260px; padding: 3px 5px; border: 1px solid #7a7a7a; }
  button { font: inherit; padding: 3px 14px; border: 1px solid #adadad; background: #e1e1e1; cursor: pointer; }
  button:hover { background: #e5f1fb; border-color: #0078d7; }
  .code { font: 600 16pt Consolas, "DejaVu Sans Mono", monospace; letter-spacing: 3px; }
  .actions { margin-top: 12px; display: flex; gap: 8px; align-items: center; }
  .muted { color: #5f5f5f; }
`;

function page(title: string, body: string, refreshUrl?: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>${
    refreshUrl ? `<meta http-equiv="refresh" content="${TRAINER_REFRESH_S};url=${escapeHtml(refreshUrl)}">` : ''
  }<style>${STYLE}</style></head><body>${body}</body></html>`;
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': CLASSROOM_PAGE_POLICY,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    // Not no-referrer: under it Chromium sends "Origin: null" with the forms, which the Origin check
    // refuses. same-origin sends nothing to other sites (the trainer token stays here).
    'Referrer-Policy': 'same-origin',
  });
  res.end(html);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { Location: location, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }).end();
}

/** Reads a small urlencoded form body; undefined when it is too big or not a form. */
function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  return new Promise((resolve) => {
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      req.resume();
      resolve(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_FORM_BYTES) {
        resolve(undefined);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', () => resolve(undefined));
  });
}

function ago(ms: number, now: number): string {
  if (ms === 0) return '—';
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  return `${Math.floor(s / 3600)} h ago`;
}

function simulated(ms: number | undefined): string {
  if (ms === undefined) return '—';
  const s = Math.floor(ms / 1000);
  return `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

function joinPage(room: Classroom, message?: string, name = ''): string {
  return page(
    'Join the class — Hyper-V Mobility Lab',
    `<header><h1>Hyper-V Mobility Lab — join the class</h1><p>${escapeHtml(room.labs.map((l) => l.title).join(' · '))}</p></header>
<main><form class="panel" method="post" action="/join" style="max-width:420px">
${message ? `<p class="error" role="alert">${escapeHtml(message)}</p>` : ''}
<label for="name">Your name</label><input type="text" id="name" name="name" maxlength="60" required autocomplete="name" value="${escapeHtml(name)}">
<label for="code">Session code (on the trainer’s screen)</label><input type="text" id="code" name="code" maxlength="12" required autocomplete="off" autocapitalize="characters">
<div class="actions"><button type="submit">Join</button></div>
</form></main>`,
  );
}

function trainerPage(room: Classroom, token: string, learners: LearnerStatus[], now: number, joinUrls: string[], notice?: string): string {
  const self = `/trainer?${TOKEN_PARAMETER}=${encodeURIComponent(token)}`;
  const rows = learners
    .map(
      (l) => `<tr data-learner="${escapeHtml(l.id)}">
<td>${escapeHtml(l.name)}</td><td>${escapeHtml(l.labTitle)}</td>
<td class="num" data-field="tasks">${l.problem ? `<span class="error">${escapeHtml(l.problem)}</span>` : `${l.tasksPassed ?? 0} / ${l.taskCount ?? 0}${l.completed ? ' <span class="done">✓ completed</span>' : ''}`}</td>
<td class="num">${l.score !== undefined ? `${l.score} / ${l.maxScore}` : '—'}</td>
<td class="num" data-field="hints">${l.hintsTaken ?? '—'}</td>
<td class="num">${simulated(l.elapsedMs)}</td>
<td>${ago(l.lastActivity, now)}</td>
<td><form method="post" action="/trainer/reset"><input type="hidden" name="token" value="${escapeHtml(token)}"><input type="hidden" name="learner" value="${escapeHtml(l.id)}"><button type="submit" title="Start ${escapeHtml(l.name)}’s lab over from its starting world">Reset</button></form></td>
</tr>`,
    )
    .join('\n');
  return page(
    'Trainer — Hyper-V Mobility Lab',
    `<header><h1>Classroom — trainer</h1><p>${escapeHtml(room.labs.map((l) => l.title).join(' · '))}</p></header>
<main><div class="panel">
${notice ? `<p role="status">${escapeHtml(notice)}</p>` : ''}
${
  room.ended
    ? '<p><strong>This session has ended.</strong> Learners’ links no longer open their consoles.</p>'
    : `<p>Learners open <strong>${escapeHtml(joinUrls.join(' or '))}</strong> and type the session code <span class="code" data-testid="session-code">${escapeHtml(room.code)}</span></p>`
}
<table><thead><tr><th>Learner</th><th>Lab</th><th>Tasks passed (last Check)</th><th>Score</th><th>Hints</th><th>Simulated time</th><th>Last activity</th><th></th></tr></thead>
<tbody>${rows || '<tr><td colspan="8" class="muted">No learner has joined yet.</td></tr>'}</tbody></table>
<div class="actions">${
      room.ended
        ? ''
        : `<form method="post" action="/trainer/end"><input type="hidden" name="token" value="${escapeHtml(token)}"><button type="submit">End session and export results</button></form>`
    }<form method="post" action="/trainer/export"><input type="hidden" name="token" value="${escapeHtml(token)}"><button type="submit">Export results now</button></form>
<span class="muted">Updated every ${TRAINER_REFRESH_S} s.</span></div>
</div></main>`,
    self,
  );
}

/**
 * The classroom's routes for the web host: true when it answered the request. GET /join, POST
 * /join, GET /trainer, POST /trainer/reset|export|end. Anything else goes to the console's files.
 */
export function classroomRoutes(room: Classroom, options: ClassroomPagesOptions) {
  const now = () => (options.wallClock ?? Date.now)();
  const trainerView = async (res: ServerResponse, token: string, notice?: string) =>
    send(res, 200, trainerPage(room, token, await room.status(), now(), options.joinUrls(), notice));

  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path !== '/join' && path !== '/trainer' && !path.startsWith('/trainer/')) return false;
    const fail = (err: unknown) => {
      if (!res.headersSent) send(res, 500, page('Error', `<main><p class="error">${escapeHtml((err as Error).message)}</p></main>`));
    };
    if (req.method === 'POST' && !isAllowedOrigin(req.headers.origin, options.port(), options.lanHosts)) {
      send(res, 403, page('Forbidden', '<main><p class="error">This form was not sent from this classroom’s pages.</p></main>'));
      return true;
    }
    if (path === '/join') {
      if (req.method === 'GET') send(res, 200, joinPage(room));
      else if (req.method === 'POST') {
        void readForm(req)
          .then(async (form) => {
            if (!form) return send(res, 400, joinPage(room, 'The form could not be read.'));
            const name = form.get('name') ?? '';
            const r = await room.join(name, form.get('code') ?? '');
            if (!r.ok) return send(res, 400, joinPage(room, r.message, name.slice(0, 60)));
            redirect(res, `/?${TOKEN_PARAMETER}=${encodeURIComponent(r.learner.token)}`);
          })
          .catch(fail);
      } else res.writeHead(405).end();
      return true;
    }
    if (req.method === 'GET' && path === '/trainer') {
      const token = url.searchParams.get(TOKEN_PARAMETER);
      if (!room.isTrainer(token)) send(res, 401, page('Trainer', '<main><p class="error">Open the trainer page from the link the host printed.</p></main>'));
      else void trainerView(res, token!).catch(fail);
      return true;
    }
    if (req.method === 'POST' && (path === '/trainer/reset' || path === '/trainer/end' || path === '/trainer/export')) {
      void readForm(req)
        .then(async (form) => {
          const token = form?.get('token') ?? null;
          if (!room.isTrainer(token)) return send(res, 401, page('Trainer', '<main><p class="error">Wrong or missing trainer token.</p></main>'));
          if (path === '/trainer/reset') {
            const learner = form?.get('learner') ?? '';
            const r = await room.reset(learner);
            const name = room.learners().find((l) => l.id === learner)?.name ?? learner;
            return trainerView(res, token!, r.ok ? `${name}’s lab was started over.` : r.error.message);
          }
          const results = path === '/trainer/end' ? await room.end() : await room.exportResults();
          const saved = results.filter((r) => r.file).length;
          const problems = results.filter((r) => r.problem).map((r) => `${r.learner}: ${r.problem}`);
          return trainerView(
            res,
            token!,
            `${path === '/trainer/end' ? 'Session ended. ' : ''}${saved} result file${saved === 1 ? '' : 's'} written to the classroom’s results folder${problems.length ? `; not saved: ${problems.join('; ')}` : ''}. Grade them with hvlab lab grade.`,
          );
        })
        .catch(fail);
      return true;
    }
    res.writeHead(405).end();
    return true;
  };
}
