"use server";

import { redirect } from "next/navigation";
import { revokeCalendarToken, rotateCalendarToken } from "@/lib/account";
import { serverAction } from "@/lib/action";

export const createCalendarLinkAction = serverAction("calendar.create-link", {
  returnTo: "/mitt-program",
  run: (user) => {
    rotateCalendarToken({ userId: user.id });
    redirect("/mitt-program?kalender=ny#kalender");
  },
});

export const revokeCalendarLinkAction = serverAction("calendar.revoke-link", {
  returnTo: "/mitt-program",
  run: (user) => {
    revokeCalendarToken({ userId: user.id });
    redirect("/mitt-program?kalender=borttagen#kalender");
  },
});
