import { spawn } from 'node:child_process';

// `--open`: hand the page's address to the desktop's browser. Only when asked: the command may run
// over SSH or in a container, where printing the address is the useful thing.

function opener(url: string): { command: string; args: string[] } {
    if (process.platform === 'darwin') return { command: 'open', args: [url] };
    // `start` would read the URL's "&" as a command separator; the URL handler takes it whole.
    if (process.platform === 'win32') return { command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] };
    return { command: 'xdg-open', args: [url] };
}

/** Resolves once the opener has started; rejects when there is none on this machine. */
export function openInBrowser(url: string): Promise<void> {
    const { command, args } = opener(url);
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { stdio: 'ignore', detached: true });
        child.once('error', reject);
        child.once('spawn', () => {
            child.unref();
            resolve();
        });
    });
}
