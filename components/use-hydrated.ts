"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False on the server and in the first client render, true once React has hydrated: the form can then offer
 * what needs JavaScript (a live preview) and still render the same HTML on both sides.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
