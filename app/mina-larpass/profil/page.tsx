import type { Metadata } from "next";
import Link from "next/link";
import { Markdown } from "@/components/markdown";
import { requirePageRole } from "@/lib/auth/page-guards";
import { getMyProfile } from "@/lib/speakers/mine";
import { SavedNotice, SpeakerCrumbs } from "../page-parts";
import { WindowNote } from "../window-note";
import { ProfileForm } from "./profile-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Din presentation" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The speaker's own role, organisation and bio (the name and address are the organisers'). */
export default async function ProfilePage({ searchParams }: Props) {
  const user = await requirePageRole("speaker", "/mina-larpass/profil");
  const profile = getMyProfile({ userId: user.id });
  const query = await searchParams;
  const crumbs = <SpeakerCrumbs here="Din presentation" />;
  if (!profile) {
    return (
      <>
        {crumbs}
        <h1>Din presentation</h1>
        <p>Ditt konto är inte kopplat till någon talare, så det finns ingen presentation att ändra. Be arrangörerna bjuda in dig.</p>
      </>
    );
  }
  return (
    <>
      {crumbs}
      <h1>Din presentation: {profile.name}</h1>
      <p className="meta">Namnet och adressen till din talarsida sköter arrangörerna. Hör av dig till dem om namnet behöver ändras.</p>
      <SavedNotice query={query} text="Presentationen är sparad." />
      <WindowNote window={profile.window} what="presentationen" />
      {profile.window.open ? (
        <ProfileForm
          key={profile.version}
          organisations={profile.organisations}
          initial={{
            seq: 0,
            version: profile.version,
            values: { role: profile.role ?? "", organisation: profile.organisation ?? "", bio: profile.bio },
          }}
        />
      ) : (
        <section aria-labelledby="nuvarande" className="panel">
          <h2 id="nuvarande">Presentationen som den är</h2>
          <p>{[profile.role, profile.organisation].filter(Boolean).join(", ") || "Ingen roll eller organisation."}</p>
          {profile.bio.trim() ? <Markdown>{profile.bio}</Markdown> : <p className="muted">Ingen presentation.</p>}
        </section>
      )}
      <p>
        <Link href={`/talare/${profile.slug}`}>Se din talarsida</Link>
      </p>
    </>
  );
}
