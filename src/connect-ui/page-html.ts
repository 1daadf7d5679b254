import { escapeHtml, htmlDocument } from './html-document.js';
import type { FormField, FormModel } from './form-model.js';

// Renders the form from the model on the server, so that labels, descriptions and help links are
// in the document before any script runs; page/app.ts adds checking as you type and the buttons.

const pasteFields = { region: 'tld', environmentId: 'environmentId' } as const;

function inputId(field: FormField): string {
    return `field-${field.group}-${field.key}`;
}

function helpLink(field: FormField): string {
    if (field.helpUrl === undefined) return '';
    return ` <a class="help" href="${escapeHtml(field.helpUrl)}" target="_blank" rel="noopener noreferrer">Where do I find the ${escapeHtml(field.title)}?</a>`;
}

function control(field: FormField, describedBy: string): string {
    const id = inputId(field);
    const common = `id="${id}" name="${escapeHtml(field.key)}" data-group="${field.group}" aria-describedby="${describedBy}" aria-invalid="false"${field.required ? ' required aria-required="true"' : ''}`;
    if (field.options !== undefined) {
        const placeholder = field.defaultValue === undefined ? `<option value="">Choose…</option>` : '';
        const options = field.options
            .map(
                (option) =>
                    `<option value="${escapeHtml(option.value)}"${option.value === field.defaultValue ? ' selected' : ''}>${escapeHtml(option.label)}</option>`,
            )
            .join('');
        return `<select ${common}>${placeholder}${options}</select>`;
    }
    const type = field.secret ? 'password' : 'text';
    const autocomplete = field.secret ? 'new-password' : 'off';
    // A secret's default would be a shared secret: never put one in the page.
    const value = field.defaultValue === undefined || field.secret ? '' : ` value="${escapeHtml(field.defaultValue)}"`;
    // No placeholder: an example value in an empty field makes the form look filled in. The example is in the description.
    const input = `<input ${common} type="${type}" autocomplete="${autocomplete}" spellcheck="false" autocapitalize="off"${value}>`;
    if (!field.secret) return input;
    // The accessible name starts with the visible text and changes with it (WCAG 2.5.3, label in name).
    return `<div class="secret">${input}<button type="button" class="reveal" aria-controls="${id}" aria-label="Show ${escapeHtml(field.title)}" data-title="${escapeHtml(field.title)}">Show</button></div>`;
}

// Schemas written for Nango often leave off the full stop; the example follows as its own sentence.
function sentence(text: string): string {
    return text === '' || /[.!?]$/.test(text) ? text : `${text}.`;
}

function fieldHtml(field: FormField): string {
    const id = inputId(field);
    const example = field.example !== undefined && !field.secret ? ` <span class="example">Example: <code>${escapeHtml(field.example)}</code></span>` : '';
    return `
      <div class="field" data-field="${escapeHtml(field.key)}">
        <label for="${id}">${escapeHtml(field.title)}${field.required ? ' <span class="required" aria-hidden="true">*</span>' : ''}</label>
        <p class="description" id="${id}-description">${escapeHtml(sentence(field.description))}${example}${helpLink(field)}</p>
        ${control(field, `${id}-description ${id}-error`)}
        <p class="error" id="${id}-error" aria-live="polite"></p>
      </div>`;
}

function hasPasteBox(model: FormModel): boolean {
    const keys = new Set(model.fields.filter((field) => field.group === 'connectionConfig').map((field) => field.key));
    return keys.has(pasteFields.region) && keys.has(pasteFields.environmentId);
}

function pasteBoxHtml(): string {
    return `
      <div class="paste">
        <label for="paste">Paste an address from PingOne</label>
        <p class="description" id="paste-description">Optional shortcut: the admin console's address, an application's Authorization URL, Token URL or Issuer, or an API address. The region and Environment ID are read from it. Example: <code>https://console.pingone.eu/?env=f2aba07d-270c-42ba-8811-01af5f63d458</code></p>
        <input id="paste" type="text" autocomplete="off" spellcheck="false" autocapitalize="off" aria-describedby="paste-description paste-message">
        <p id="paste-message" class="paste-message" aria-live="polite"></p>
      </div>`;
}

function actionsHtml(model: FormModel, redirectUri: string): string {
    if (model.authMode === 'OAUTH2') {
        return `<button type="submit" id="connect-oauth" aria-describedby="saves redirect-uri">Connect with PingOne</button>
        <p class="description" id="saves">You sign in to PingOne; once that works, the connection is saved.</p>
        <p class="description" id="redirect-uri">PingOne sends you back to <code>${escapeHtml(redirectUri)}</code>: the application's Redirect URIs must include it.</p>`;
    }
    // The test is also the save: the button says both.
    return `<button type="submit" id="test-connection" aria-describedby="saves">Test and save</button>
        <p class="description" id="saves">The connection is saved only if the test succeeds.</p>`;
}

export interface PageOptions {
    model: FormModel;
    connectionName: string;
    /** The per-launch token the page sends with every request that changes something. */
    launchToken: string;
    /** The sign-on flow's redirect URI, shown for authorization-code providers. */
    redirectUri: string;
    /** A connection of that name is saved already: saving replaces it. */
    replacing: boolean;
}

function replacingHtml(connectionName: string): string {
    return ` <strong class="replacing">A connection named ${escapeHtml(connectionName)} is saved already: connecting replaces it.</strong>`;
}

export function renderPage({ model, connectionName, launchToken, redirectUri, replacing }: PageOptions): string {
    const pageData = { model, connectionName };
    // JSON in a <script type="application/json"> must not contain "</script"; escaping "<" keeps it inert.
    const json = JSON.stringify(pageData).replace(/</g, '\\u003c');
    return htmlDocument({
        title: `Connect ${model.displayName}`,
        head: `
    <meta name="launch-token" content="${escapeHtml(launchToken)}">`,
        main: `      <h1>Connect ${escapeHtml(model.displayName)}</h1>
      <p class="intro">Saved as the connection <strong>${escapeHtml(connectionName)}</strong>. ${replacing ? replacingHtml(connectionName) : ''} Fields marked <span class="required">*</span> are required. <a class="help" href="${escapeHtml(model.guideUrl)}" target="_blank" rel="noopener noreferrer">Setup guide</a></p>
      <form id="connect-form" novalidate>
        ${hasPasteBox(model) ? pasteBoxHtml() : ''}
        ${model.fields.map(fieldHtml).join('')}
        <div class="actions">${actionsHtml(model, redirectUri)}</div>
        <div id="result" class="result" role="status" aria-live="polite" tabindex="-1"></div>
      </form>`,
        afterMain: `
    <script type="application/json" id="page-data">${json}</script>
    <script type="module" src="/assets/page.js"></script>`,
    });
}
