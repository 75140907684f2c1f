import { useEffect, useRef, type ReactNode } from 'react';
import { NavLink, useLocation, useNavigate } from 'react-router';
import { navItems } from '../navigation';
import { useStatus } from '../state/status';

export function Layout({ children }: { children: ReactNode }) {
  const { status, year, setYear } = useStatus();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);

  // A new screen starts the keyboard at its content (not back at the sidebar), unless the screen
  // already put focus on one of its own fields.
  useEffect(() => {
    const main = mainRef.current;
    if (main && !main.contains(document.activeElement)) main.focus({ preventScroll: true });
  }, [pathname]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const item = navItems.find((n) => n.key === e.key);
      if (item) {
        e.preventDefault();
        navigate(item.to);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">Skip to content</a>
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">h</span>
          <span>hubdesk</span>
        </div>
        <ul>
          {navItems.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} title={`${item.label} (Alt+${item.key})`}>
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
        <div className="sidebar-foot">Challenge Partners · memberships</div>
      </nav>
      <div className="main-column">
        <header className="topbar">
          <label className="year-picker">
            <span>Membership year</span>
            <select value={year ?? ''} onChange={(e) => setYear(e.target.value)} aria-label="Membership year">
              {status?.years.map((y) => (
                <option key={y.id} value={y.label}>
                  {y.label}
                  {y.label === status.currentYear ? ' (current)' : ''}
                </option>
              ))}
            </select>
          </label>
        </header>
        <main id="main" tabIndex={-1} ref={mainRef}>
          {children}
        </main>
      </div>
    </div>
  );
}
