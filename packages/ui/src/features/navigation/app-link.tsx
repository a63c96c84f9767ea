import { Anchor, type AnchorProps } from '@mantine/core';
import type { MouseEvent, ReactNode } from 'react';
import { appBase, navigate } from './location.js';

/** A link inside the app: a real href (opens in a new tab, copies), navigated without reloading. */
export function AppLink({ to, children, ...props }: { to: string; children: ReactNode } & AnchorProps) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <Anchor href={appBase + to} onClick={follow} {...props}>
      {children}
    </Anchor>
  );
}
