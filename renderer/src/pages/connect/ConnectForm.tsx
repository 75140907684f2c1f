import { useEffect, useRef, useState } from 'react';
import { teamServerAddress, type ConnectionView, type DesktopBridge } from '@shared/desktop';
import { Field } from '../../components/forms/Field';
import { FormError } from '../../components/forms/FormError';

type Kind = 'local' | 'team';

/**
 * "On this computer" or "Our team's server": the desktop app's one choice of where the data is.
 * The address is checked here as it is typed (HTTPS only) and again, authoritatively, by the app,
 * which also checks that a hubdesk team server answers there with a certificate this computer
 * trusts before saving the choice and restarting on it.
 */
export function ConnectForm({ bridge, submitLabel }: { bridge: DesktopBridge; submitLabel: string }) {
  const [view, setView] = useState<ConnectionView | null>(null);
  const [kind, setKind] = useState<Kind>(bridge.mode === 'team' ? 'team' : 'local');
  const [server, setServer] = useState('');
  const [addressMessage, setAddressMessage] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [state, setState] = useState<'idle' | 'checking' | 'restarting'>('idle');
  const serverInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    void bridge.connection().then((answer) => {
      if (!live || !answer) return;
      setView(answer);
      if (answer.choice?.kind === 'team') {
        setKind('team');
        setServer(answer.choice.server);
      }
    });
    return () => {
      live = false;
    };
  }, [bridge]);

  async function submit() {
    setRefusal(null);
    let choice: { kind: 'local' } | { kind: 'team'; server: string } = { kind: 'local' };
    if (kind === 'team') {
      const address = teamServerAddress(server);
      if (!address.ok) {
        setAddressMessage(address.message);
        serverInput.current?.focus();
        return;
      }
      choice = { kind: 'team', server: address.origin };
    }
    const current = bridge.mode === 'local' ? 'local' : bridge.mode === 'team' ? window.location.origin : null;
    if (current !== null && current === (choice.kind === 'local' ? 'local' : choice.server)) {
      setRefusal(choice.kind === 'local' ? 'hubdesk already keeps its data on this computer.' : `hubdesk is already using ${current}.`);
      return;
    }
    setState(kind === 'team' ? 'checking' : 'restarting');
    const answer = await bridge.choose(choice);
    if (answer.ok) {
      setState('restarting');
      return;
    }
    setState('idle');
    setRefusal(answer.message);
  }

  // After a refusal the address is where to correct it (once the form is enabled again).
  useEffect(() => {
    if (state === 'idle' && refusal && kind === 'team') serverInput.current?.focus();
  }, [state, refusal, kind]);

  const busy = state !== 'idle';
  return (
    <form
      className="connect-form"
      noValidate
      aria-label="Where the data is"
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void submit();
      }}
    >
      {view?.problem ? (
        <div className="connect-problem" role="alert">
          <strong>hubdesk could not use the saved choice.</strong> {view.problem}
        </div>
      ) : null}
      <fieldset className="connect-choices" disabled={busy}>
        <legend>Where is your data?</legend>
        <label className={`connect-choice${kind === 'local' ? ' chosen' : ''}`}>
          <input type="radio" name="connection" value="local" checked={kind === 'local'} onChange={() => (setKind('local'), setRefusal(null))} />
          <span>
            <span className="strong">On this computer</span>
            <span className="small muted">For one person, or to try the demo network: the data is kept in a file here, and backed up here.</span>
          </span>
        </label>
        <label className={`connect-choice${kind === 'team' ? ' chosen' : ''}`}>
          <input type="radio" name="connection" value="team" checked={kind === 'team'} onChange={() => (setKind('team'), setRefusal(null))} />
          <span>
            <span className="strong">Our team’s server</span>
            <span className="small muted">The whole team shares one store: you sign in, and see a colleague’s change within seconds.</span>
          </span>
        </label>
      </fieldset>
      {kind === 'team' ? (
        <Field label="Server address" message={addressMessage} hint="As your administrator gave it, e.g. https://hubdesk.example.org">
          {(p) => (
            <input
              {...p}
              ref={serverInput}
              type="url"
              inputMode="url"
              autoComplete="url"
              spellCheck={false}
              autoFocus
              disabled={busy}
              value={server}
              onChange={(e) => (setServer(e.target.value), setAddressMessage(null), setRefusal(null))}
            />
          )}
        </Field>
      ) : null}
      <FormError error={refusal} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {state === 'checking' ? 'Checking the server…' : state === 'restarting' ? 'Restarting hubdesk…' : submitLabel}
        </button>
      </div>
      {state === 'restarting' ? (
        <p className="small muted" role="status">
          hubdesk is restarting on your choice.
        </p>
      ) : null}
    </form>
  );
}
