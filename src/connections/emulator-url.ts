import { UsageError } from '../errors/index.js';
import { loopbackUrl } from '../http/loopback-url.js';

/**
 * An emulator receives the connection's credentials, so it must be a loopback origin (the same
 * rule the dispatcher applies): nothing but this machine may stand in for PingOne. A path is refused
 * too, since the emulator answers at its root.
 */
export function checkEmulatorUrl(text: string): string {
    const checked = loopbackUrl(text);
    if (checked.kind === 'not-a-url') {
        throw new UsageError(`--emulator "${text}" is not a URL.`, {
            flag: '--emulator',
            hint: 'Give the origin `npx pingone-connector emulator` printed, e.g. http://127.0.0.1:8787.',
        });
    }
    const { url } = checked;
    if (checked.kind === 'elsewhere' || url.pathname.replace(/\/+$/, '') !== '') {
        throw new UsageError(`--emulator must be a loopback origin such as http://127.0.0.1:8787; got "${url.origin}${url.pathname}".`, {
            flag: '--emulator',
            hint: 'The emulator receives the connection credentials, so only an address on this machine is accepted.',
        });
    }
    return url.origin;
}
