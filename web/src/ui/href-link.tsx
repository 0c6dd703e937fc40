import { useRouter } from '@tanstack/react-router';
import type { MouseEvent, ReactNode } from 'react';
import './href-link.css';

/**
 * A plain link to an address the page was handed (the list it was opened from, with its filters):
 * open in a new tab works, and an ordinary click navigates inside the app without a reload.
 */
export function HrefLink(props: { href: string; className?: string | undefined; children: ReactNode }) {
  const router = useRouter();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void router.navigate({ href: props.href });
  };
  return (
    <a href={props.href} onClick={onClick} className={props.className}>
      {props.children}
    </a>
  );
}
