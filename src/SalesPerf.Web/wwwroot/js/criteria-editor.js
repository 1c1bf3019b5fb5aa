// A form for a stage's completion criteria inside the Elsa Studio designer. The Studio (a prebuilt Blazor app) only
// offers a text box for the "Criteria" input, which holds a JSON list of fields; admins are not programmers. This
// script finds that text box, hides it, shows a form with one card per field instead, and writes the JSON back into
// the box (with the input/change events Blazor listens to), so the Studio saves it as if it had been typed. Settings
// the form does not show (templates…) are kept as they were; nothing is written until the admin changes something.
(() => {
    const host = document.querySelector('[data-criteria-label]');
    if (!host) return;
    const label = host.dataset.criteriaLabel;
    const t = JSON.parse(host.dataset.criteriaStrings);
    const types = ['text', 'number', 'date', 'choice', 'checklist', 'file'];
    const fileTypes = JSON.parse(host.dataset.criteriaFileTypes);
    const defaultFileTypes = ['pdf', 'docx', 'xlsx'];

    // The editor bound to the criteria text box the Studio renders (one at a time: the selected stage's).
    let bound = null;
    // Fields and options the admin added in this session: their keys follow their English label until set by hand.
    const fresh = new WeakSet();
    const moreOpen = new WeakSet();

    const findTextBox = () => {
        const l = [...host.querySelectorAll('label')].find(x => x.textContent.trim() === label);
        return l?.closest('.mud-input-control')?.querySelector('textarea') ?? null;
    };

    // The Studio re-renders the text box when another stage is selected or the JSON view is edited; a cheap poll
    // notices both (Blazor sets .value directly, which no DOM observer sees).
    setInterval(() => {
        const box = findTextBox();
        if (!box) { bound?.root.remove(); bound = null; return; }
        if (bound?.box !== box || !bound.root.isConnected) {
            bound?.root.remove();
            bound = bind(box);
        } else if (box.value !== bound.text) {
            bound.load(box.value);
        }
    }, 250);

    function bind(box) {
        const control = box.closest('.mud-input-control');
        const root = h('section', { class: 'sp-criteria', 'aria-label': label });
        control.before(root);
        const state = { box, root, text: null, fields: null, showText: false, load, error: null };
        load(box.value);

        function load(text) {
            state.text = text;
            try {
                const parsed = text.trim() === '' ? [] : JSON.parse(text);
                if (!Array.isArray(parsed) || parsed.some(f => f === null || typeof f !== 'object' || Array.isArray(f))) throw new Error(t.notAList);
                state.fields = parsed;
                state.error = null;
            } catch (e) {
                state.fields = null;
                state.error = e.message;
            }
            render();
        }

        function save() {
            const text = JSON.stringify(state.fields, null, 2);
            state.text = text;
            box.value = text;
            box.dispatchEvent(new Event('input', { bubbles: true }));
            box.dispatchEvent(new Event('change', { bubbles: true }));
            // After the browser has moved the focus on (a change fires as the admin tabs away), so it can be put back.
            setTimeout(render);
        }

        function render() {
            const focused = root.contains(document.activeElement) ? document.activeElement.dataset.focus : null;
            const showText = state.showText || state.fields === null;
            if (showText) delete box.dataset.spHidden; else box.dataset.spHidden = '1';
            const body = [
                h('div', { class: 'sp-criteria-head' },
                    h('strong', {}, label),
                    state.fields === null ? null : h('button', { type: 'button', class: 'sp-link', onclick: () => { state.showText = !state.showText; render(); } },
                        showText ? t.hideText : t.showText)),
            ];
            if (state.fields === null) {
                body.push(h('p', { class: 'sp-criteria-error', role: 'alert' }, `${t.invalid} (${state.error})`));
            } else {
                if (state.fields.length === 0) body.push(h('p', { class: 'sp-criteria-error', role: 'alert' }, t.none));
                state.fields.forEach((f, i) => body.push(fieldCard(f, i)));
                body.push(h('button', { type: 'button', class: 'sp-add', onclick: addField }, '+ ' + t.addField));
            }
            root.replaceChildren(...body);
            if (focused) root.querySelector(`[data-focus="${focused}"]`)?.focus();
        }

        function addField() {
            const field = { key: uniqueKey('field'), labelZh: '', labelEn: '', type: 'text', required: true };
            fresh.add(field);
            state.fields.push(field);
            save();
            setTimeout(() => root.querySelector(`[data-focus="${state.fields.length - 1}:labelZh"]`)?.focus());
        }

        const uniqueKey = (base, self) => unique(base, state.fields.filter(f => f !== self).map(f => f.key));

        function fieldCard(f, i) {
            const set = (name, value) => {
                if (value === '' || value === null || value === undefined) delete f[name]; else f[name] = value;
                if (fresh.has(f) && (name === 'labelEn' || name === 'labelZh')) f.key = uniqueKey(keyFrom(f.labelEn) || 'field', f);
                save();
            };
            const move = d => { state.fields.splice(i, 1); state.fields.splice(i + d, 0, f); save(); };
            const type = (f.type ?? '').toLowerCase();
            const typeOptions = types.map(x => h('option', { value: x, selected: x === type }, t.types[x]));
            if (!types.includes(type)) typeOptions.unshift(h('option', { value: f.type ?? '', selected: true }, `${f.type ?? ''} ?`));
            const labelMissing = !(f.labelZh ?? '').trim() && !(f.labelEn ?? '').trim();

            return h('div', { class: 'sp-field', 'data-key': f.key ?? '' },
                h('div', { class: 'sp-row' },
                    text(t.labelZh, f.labelZh, v => set('labelZh', v), { focus: `${i}:labelZh`, invalid: labelMissing }),
                    text(t.labelEn, f.labelEn, v => set('labelEn', v), { focus: `${i}:labelEn`, invalid: labelMissing }),
                    h('label', { class: 'sp-in' }, h('span', {}, t.type),
                        h('select', { 'data-focus': `${i}:type`, onchange: e => changeType(f, e.target.value, set) }, ...typeOptions)),
                    h('label', { class: 'sp-check' },
                        h('input', { type: 'checkbox', 'data-focus': `${i}:required`, checked: f.required !== false, onchange: e => set('required', e.target.checked) }),
                        t.required),
                    h('span', { class: 'sp-tools' },
                        h('button', { type: 'button', title: t.up, 'aria-label': t.up, disabled: i === 0, onclick: () => move(-1) }, '↑'),
                        h('button', { type: 'button', title: t.down, 'aria-label': t.down, disabled: i === state.fields.length - 1, onclick: () => move(1) }, '↓'),
                        h('button', { type: 'button', title: t.remove, 'aria-label': t.remove, class: 'sp-remove', onclick: () => { state.fields.splice(i, 1); save(); } }, '✕'))),
                labelMissing ? h('p', { class: 'sp-criteria-error' }, t.labelNeeded) : null,
                typeRow(f, i, type, set),
                h('details', { class: 'sp-more', open: moreOpen.has(f), ontoggle: e => e.target.open ? moreOpen.add(f) : moreOpen.delete(f) },
                    h('summary', {}, `${t.more} · ${t.key}: ${f.key ?? ''}`),
                    h('div', { class: 'sp-row' },
                        text(t.key, f.key, v => { fresh.delete(f); set('key', v); }, { focus: `${i}:key`, hint: t.keyHint }),
                        text(t.helpZh, f.helpZh, v => set('helpZh', v), { focus: `${i}:helpZh` }),
                        text(t.helpEn, f.helpEn, v => set('helpEn', v), { focus: `${i}:helpEn` }))));
        }

        // Settings of the old type would linger unseen in the JSON; the new type starts clean.
        function changeType(f, type, set) {
            for (const name of ['minLength', 'min', 'max', 'unit', 'options', 'items', 'fileTypes']) delete f[name];
            set('type', type);
        }

        function typeRow(f, i, type, set) {
            const num = v => v === '' ? null : Number(v);
            switch (type) {
                case 'text':
                    return h('div', { class: 'sp-row' }, text(t.minLength, f.minLength, v => set('minLength', num(v)), { focus: `${i}:minLength`, type: 'number', min: 0 }));
                case 'number':
                    return h('div', { class: 'sp-row' },
                        text(t.min, f.min, v => set('min', num(v)), { focus: `${i}:min`, type: 'number' }),
                        text(t.max, f.max, v => set('max', num(v)), { focus: `${i}:max`, type: 'number' }),
                        text(t.unit, f.unit, v => set('unit', v), { focus: `${i}:unit` }));
                case 'choice':
                case 'checklist':
                    return optionsRow(f, i, set);
                case 'file': {
                    const chosen = Array.isArray(f.fileTypes) && f.fileTypes.length ? f.fileTypes.map(x => String(x).toLowerCase()) : defaultFileTypes;
                    return h('fieldset', { class: 'sp-row sp-filetypes' }, h('legend', {}, t.fileTypes),
                        ...fileTypes.map(ft => h('label', { class: 'sp-check' },
                            h('input', {
                                type: 'checkbox', value: ft, checked: chosen.includes(ft),
                                onchange: e => set('fileTypes', e.target.checked ? [...chosen, ft] : chosen.filter(x => x !== ft)),
                            }), ft)));
                }
                default:
                    return null;
            }
        }

        function optionsRow(f, i, set) {
            // The engine also reads "items" and plain strings; written back, options are always {value, zh, en}.
            const source = Array.isArray(f.options) ? f.options : Array.isArray(f.items) ? f.items : [];
            const list = source.map(o => typeof o === 'string' ? { value: o, zh: o, en: o } : o);
            const write = () => { delete f.items; set('options', list); };
            const add = () => {
                const option = { value: uniqueValue('option'), zh: '', en: '' };
                fresh.add(option);
                list.push(option);
                write();
            };
            const uniqueValue = (base, self) => unique(base, list.filter(o => o !== self).map(o => o.value));
            return h('fieldset', { class: 'sp-options' }, h('legend', {}, t.options),
                ...list.map((o, j) => h('div', { class: 'sp-row' },
                    text(t.optionZh, o.zh, v => { o.zh = v; write(); }, { focus: `${i}:option${j}:zh` }),
                    text(t.optionEn, o.en, v => { o.en = v; if (fresh.has(o)) o.value = uniqueValue(keyFrom(v) || 'option', o); write(); }, { focus: `${i}:option${j}:en` }),
                    h('button', { type: 'button', class: 'sp-remove', title: t.remove, 'aria-label': t.remove, onclick: () => { list.splice(j, 1); write(); } }, '✕'))),
                list.length === 0 ? h('p', { class: 'sp-criteria-error' }, t.optionsNeeded) : null,
                h('button', { type: 'button', class: 'sp-add', onclick: add }, '+ ' + t.addOption));
        }

        return state;
    }

    function text(caption, value, onChange, { focus, type = 'text', min, hint, invalid } = {}) {
        return h('label', { class: 'sp-in' + (invalid ? ' sp-invalid' : '') }, h('span', {}, caption),
            h('input', { type, min, value: value ?? '', title: hint, 'data-focus': focus, onchange: e => onChange(e.target.value.trim()) }));
    }

    // base, or base2, base3… if taken.
    function unique(base, taken) {
        let name = base, n = 2;
        while (taken.includes(name)) name = base + n++;
        return name;
    }

    // "Site survey report" → "siteSurveyReport": the key deals and reports store the answer under.
    function keyFrom(english) {
        const words = (english ?? '').normalize('NFKD').replace(/[^A-Za-z0-9 ]+/g, ' ').trim().split(/\s+/).filter(Boolean);
        if (!words.length || !/^[A-Za-z]/.test(words[0])) return '';
        return words.map((w, i) => i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase()).join('').slice(0, 64);
    }

    function h(tag, attrs, ...children) {
        const el = document.createElement(tag);
        for (const [k, v] of Object.entries(attrs)) {
            if (v === undefined || v === null || v === false) continue;
            if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
            else if (k === 'value' || k === 'checked' || k === 'selected') el[k] = v;
            else el.setAttribute(k, v === true ? '' : v);
        }
        el.append(...children.filter(c => c !== null && c !== undefined));
        return el;
    }
})();
