// The form as a plain HTML page for an <iframe>: no script, a normal POST back to the same address; the answer is
// the same page with the thanks or the errors. Every value is escaped.
import type { FieldError } from '../../../core/errors.js';
import { publicForm, type LoadedForm } from './web-forms.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const words = {
  en: { required: 'required', invalid: 'Please check the fields marked below.', confirmed: 'Thank you — your e-mail address is confirmed.', linkBad: 'This confirmation link is not valid or has expired.' },
  'zh-CN': { required: '必填', invalid: '请检查下面标出的字段。', confirmed: '谢谢——您的电子邮件地址已确认。', linkBad: '此确认链接无效或已过期。' },
};
export const pageWords = (lang: string) => words[lang === 'zh-CN' ? 'zh-CN' : 'en'];

const style = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;padding:16px;color:#222}
form{display:flex;flex-direction:column;gap:12px;max-width:480px}label{display:flex;flex-direction:column;gap:4px}
input,textarea{padding:8px;font:inherit;border:1px solid #bbb;border-radius:4px}.consent{flex-direction:row;align-items:flex-start;gap:8px}
.err{color:#c92a2a;font-size:0.9em}.hp{position:absolute;left:-10000px;width:1px;height:1px;opacity:0}button{padding:10px;font:inherit;cursor:pointer}`;

export function htmlPage(lang: string, title: string, body: string): string {
  return `<!doctype html><html lang="${esc(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><style>${style}</style></head><body>${body}</body></html>`;
}

export function formPage(form: LoadedForm, opts: { values?: Record<string, string>; errors?: FieldError[]; pageUrl?: string | null; done?: boolean } = {}): string {
  const w = pageWords(form.language);
  if (opts.done) return htmlPage(form.language, form.name, `<p role="status">${esc(form.successMessage)}</p>`);
  const errorOf = (k: string) => opts.errors?.find((e) => e.path === `fields.${k}`)?.message;
  const fields = publicForm(form)
    .fields.map((f) => {
      const v = esc(opts.values?.[f.key] ?? '');
      const attrs = `name="${esc(f.key)}"${f.required ? ' required' : ''}${f.autocomplete ? ` autocomplete="${f.autocomplete}"` : ''}`;
      const input = f.type === 'textarea' ? `<textarea ${attrs} rows="4">${v}</textarea>` : `<input ${attrs} type="${f.type === 'phone' ? 'tel' : f.type}" value="${v}">`;
      const err = errorOf(f.key);
      return `<label><span>${esc(f.label)}${f.required ? ' *' : ''}</span>${input}${err ? `<span class="err">${esc(err === 'required' ? w.required : err)}</span>` : ''}</label>`;
    })
    .join('');
  const consent = form.consentText ? `<label class="consent"><input type="checkbox" name="consent" value="1"><span>${esc(form.consentText)}</span></label>` : '';
  const page = opts.pageUrl ? `<input type="hidden" name="pageUrl" value="${esc(opts.pageUrl)}">` : '';
  const problem = opts.errors?.length ? `<p class="err" role="alert">${esc(w.invalid)}</p>` : '';
  return htmlPage(
    form.language,
    form.name,
    `${problem}<form method="post">${fields}<input class="hp" name="website" tabindex="-1" autocomplete="off" aria-hidden="true">${page}${consent}<button type="submit">${esc(form.submitLabel)}</button></form>`,
  );
}
