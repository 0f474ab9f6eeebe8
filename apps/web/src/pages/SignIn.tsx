import { Alert, Button, Input, Segmented } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import { LOCALES, switchLocale, type Locale } from '../i18n';

/**
 * Sign-in: the first page anyone loads, so it is kept light (no antd Form or Typography here; the
 * initial JavaScript budget is measured by `npm run bench`).
 */
export default function SignIn() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [missing, setMissing] = useState<{ email?: boolean; password?: boolean }>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const absent = { email: email.trim() === '', password: password === '' };
    setMissing(absent);
    if (absent.email || absent.password) return;
    setBusy(true);
    setProblem(null);
    const { response } = await api.POST('/auth/login', { body: { email: email.trim(), password } });
    setBusy(false);
    if (!response.ok) {
      setProblem(response.status === 429 ? t('signIn.throttled') : t('signIn.failed'));
      return;
    }
    // Fetched again even though no page watches it now: the page this one came from remembers the
    // 401 that sent the browser here, and would send it straight back.
    await client.invalidateQueries({ queryKey: ['me'], refetchType: 'all' });
    const back = (location.state as { from?: string } | null)?.from;
    navigate(back && back.startsWith('/') && !back.startsWith('//') ? back : '/', { replace: true });
  };

  return (
    <main className="signin">
      <div className="signin-card">
        <h1>{t('app.name')}</h1>
        <p className="muted">{t('app.tagline')}</p>
        <Segmented
          aria-label={t('nav.language')}
          value={i18n.language}
          options={LOCALES.map((l) => ({ value: l, label: l === 'zh-CN' ? '中文' : 'English' }))}
          onChange={(v) => void switchLocale(v as Locale)}
        />
        <h2>{t('signIn.title')}</h2>
        {problem && <Alert role="alert" type="error" title={problem} style={{ marginBottom: 16 }} />}
        <form onSubmit={submit} noValidate>
          <label className="field">
            <span>{t('signIn.email')}</span>
            <Input
              name="email"
              type="email"
              autoComplete="username"
              autoFocus
              value={email}
              status={missing.email ? 'error' : undefined}
              aria-invalid={missing.email || undefined}
              onChange={(e) => setEmail(e.target.value)}
            />
            {missing.email && <span className="field-error">{t('signIn.required')}</span>}
          </label>
          <label className="field">
            <span>{t('signIn.password')}</span>
            <Input.Password
              name="password"
              autoComplete="current-password"
              value={password}
              status={missing.password ? 'error' : undefined}
              aria-invalid={missing.password || undefined}
              onChange={(e) => setPassword(e.target.value)}
            />
            {missing.password && <span className="field-error">{t('signIn.required')}</span>}
          </label>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('signIn.submit')}
          </Button>
        </form>
      </div>
    </main>
  );
}
