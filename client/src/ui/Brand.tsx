import { navigate } from '../base/router.ts';
import './Brand.css';

/** The Veldwerk mark and name; links to the start page. */
export function Brand({ compact = false }: { compact?: boolean }) {
  return (
    <a
      href="/"
      className={compact ? 'brand brand-compact' : 'brand'}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate('/');
      }}
    >
      <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="7" fill="currentColor" />
        <path d="M9 22 16 10l7 12" fill="none" stroke="#cfe6e3" strokeWidth="2" strokeLinejoin="round" />
        <circle cx="16" cy="10" r="3.2" fill="#f4c95d" />
        <circle cx="9" cy="22" r="3.2" fill="#fff" />
        <circle cx="23" cy="22" r="3.2" fill="#fff" />
      </svg>
      <span className="brand-name">Veldwerk</span>
    </a>
  );
}
