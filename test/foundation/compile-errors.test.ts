import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileSources } from '../../scripts/compiler/compile-sources.js';
import { DefinitionError, type DefinitionProblem } from '../../src/errors/index.js';
import { makeCompileFixture, runCompile, type CompileFixture } from './compile-fixture.js';

let fixture: CompileFixture;
beforeEach(() => {
    fixture = makeCompileFixture();
});
afterEach(() => fixture.remove());

async function problemsOf(): Promise<DefinitionProblem[]> {
    try {
        await compileSources({ sourceRoot: fixture.root, outputRoot: fixture.root });
    } catch (error) {
        expect(error).toBeInstanceOf(DefinitionError);
        return [...(error as DefinitionError).problems];
    }
    throw new Error('the compiler accepted the broken sources');
}

/** The sources produce exactly one problem, at this place, whose message contains `message`. */
async function expectOnlyProblem(expected: { file?: string; line: number; column: number; keyPath: string; message: string }): Promise<void> {
    const { message, ...place } = expected;
    expect(await problemsOf()).toEqual([expect.objectContaining({ ...place, message: expect.stringContaining(message) })]);
}

describe('compile errors name the file, line, column and key path', () => {
    it('the unmodified sources compile', async () => {
        const files = await compileSources({ sourceRoot: fixture.root, outputRoot: fixture.root });
        expect([...files.keys()]).toContain('connectors/registry.generated.ts');
    });

    it('an unknown key, with the keys allowed there', async () => {
        fixture.edit(
            'providers.yaml',
            "    scope_separator: ' '\n    token_params:\n        grant_type: client_credentials\n    proxy:",
            "    scope_separator: ' '\n    bogus_key: 1\n    token_params:\n        grant_type: client_credentials\n    proxy:",
        );
        const [problem] = await problemsOf();
        expect(problem).toMatchObject({
            file: 'providers.yaml',
            line: fixture.lineOf('providers.yaml', 'bogus_key'),
            column: 5,
            keyPath: 'pingone-cc.bogus_key',
        });
        expect(problem?.message).toMatch(/^unknown key "bogus_key"; allowed here: display_name, categories, auth_mode/);
    });

    it('an unknown key inside a field', async () => {
        fixture.edit(
            'providers.yaml',
            "            doc_section: '#step-2-finding-your-top-level-domain'",
            "            doc_section: '#step-2-finding-your-top-level-domain'\n            placeholder: x",
        );
        const [problem] = await problemsOf();
        expect(problem).toMatchObject({
            line: fixture.lineOf('providers.yaml', 'placeholder: x'),
            column: 13,
            keyPath: 'pingone.connection_config.tld.placeholder',
        });
    });

    it('a placeholder no field declares', async () => {
        fixture.edit(
            'providers.yaml',
            "base_url: https://api.pingone.${connectionConfig.tld}\n        retry:\n            after:\n                - 'retry-after'\n        paginate:\n            type: link\n            link_path_in_response_body: _links.next.href\n            limit_name_in_request: limit\n    docs: guides/pingone-cc.md",
            "base_url: https://api.pingone.${connectionConfig.region}\n        retry:\n            after:\n                - 'retry-after'\n        paginate:\n            type: link\n            link_path_in_response_body: _links.next.href\n            limit_name_in_request: limit\n    docs: guides/pingone-cc.md",
        );
        const problems = await problemsOf();
        const line = fixture.lineOf('providers.yaml', '${connectionConfig.region}');
        expect(problems).toContainEqual(
            expect.objectContaining({
                line,
                column: 9,
                keyPath: 'pingone-cc.proxy.base_url',
                message: expect.stringContaining('${connectionConfig.region} names no field'),
            }),
        );
    });

    it('a declared field no template uses', async () => {
        fixture.edit(
            'providers.yaml',
            "            doc_section: '#step-2-finding-your-environment-id'\n",
            "            doc_section: '#step-2-finding-your-environment-id'\n        unused:\n            type: string\n            title: Unused\n            description: Nothing uses it.\n            order: 3\n            pattern: '^[a-z]+$'\n            doc_section: '#step-2-finding-your-environment-id'\n",
        );
        await expectOnlyProblem({
            line: fixture.lineOf('providers.yaml', '        unused:'),
            column: 9,
            keyPath: 'pingone-cc.connection_config.unused',
            message: 'no template uses it',
        });
    });

    it('an invalid regular expression', async () => {
        fixture.edit('providers.yaml', "pattern: '^[a-z0-9]{1,20}$'", "pattern: '^[a-z0-9{1,20$'");
        const problems = await problemsOf();
        expect(problems).toContainEqual(
            expect.objectContaining({
                line: fixture.lineOf('providers.yaml', '^[a-z0-9{1,20$'),
                column: 13,
                keyPath: 'pingone-advanced-services.connection_config.environment.pattern',
                message: expect.stringMatching(/^invalid regular expression/),
            }),
        );
    });

    it('an unanchored pattern (a value could carry more after the match)', async () => {
        fixture.edit('providers.yaml', "pattern: '^[a-z0-9]{1,20}$'", "pattern: '^[a-z0-9]{1,20}'");
        const problems = await problemsOf();
        expect(problems[0]).toMatchObject({ keyPath: 'pingone-advanced-services.connection_config.environment.pattern' });
    });

    it('a duplicate provider', async () => {
        fixture.write('providers.yaml', `${fixture.read('providers.yaml')}\npingone-cc:\n    display_name: Again\n`);
        await expectOnlyProblem({
            file: 'providers.yaml',
            line: fixture.read('providers.yaml').split('\n').lastIndexOf('pingone-cc:') + 1,
            column: 1,
            keyPath: 'pingone-cc',
            message: 'duplicate key',
        });
    });

    it('a duplicate field right after the previous one names the field, not its neighbour', async () => {
        fixture.edit(
            'providers.yaml',
            "            doc_section: '#step-2-finding-your-top-level-domain'\n",
            "            doc_section: '#step-2-finding-your-top-level-domain'\n        tld:\n            type: string\n",
        );
        await expectOnlyProblem({
            line: fixture.lineOf('providers.yaml', "doc_section: '#step-2-finding-your-top-level-domain'") + 1,
            column: 9,
            keyPath: 'pingone.connection_config.tld',
            message: 'duplicate key',
        });
    });

    it('malformed YAML', async () => {
        fixture.edit('providers.yaml', '    display_name: PingOne (Client Credentials)', '    display_name: [PingOne (Client Credentials)');
        const [problem] = await problemsOf();
        expect(problem?.file).toBe('providers.yaml');
        expect(problem?.line).toBeGreaterThanOrEqual(fixture.lineOf('providers.yaml', '[PingOne (Client'));
        expect(problem?.message).toMatch(/^malformed YAML/);
    });

    it('a YAML alias, refused at its place rather than crashing the compiler', async () => {
        fixture.edit(
            'providers.yaml',
            '    categories:\n        - dev-tools\n        - iam\n    auth_mode: OAUTH2\n',
            '    categories: &shared\n        - dev-tools\n        - iam\n    auth_mode: OAUTH2\n',
        );
        fixture.edit(
            'providers.yaml',
            '    categories:\n        - dev-tools\n        - iam\n    auth_mode: OAUTH2_CC',
            '    categories: *shared\n    auth_mode: OAUTH2_CC',
        );
        await expectOnlyProblem({
            file: 'providers.yaml',
            line: fixture.lineOf('providers.yaml', 'categories: *shared'),
            column: 17,
            keyPath: 'pingone-cc.categories',
            message: 'YAML aliases are not allowed (*shared); write the value out',
        });
    });

    it('a host that a value could move: a free-text field at the end of a host', async () => {
        fixture.edit('providers.yaml', '.${connectionConfig.region}.ping.cloud', '.${connectionConfig.region}');
        const problems = await problemsOf();
        expect(problems).toContainEqual(
            expect.objectContaining({ keyPath: 'pingone-advanced-services.proxy.base_url', message: expect.stringContaining('must end in a fixed domain') }),
        );
    });

    it('a doc_section that is not a heading of the guide', async () => {
        fixture.edit('guides/pingone-cc.md', '## Step 2: Finding your Environment ID', '## Step 2: Where the Environment ID is');
        const problems = await problemsOf();
        expect(problems).toEqual([
            expect.objectContaining({
                line: fixture.lineOf('providers.yaml', "'#step-2-finding-your-environment-id'"),
                keyPath: 'pingone-cc.connection_config.environmentId.doc_section',
            }),
        ]);
    });

    it('a provider without extensions, and a TLD without a region label', async () => {
        fixture.edit('providers.extensions.yaml', '    sg: { label: Singapore, code: SG, description: Singapore }\n', '');
        const problems = await problemsOf();
        expect(problems).toContainEqual(
            expect.objectContaining({
                file: 'providers.yaml',
                keyPath: 'pingone.connection_config.tld.enum.4',
                message: expect.stringContaining('"sg" has no region'),
            }),
        );
    });

    it('an unknown key in providers.extensions.yaml', async () => {
        fixture.edit(
            'providers.extensions.yaml',
            '        default_scopes: [openid, offline_access]',
            '        default_scopes: [openid, offline_access]\n        homepage: x',
        );
        const [problem] = await problemsOf();
        expect(problem).toMatchObject({
            file: 'providers.extensions.yaml',
            line: fixture.lineOf('providers.extensions.yaml', 'homepage: x'),
            column: 9,
            keyPath: 'providers.pingone.homepage',
        });
    });

    it("default_scopes that drift from the first connection kind's scopes, and a kind's scope missing from the catalogue", async () => {
        fixture.edit('providers.extensions.yaml', '        default_scopes: [openid, offline_access]', '        default_scopes: [openid, profile, email]');
        fixture.edit('providers.extensions.yaml', '                    - p1:read:device', '                    - p1:read:devices');
        const problems = await problemsOf();
        expect(problems.map((problem) => problem.keyPath)).toEqual(
            expect.arrayContaining(['providers.pingone.default_scopes', 'providers.pingone.connection_kinds.self-service.scopes.6']),
        );
    });

    it('the CLI prints every problem as file:line:column: key path: message, and writes nothing', async () => {
        fixture.edit('providers.yaml', "pattern: '^[a-z0-9]{1,20}$'", "pattern: '^[a-z0-9{1,20$'");
        const result = await runCompile(['--source', fixture.root]);
        expect(result.code).toBe(1);
        const line = fixture.lineOf('providers.yaml', '^[a-z0-9{1,20$');
        expect(result.stderr).toContain(
            `providers.yaml:${line}:13: pingone-advanced-services.connection_config.environment.pattern: invalid regular expression`,
        );
        expect(result.stderr).toContain('no file was written');
        expect(existsSync(join(fixture.root, 'connectors'))).toBe(false);
        expect(readdirSync(join(fixture.root, 'schemas')).sort()).toEqual(['providers.extensions.schema.json', 'providers.schema.json']);
    });
});
