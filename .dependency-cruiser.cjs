// The import directions of docs/ARCHITECTURE.md ("Layers"), checked by `npm run check:imports`.
// Each src/ folder may import only the folders listed for it; the emulator, a test double, imports
// none of the connector's code; Nango scripts import only nango, zod, url and files under connectors/.
const allowed = {
    errors: [],
    connector: ['errors'],
    http: ['errors'],
    oauth: ['errors', 'connector', 'http'],
    store: ['errors', 'connector'],
    connections: ['errors', 'connector', 'http', 'oauth', 'store'],
    harness: ['errors', 'connector', 'http', 'oauth', 'store', 'connections'],
    'connect-ui': ['errors', 'connector', 'http', 'oauth', 'store', 'connections', 'harness'],
    emulator: [],
};

const layerRules = Object.entries(allowed).map(([layer, below]) => ({
    name: `layer-${layer}`,
    comment: `src/${layer}/ may import only ${below.length > 0 ? below.map((name) => `src/${name}/`).join(', ') : 'its own folder'} (docs/ARCHITECTURE.md, Layers).`,
    severity: 'error',
    from: { path: `^src/${layer}/` },
    to: { path: '^src/', pathNot: [`^src/(${[layer, ...below].join('|')})/`] },
}));

module.exports = {
    forbidden: [
        ...layerRules,
        {
            name: 'runtime-not-on-tooling',
            comment: 'The package (src/, connectors/) never imports the tests, the bench or the compiler.',
            severity: 'error',
            from: { path: '^(src|connectors)/' },
            to: { path: '^(test|bench|scripts)/' },
        },
        {
            name: 'scripts-stay-in-connectors',
            comment: 'Nango scripts import only nango, zod, url and relative files under connectors/ (Nango bundles them alone).',
            severity: 'error',
            from: { path: '^connectors/(shared/|index\\.ts|[^/]+/(syncs|actions|on-events)/)' },
            to: { pathNot: ['^connectors/', '^node_modules/(nango|zod)/', '^url$'] },
        },
    ],
    options: {
        tsConfig: { fileName: 'tsconfig.json' },
        tsPreCompilationDeps: true,
        doNotFollow: { path: 'node_modules' },
        exclude: { path: '^(dist|connectors/build|connectors/\\.nango)/' },
        enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    },
};
