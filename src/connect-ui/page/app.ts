// The page's behaviour, bundled for the browser by the Connect UI server. The form itself is
// rendered on the server from the schemas; this checks fields as they change, runs the paste box,
// and sends the form. The same check and paste modules run on the server.

import { checkField } from '../field-check.js';
import type { FormField, FormModel } from '../form-model.js';
import { readPastedValue } from '../paste-box.js';
import type { ConnectResponse } from '../protocol.js';

interface PageData {
    model: FormModel;
    connectionName: string;
}

const pageData = JSON.parse(document.getElementById('page-data')!.textContent!) as PageData;
const launchToken = document.querySelector<HTMLMetaElement>('meta[name="launch-token"]')!.content;
const form = document.getElementById('connect-form') as HTMLFormElement;
const result = document.getElementById('result') as HTMLElement;
const { fields } = pageData.model;

function controlOf(field: FormField): HTMLInputElement | HTMLSelectElement {
    return document.getElementById(`field-${field.group}-${field.key}`) as HTMLInputElement | HTMLSelectElement;
}

function showProblem(field: FormField, problem: string | undefined): void {
    const control = controlOf(field);
    control.setAttribute('aria-invalid', problem === undefined ? 'false' : 'true');
    document.getElementById(`${control.id}-error`)!.textContent = problem ?? '';
}

function check(field: FormField): string | undefined {
    const problem = checkField(field, controlOf(field).value);
    showProblem(field, problem);
    return problem;
}

for (const field of fields) {
    const control = controlOf(field);
    // An empty field is only "required" once the user has left it; while typing, every change is checked.
    control.addEventListener('input', () => check(field));
    control.addEventListener('change', () => check(field));
    control.addEventListener('blur', () => {
        if (control.value !== '' || control.dataset['touched'] === 'true') check(field);
        control.dataset['touched'] = 'true';
    });
}

const pasteBox = document.getElementById('paste') as HTMLInputElement | null;
if (pasteBox !== null) {
    const region = fields.find((field) => field.group === 'connectionConfig' && field.key === 'tld')!;
    const environment = fields.find((field) => field.group === 'connectionConfig' && field.key === 'environmentId')!;
    const message = document.getElementById('paste-message')!;
    const read = (): void => {
        if (pasteBox.value.trim() === '') {
            message.textContent = '';
            message.className = 'paste-message';
            return;
        }
        const pasted = readPastedValue(pasteBox.value, { regions: region.options ?? [], regionTitle: region.title, environmentIdTitle: environment.title });
        message.textContent = pasted.message;
        if (!pasted.ok) {
            message.className = 'paste-message problem';
            return;
        }
        controlOf(region).value = pasted.tld;
        check(region);
        if (pasted.environmentId !== undefined) controlOf(environment).value = pasted.environmentId;
        const environmentProblem = pasted.environmentId === undefined ? undefined : check(environment);
        // A region without a usable environment is half the answer: say so in the colour too.
        message.className = `paste-message ${pasted.environmentId === undefined || environmentProblem !== undefined ? 'partial' : 'ok'}`;
    };
    pasteBox.addEventListener('input', read);
}

// The secret is masked; a person checking what they pasted may show it (never sent anywhere else).
document.querySelectorAll<HTMLButtonElement>('button.reveal').forEach((button) => {
    const input = document.getElementById(button.getAttribute('aria-controls')!) as HTMLInputElement;
    button.addEventListener('click', () => {
        const shown = input.type === 'password';
        input.type = shown ? 'text' : 'password';
        button.setAttribute('aria-pressed', String(shown));
        button.textContent = shown ? 'Hide' : 'Show';
    });
});

function showResult(kind: 'working' | 'ok' | 'problem', title: string, detail?: string): void {
    result.className = `result ${kind}`;
    result.replaceChildren();
    const heading = document.createElement('p');
    heading.className = 'result-title';
    heading.textContent = title;
    result.append(heading);
    if (detail !== undefined && detail !== '') {
        const body = document.createElement('p');
        body.textContent = detail;
        result.append(body);
    }
    if (kind !== 'working') result.focus();
}

function showResponse(response: ConnectResponse): void {
    if (response.ok) {
        // Back from a sign-on the page was reloaded: show the values the connection was saved with.
        for (const field of fields) {
            const saved = response.connectionConfig?.[field.key];
            if (field.group === 'connectionConfig' && saved !== undefined) controlOf(field).value = saved;
        }
        showResult('ok', response.message, response.detail);
        return;
    }
    showResult('problem', response.message, response.hint);
    const field = fields.find((candidate) => candidate.key === response.field);
    if (field !== undefined) showProblem(field, response.message);
}

function formValues(): { connectionConfig: Record<string, string>; credentials: Record<string, string> } {
    const values = { connectionConfig: {} as Record<string, string>, credentials: {} as Record<string, string> };
    for (const field of fields) values[field.group][field.key] = controlOf(field).value;
    return values;
}

async function send(path: string, body: unknown): Promise<ConnectResponse> {
    const response = await fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-launch-token': launchToken },
        body: JSON.stringify(body),
        credentials: 'same-origin',
    });
    return (await response.json()) as ConnectResponse;
}

form.addEventListener('submit', (event) => {
    event.preventDefault();
    const problems = fields.map((field) => ({ field, problem: check(field) })).filter((entry) => entry.problem !== undefined);
    const firstProblem = problems[0];
    if (firstProblem !== undefined) {
        showResult(
            'problem',
            `Fix ${problems.length === 1 ? 'one field' : `${problems.length} fields`} first.`,
            problems.map((entry) => entry.problem).join(' '),
        );
        controlOf(firstProblem.field).focus();
        return;
    }
    const oauth = pageData.model.authMode === 'OAUTH2';
    const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    submit.disabled = true;
    showResult('working', oauth ? 'Opening PingOne sign-on…' : 'Testing the connection: fetching a token and reading the environment…');
    send(oauth ? '/api/authorize' : '/api/test-connection', formValues())
        .then((response) => {
            if (response.ok && response.redirect !== undefined) {
                window.location.assign(response.redirect);
                return;
            }
            showResponse(response);
        })
        .catch((error: unknown) => showResult('problem', 'The Connect UI server did not answer.', `Is the command still running? (${String(error)})`))
        .finally(() => {
            submit.disabled = false;
        });
});

// Back from PingOne's sign-on page: the server finished the code exchange and kept the outcome.
const flow = new URLSearchParams(window.location.search).get('flow');
if (flow !== null) {
    // The outcome is handed out once: a reload should show the form, not "already shown".
    const address = new URL(window.location.href);
    address.searchParams.delete('flow');
    window.history.replaceState(null, '', address);
    void fetch(`/api/flows/${encodeURIComponent(flow)}`, { headers: { 'x-launch-token': launchToken } })
        .then(async (response) => showResponse((await response.json()) as ConnectResponse))
        .catch(() => showResult('problem', 'Could not read the result of the sign-on.'));
}
