import type { MouseEvent, ReactNode } from 'react';
import { navigate } from './route.ts';

/** A link inside the console: a real href, followed without a page load. */
export function Link(props: {
  readonly to: string;
  readonly children: ReactNode;
  readonly current?: boolean;
  readonly className?: string;
}) {
  const click = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(props.to);
  };
  return (
    <a
      href={props.to}
      onClick={click}
      className={props.className}
      aria-current={props.current ? 'page' : undefined}
    >
      {props.children}
    </a>
  );
}
