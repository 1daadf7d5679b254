// The page's behaviour, bundled for the browser by the Connect UI server. The form itself is
// rendered on the server from the schemas; this checks fields as they change, runs the paste box,
// and sends the form. The same check and paste modules run on the server.

import { checkField } from '../field-check.js';
import type { FormField, FormModel } from '../form-model.js';
import { readPastedValue } from '../paste-box.js';
import type { ConnectRequest, ConnectResponse } from '../protocol.js';
import type { StandaloneValidator } from '../../connector/standalone-validator.js';
import { validateConnectionConfig, validateCredentials } from 'provider-validators';

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
    // Each change of the live text is announced: the same problem again is not news.
    const error = document.getElementById(`${control.id}-error`)!;
    if (error.textContent !== (problem ?? '')) error.textContent = problem ?? '';
}

function problemOf(field: FormField): string | undefined {
    return checkField(field, controlOf(field).value);
}

function check(field: FormField): string | undefined {
    const problem = problemOf(field);
    showProblem(field, problem);
    refreshSummary();
    return problem;
}

// The summary shown after a refused submit ("Fix 2 fields first: …") follows the fields: it names
// the fields still at fault, and goes once none is. It changes only when that list does, so a
// screen reader hears it once, not on every keystroke.
let summaryShown = false;

function summaryOf(problems: readonly FormField[]): string {
    return `Fix ${problems.length === 1 ? 'one field' : `${problems.length} fields`} first: ${problems.map((field) => field.title).join(', ')}.`;
}

function refreshSummary(): void {
    if (!summaryShown) return;
    const problems = fields.filter((field) => problemOf(field) !== undefined);
    if (problems.length === 0) {
        summaryShown = false;
        clearResult();
        return;
    }
    const title = result.querySelector('.result-title');
    if (title !== null && title.textContent !== summaryOf(problems)) title.textContent = summaryOf(problems);
}

for (const field of fields) {
    const control = controlOf(field);
    // A field's problem is shown (and announced) when the field is left or the form is sent, not on
    // every keystroke: typing a UUID would make 36 announcements. While typing, a problem shown
    // before only goes away once the value is right.
    control.addEventListener('input', () => {
        if (control.getAttribute('aria-invalid') === 'true' && problemOf(field) === undefined) check(field);
    });
    if (control instanceof HTMLSelectElement) control.addEventListener('change', () => check(field));
    control.addEventListener('blur', (event) => {
        // Leaving for the submit button: the submit checks every field. A message appearing now
        // would move the button away from under the pointer, and the click would be lost.
        const { relatedTarget } = event as FocusEvent;
        const towardsSubmit = relatedTarget instanceof HTMLButtonElement && relatedTarget.type === 'submit';
        if (!towardsSubmit && (control.value !== '' || control.dataset['touched'] === 'true')) check(field);
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
        button.textContent = shown ? 'Hide' : 'Show';
        // The accessible name follows the visible text (WCAG 2.5.3).
        button.setAttribute('aria-label', `${button.textContent} ${button.dataset['title'] ?? ''}`.trim());
    });
});

function clearResult(): void {
    result.className = 'result';
    result.replaceChildren();
}

function showResult(kind: 'working' | 'ok' | 'problem', title: string, detail?: string, help?: FormField): void {
    summaryShown = false;
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
    if (help?.helpUrl !== undefined) {
        // The hint's own guide section: where that value is found in PingOne.
        const link = document.createElement('a');
        link.className = 'help';
        link.href = help.helpUrl;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        link.textContent = `Where do I find the ${help.title}?`;
        const paragraph = document.createElement('p');
        paragraph.append(link);
        result.append(paragraph);
    }
    if (kind !== 'working') result.focus();
}

function showResponse(response: ConnectResponse): void {
    // Back from a sign-on the page was reloaded: the server kept what was typed (never a secret).
    for (const field of fields) {
        const kept = response.values?.[field.group][field.key];
        if (kept !== undefined) controlOf(field).value = kept;
    }
    if (response.ok) {
        showResult('ok', response.message, response.detail);
        return;
    }
    const field = fields.find((candidate) => candidate.key === response.field);
    showResult('problem', response.message, response.hint, field);
    if (field !== undefined) showProblem(field, response.message);
}

const serverStopped = { title: "This page's server has stopped: run the command again.", detail: 'Then open the new address it prints.' };

function formValues(): ConnectRequest {
    const values: ConnectRequest = { connectionConfig: {}, credentials: {} };
    for (const field of fields) values[field.group][field.key] = controlOf(field).value;
    return values;
}

/**
 * The send decision is the connector's own generated validators', run on exactly what the server's
 * gate hands them (checked-request.ts: the config as typed, the credentials that are filled in);
 * checkField only words the problem. Resolves to the field they refuse, if any.
 */
function refusedByValidators(values: ConnectRequest): FormField | undefined {
    const filledCredentials = Object.fromEntries(Object.entries(values.credentials).filter(([, value]) => value !== ''));
    const checks: [FormField['group'], StandaloneValidator, Record<string, string>][] = [
        ['connectionConfig', validateConnectionConfig, values.connectionConfig],
        ['credentials', validateCredentials, filledCredentials],
    ];
    for (const [group, validate, input] of checks) {
        if (validate(input)) continue;
        const issue = validate.errors?.[0];
        const key = issue?.keyword === 'required' ? String(issue.params['missingProperty']) : (issue?.instancePath.slice(1) ?? '');
        return fields.find((field) => field.group === group && field.key === key) ?? fields.find((field) => field.group === group);
    }
    return undefined;
}

/** A request to the page's server; every answer of its API is a ConnectResponse. */
async function ask(path: string, init: RequestInit = {}): Promise<ConnectResponse> {
    let response: Response;
    try {
        response = await fetch(path, { ...init, headers: { ...init.headers, 'x-launch-token': launchToken }, credentials: 'same-origin' });
    } catch {
        // fetch rejects only when no answer came at all: the command was stopped.
        return { ok: false, message: serverStopped.title, hint: serverStopped.detail };
    }
    return (await response.json()) as ConnectResponse;
}

form.addEventListener('submit', (event) => {
    event.preventDefault();
    const problems = fields.filter((field) => check(field) !== undefined);
    const refused = problems.length === 0 ? refusedByValidators(formValues()) : undefined;
    if (refused !== undefined) {
        // The field check found nothing to say (a test keeps the two in agreement): still, nothing is sent.
        showProblem(refused, `${refused.title} is not in a form PingOne accepts; see the guide.`);
        problems.push(refused);
    }
    const firstProblem = problems[0];
    if (firstProblem !== undefined) {
        // Each problem is beside its field; the summary names the fields.
        showResult('problem', summaryOf(problems));
        summaryShown = true;
        controlOf(firstProblem).focus();
        return;
    }
    const oauth = pageData.model.authMode === 'OAUTH2';
    const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    submit.disabled = true;
    showResult('working', oauth ? 'Opening PingOne sign-in…' : 'Testing the connection: fetching a token and reading the environment…');
    ask(oauth ? '/api/authorize' : '/api/test-connection', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(formValues()),
    })
        .then((response) => {
            if (response.ok && response.redirect !== undefined) {
                window.location.assign(response.redirect);
                return;
            }
            showResponse(response);
        })
        .catch(() => showResult('problem', "The answer of this page's server could not be read.", 'See the terminal running the command.'))
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
    void ask(`/api/flows/${encodeURIComponent(flow)}`)
        .then(showResponse)
        .catch(() => showResult('problem', 'The result of the sign-in could not be read.', 'See the terminal running the command.'));
}
