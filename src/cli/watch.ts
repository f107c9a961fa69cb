import { spawn } from 'node:child_process';
import { existsSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { findConfigFile } from '../config/load-config.js';
import type { CommandIO } from './check-command.js';
import { UsageError } from './exit-codes.js';

export interface WatchOptions {
  /** The check's own arguments, without --watch and --site: each round runs exactly that check. */
  checkArgs: string[];
  paths: string[];
  configFile?: string;
  /** Rebuild the site (npm run site) after each check. */
  site: boolean;
  runCheck: (args: string[], io: CommandIO) => number | Promise<number>;
  debounceMs?: number;
}

const RELEVANT = /\.(md|ya?ml)$/i;
/** Editors' swap and backup files, and our own temporary files (.name.tmp). */
const IGNORED = /(^|[/\\])(\.[^/\\]*|[^/\\]*~|4913)$|(^|[/\\])(node_modules|_site|\.git)([/\\]|$)/;

function time(): string {
  return new Date().toTimeString().slice(0, 8);
}

function buildSite(io: CommandIO): Promise<void> {
  return new Promise((resolve) => {
    io.stdout(`[${time()}] Bygger webbplatsen (npm run site)…\n`);
    const child = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'site'], { cwd: io.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => io.stdout(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => io.stderr(chunk.toString()));
    child.on('error', (error) => {
      io.stderr(`Webbplatsen kunde inte byggas: ${error.message}\n`);
      resolve();
    });
    child.on('close', (code) => {
      io.stdout(code === 0 ? `[${time()}] Webbplatsen är ombyggd.\n` : `[${time()}] Bygget av webbplatsen misslyckades (slutkod ${code}).\n`);
      resolve();
    });
  });
}

/**
 * `styrdok check --watch`: checks once, then again each time a document or the config is saved, until
 * Ctrl+C. Saves that come close together (an editor writes a file in several steps) give one check.
 */
export function watchCheck(options: WatchOptions, io: CommandIO): Promise<number> {
  const roots = (options.paths.length ? options.paths : ['strategy']).map((p) => path.resolve(io.cwd, p));
  for (const root of roots) if (!existsSync(root)) throw new UsageError(`Sökvägen ${path.relative(io.cwd, root) || root} finns inte och kan inte bevakas.`);
  const configFile = options.configFile ? path.resolve(io.cwd, options.configFile) : findConfigFile(roots[0]!);

  let lastCode = 0;
  let running = false;
  let pending: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  const watchers: FSWatcher[] = [];

  const round = async (reason: string) => {
    if (running) {
      pending = reason;
      return;
    }
    running = true;
    try {
      io.stdout(`\n[${time()}] ${reason}\n`);
      try {
        lastCode = await options.runCheck(options.checkArgs, io);
      } catch (error) {
        // A broken config or a usage error does not end the watch: the next save may fix it.
        io.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
        lastCode = 2;
      }
      if (options.site) await buildSite(io);
      io.stdout(`[${time()}] Bevakar ändringar. Avsluta med Ctrl+C.\n`);
    } finally {
      running = false;
    }
    if (pending) {
      const next = pending;
      pending = undefined;
      await round(next);
    }
  };

  const changed = (file: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => void round(`Ändrat: ${path.relative(io.cwd, file).split(path.sep).join('/')}. Kontrollerar igen…`), options.debounceMs ?? 300);
  };

  for (const root of roots) {
    const isDir = statSync(root).isDirectory();
    const dir = isDir ? root : path.dirname(root);
    watchers.push(
      watch(dir, { recursive: isDir }, (_event, name) => {
        const file = name ? path.join(dir, name.toString()) : dir;
        if (!isDir && file !== root) return;
        if (name && (IGNORED.test(name.toString()) || !RELEVANT.test(name.toString()))) return;
        changed(file);
      }),
    );
  }
  if (configFile && !roots.some((r) => configFile.startsWith(r + path.sep))) {
    watchers.push(
      watch(path.dirname(configFile), (_event, name) => {
        if (name && name.toString() === path.basename(configFile)) changed(configFile);
      }),
    );
  }

  return new Promise((resolve) => {
    const stop = () => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.stdout(`\nBevakningen avslutad.\n`);
      resolve(lastCode);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    // `styrdok check --watch | head` has no reader once head is done: the watch ends at its next output, as
    // `tail -f` does, instead of checking for no one until it is killed.
    io.onStdoutGone?.(stop);
    void round(`Kontrollerar ${roots.map((r) => path.relative(io.cwd, r) || '.').join(', ')}…`);
  });
}
