"use server";

import { redirect } from "next/navigation";
import { revokeCalendarToken, rotateCalendarToken } from "@/lib/account";
import { requireRole } from "@/lib/auth/current-user";

async function member() {
  const who = await requireRole("member");
  if (!who.ok) redirect("/logga-in?next=/mitt-program");
  return who.user;
}

export async function createCalendarLinkAction() {
  const user = await member();
  rotateCalendarToken({ userId: user.id });
  redirect("/mitt-program?kalender=ny#kalender");
}

export async function revokeCalendarLinkAction() {
  const user = await member();
  revokeCalendarToken({ userId: user.id });
  redirect("/mitt-program?kalender=borttagen#kalender");
}
