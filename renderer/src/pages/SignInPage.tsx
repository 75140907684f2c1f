import { BrandCard } from '../components/BrandCard';
import { useRef, useState } from 'react';
import { signIn } from '../api/team';
import { Field } from '../components/forms/Field';

/**
 * The team server's sign-in: an email and a password, Enter signs in. A wrong password and a lockout
 * are said as the server says them (the lockout with when to try again, UK time). The password is
 * sent to the server and kept nowhere else; after a refusal it is emptied and focus goes back to it.
 */
export function SignInPage({ ended }: { ended: string | null }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ message: string; locked: boolean } | null>(null);
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});
  const emailInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);

  async function submit() {
    const need = { ...(email.trim() ? {} : { email: 'Enter your email address.' }), ...(password ? {} : { password: 'Enter your password.' }) };
    setMissing(need);
    if (need.email || need.password) {
      (need.email ? emailInput : passwordInput).current?.focus();
      return;
    }
    setBusy(true);
    const answer = await signIn(email.trim(), password);
    setBusy(false);
    if (answer.ok) return;
    setRefusal({ message: answer.message, locked: answer.locked });
    setPassword('');
    passwordInput.current?.focus();
  }

  return (
    <BrandCard variant="sign-in">
      <h1>Sign in</h1>
      {ended && !refusal ? (
        <p className="sign-in-note" role="status">
          {ended}
        </p>
      ) : null}
      <form
        noValidate
        aria-label="Sign in"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void submit();
        }}
      >
        <Field label="Email" message={missing.email}>
          {(p) => (
            <input
              {...p}
              ref={emailInput}
              type="email"
              autoComplete="username"
              autoFocus
              value={email}
              onChange={(e) => (setEmail(e.target.value), setMissing({ ...missing, email: undefined }))}
            />
          )}
        </Field>
        <Field label="Password" message={missing.password}>
          {(p) => (
            <input
              {...p}
              ref={passwordInput}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => (setPassword(e.target.value), setMissing({ ...missing, password: undefined }))}
            />
          )}
        </Field>
        {refusal ? (
          <p className={`form-error${refusal.locked ? ' locked' : ''}`} role="alert">
            {refusal.message}
          </p>
        ) : null}
        <button type="submit" className="primary sign-in-button" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="small muted">Forgotten your password? An administrator of hubdesk can give you a new one.</p>
    </BrandCard>
  );
}
