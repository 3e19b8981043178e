import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../api/client';
import { useLogin } from '../lib/session';

/** Sign in with email and password; the service sets an HttpOnly session cookie. */
export function LoginPage() {
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errorId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ email: email.trim(), password });
  };

  const error = login.error;
  const message =
    error instanceof ApiError
      ? error.status === 400 && error.problem.issues?.length
        ? 'Enter a valid email address and your password.'
        : (error.problem.detail ?? error.message)
      : error
        ? error.message
        : null;

  return (
    <main className="login">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title" noValidate>
        <div className="brand brand-dark">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>
          Crossgate
        </div>
        <h1 id="login-title">Sign in</h1>
        <label className="field">
          <span>Email</span>
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-describedby={message ? errorId : undefined}
          />
        </label>
        <label className="field">
          <span>Password</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-describedby={message ? errorId : undefined}
          />
        </label>
        {message ? (
          <p className="form-error" role="alert" id={errorId}>
            {message}
          </p>
        ) : null}
        <button
          type="submit"
          className="button button-primary"
          disabled={login.isPending || !email || !password}
        >
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
