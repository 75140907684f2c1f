import type { ReactNode } from 'react';

/**
 * The page of a screen shown before the app proper (welcome, sign-in, where the data is): one card
 * on the brand background, headed by the hubdesk mark.
 */
export function BrandCard({ variant, children }: { variant?: string; children: ReactNode }) {
  return (
    <main className={variant ? `welcome ${variant}` : 'welcome'} id="main">
      <div className={variant ? `welcome-card ${variant}-card` : 'welcome-card'}>
        <div className="brand large">
          <span className="brand-mark" aria-hidden="true">h</span>
          <span>hubdesk</span>
        </div>
        {children}
      </div>
    </main>
  );
}
