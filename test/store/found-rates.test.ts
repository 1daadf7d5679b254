import { describe, expect, it } from 'vitest';
import { useTempStore } from './temp-store.js';

const temp = useTempStore();

describe('found rates', () => {
    it("keeps the rate a connection's budget found, replaces it with the next, and forgets it when told the budget knows nothing", () => {
        const { store, clock } = temp;
        expect(store.foundRates.get('demo')).toBeUndefined();
        store.foundRates.save('demo', { requestsPerSecond: 9.5, limitAt: 10 });
        expect(store.foundRates.get('demo')).toEqual({ requestsPerSecond: 9.5, limitAt: 10, foundAt: clock.now });
        const later = clock.tick();
        store.foundRates.save('demo', { requestsPerSecond: 19, limitAt: 20 });
        expect(store.foundRates.get('demo')).toEqual({ requestsPerSecond: 19, limitAt: 20, foundAt: later });
        store.foundRates.save('demo', undefined);
        expect(store.foundRates.get('demo')).toBeUndefined();
    });

    it('goes with its connection, and a new source (clearData) forgets it: another environment may be another licence', () => {
        const { store } = temp;
        store.foundRates.save('demo', { requestsPerSecond: 9.5, limitAt: 10 });
        store.connections.clearData('demo');
        expect(store.foundRates.get('demo')).toBeUndefined();
        store.foundRates.save('demo', { requestsPerSecond: 9.5, limitAt: 10 });
        store.connections.remove('demo');
        store.connections.save({ name: 'demo', provider: 'pingone-cc', config: { environmentId: 'f9a7d1c2-0b1e-4d1a-9a0e-3f2c1b4a5d6e', tld: 'com' } });
        expect(store.foundRates.get('demo')).toBeUndefined();
    });

    it("saving for a connection removed while its run went on is a no-op, so that the run's own failure is what surfaces", () => {
        const { store } = temp;
        store.connections.remove('demo');
        expect(() => store.foundRates.save('demo', { requestsPerSecond: 9.5, limitAt: 10 })).not.toThrow();
        expect(() => store.foundRates.save('demo', undefined)).not.toThrow();
    });
});
