import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input, Radio } from 'antd';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiFailure, fieldProblems, unwrap } from '../api/client';
import { failureText } from '../components/bits';
import { LOCALES, switchLocale, type Locale } from '../i18n';
import { useMe, type Me } from '../lib/session';
import './account.css';

function Problems({ id, list }: { id: string; list: string[] | undefined }) {
  return list ? (
    <span className="field-error" id={id}>
      {list.join(' ')}
    </span>
  ) : null;
}

/** Name and console language (PATCH /me); a new language applies at once and the server's words follow it. */
function Profile({ me }: { me: Me }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState(me.name);
  const [locale, setLocale] = useState<Locale>(me.locale);
  const save = useMutation({
    mutationFn: () => unwrap(api.PATCH('/me', { body: { ...(name.trim() !== me.name ? { name: name.trim() } : {}), locale } })),
    onSuccess: async (updated) => {
      client.setQueryData(['me'], updated);
      if (updated.locale !== me.locale) await switchLocale(updated.locale);
      // Server-made words (rubrics, notification subjects) come in the new language.
      await client.invalidateQueries();
    },
  });
  const problems = fieldProblems(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <section className="account-section" aria-labelledby="profile-title">
      <h2 id="profile-title">{t('account.profile')}</h2>
      <p className="muted">
        {me.email} · {me.roles.map((r) => t(`words:role.${r}`)).join(t('account.listSeparator'))}
      </p>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="account-name">{t('account.name')}</label>
          <Input
            id="account-name"
            data-testid="account-name"
            value={name}
            maxLength={200}
            autoComplete="name"
            status={problems.get('name') ? 'error' : undefined}
            aria-invalid={problems.get('name') ? true : undefined}
            aria-describedby={problems.get('name') ? 'account-name-error' : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          <Problems id="account-name-error" list={problems.get('name')} />
        </div>
        <div className="field">
          <span id="account-language-label">{t('account.language')}</span>
          <Radio.Group
            data-testid="account-locale"
            aria-labelledby="account-language-label"
            value={locale}
            onChange={(e) => setLocale(e.target.value as Locale)}
            options={LOCALES.map((l) => ({ value: l, label: l === 'zh-CN' ? '中文' : 'English' }))}
          />
          <Problems id="account-locale-error" list={problems.get('locale')} />
        </div>
        {save.isSuccess && !save.isPending && <Alert type="success" role="status" title={t('account.saved')} style={{ marginBottom: 12 }} />}
        {save.error && problems.size === 0 && <Alert type="error" role="alert" title={failureText(save.error, t)} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="account-save">
          {t('actions.save')}
        </Button>
      </form>
    </section>
  );
}

/** POST /auth/password: the API says what is wrong (the current password, or a new one too short). */
function PasswordChange() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: () => unwrap(api.POST('/auth/password', { body: { currentPassword: current, newPassword: next } })),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setRepeat('');
    },
  });
  const problems = fieldProblems(change.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMismatch(next !== repeat);
    if (next !== repeat) return;
    change.mutate();
  };
  const throttled = change.error instanceof ApiFailure && change.error.status === 429;
  const field = (id: string, key: string, value: string, set: (v: string) => void, autoComplete: string, extra?: string[], hint?: string) => {
    const list = [...(problems.get(key) ?? []), ...(extra ?? [])];
    const describedBy = [hint, list.length ? `${id}-error` : undefined].filter(Boolean).join(' ') || undefined;
    return (
      <div className="field">
        <label htmlFor={id}>{t(`account.${key}`)}</label>
        <Input.Password
          id={id}
          data-testid={id}
          value={value}
          autoComplete={autoComplete}
          status={list.length ? 'error' : undefined}
          aria-invalid={list.length ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => set(e.target.value)}
        />
        <Problems id={`${id}-error`} list={list.length ? list : undefined} />
      </div>
    );
  };
  return (
    <section className="account-section" aria-labelledby="password-title">
      <h2 id="password-title">{t('account.password')}</h2>
      <form onSubmit={submit} noValidate>
        {field('account-current-password', 'currentPassword', current, setCurrent, 'current-password')}
        {field('account-new-password', 'newPassword', next, setNext, 'new-password', undefined, 'account-password-rule')}
        {field('account-repeat-password', 'repeatPassword', repeat, setRepeat, 'new-password', mismatch ? [t('account.mismatch')] : undefined)}
        <p className="muted" id="account-password-rule">
          {t('account.passwordRule')}
        </p>
        {change.isSuccess && <Alert type="success" role="status" title={t('account.passwordChanged')} style={{ marginBottom: 12 }} />}
        {change.error && problems.size === 0 && (
          <Alert type="error" role="alert" title={throttled ? t('signIn.throttled') : failureText(change.error, t)} style={{ marginBottom: 12 }} />
        )}
        <Button htmlType="submit" loading={change.isPending} data-testid="account-password-change">
          {t('account.change')}
        </Button>
      </form>
    </section>
  );
}

/** The signed-in person's own account. */
export default function Account() {
  const { t } = useTranslation();
  const me = useMe().data;
  return (
    <div className="account-page">
      <h1>{t('account.title')}</h1>
      {me && (
        <>
          <Profile me={me} />
          <PasswordChange />
        </>
      )}
    </div>
  );
}
