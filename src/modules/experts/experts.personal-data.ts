import { eq } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';
import { type PersonalDataPart, personalPart } from '#kernel/personal-data.ts';
import { expertProfile } from './experts.sql.ts';

/** An expert account's profile. */
export async function personalDataOf(db: Db, userId: string): Promise<PersonalDataPart[]> {
  return [
    personalPart(
      'experts.personalData.profile',
      await db
        .select({
          name: expertProfile.name,
          headline: expertProfile.headline,
          bio: expertProfile.bio,
          organisation: expertProfile.organisation,
          specialties: expertProfile.specialties,
          fields: expertProfile.fields,
          communes: expertProfile.communes,
          isPublic: expertProfile.isPublic,
          createdAt: expertProfile.createdAt,
          updatedAt: expertProfile.updatedAt,
        })
        .from(expertProfile)
        .where(eq(expertProfile.userId, userId)),
    ),
  ];
}
