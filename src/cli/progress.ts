import type { RunProgress } from '../harness/index.js';
import type { CommandContext } from './command.js';
import { count } from './table.js';

/**
 * A one-line progress display on a terminal (pages, requests, records, records per second), redrawn
 * at most a few times a second; nothing at all when stdout is not a TTY. A page is one batch of
 * records the script saved: the scripts save one per page PingOne returns, and a fan-out sync's
 * many small requests make fewer pages than requests.
 */
export function progressReporter(context: CommandContext, label: string) {
    let pages = 0;
    let requests = 0;
    let records = 0;
    let lastDraw = 0;
    const started = Date.now();
    const draw = (force: boolean) => {
        const now = Date.now();
        if (!context.isTTY || (!force && now - lastDraw < 200)) return;
        lastDraw = now;
        const seconds = Math.max((now - started) / 1000, 0.001);
        context.stderr.write(
            `\r\x1b[K${label}: ${count(pages, 'page')}, ${count(requests, 'request')}, ${count(records, 'record')}, ${Math.round(records / seconds)} records/s`,
        );
    };
    return {
        onProgress(event: RunProgress) {
            if (event.kind === 'request') requests += 1;
            else {
                pages += 1;
                records += event.saved;
            }
            draw(false);
        },
        done() {
            if (context.isTTY && lastDraw > 0) context.stderr.write('\r\x1b[K');
        },
    };
}
