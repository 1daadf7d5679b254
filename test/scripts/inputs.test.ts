// The scripts build request bodies from the fields their input schema declares, even when a platform
// hands them an input it did not check (Nango may run a script on an input its schema never saw).
import { describe, expect, it } from 'vitest';
import * as z from 'zod';

import { declaredOnly, UserAttributes } from '../../connectors/shared/inputs.js';

describe('declaredOnly: what reaches a request body', () => {
    it('keeps the declared fields, nested ones included, and drops every other key', () => {
        const schema = UserAttributes.extend({ id: z.string() });
        const unchecked = {
            id: 'u1',
            title: 'Engineer',
            name: { given: 'Ada', admin: true },
            address: { countryCode: 'GB', population: 'x' },
            enabled: false,
            population: { id: 'elsewhere' },
            mfaEnabled: true,
        } as unknown as z.infer<typeof schema>;
        expect(declaredOnly(schema, unchecked)).toEqual({ id: 'u1', title: 'Engineer', name: { given: 'Ada' }, address: { countryCode: 'GB' } });
    });
});
