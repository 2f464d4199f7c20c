import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';
import { type ErasedSubject, type PersonalDataPart, personalPart } from '#kernel/personal-data.ts';
import { survey, surveyAnswer, surveyQuestion, surveyResponse } from './surveys.sql.ts';
import { textKinds } from './surveys.taxonomy.ts';

/** The answers an account gave to named surveys (anonymous ones are not linked to it). */
export async function personalDataOf(db: Db, userId: string): Promise<PersonalDataPart[]> {
  return [
    personalPart(
      'surveys.personalData.answers',
      await db
        .select({
          survey: survey.title,
          question: surveyQuestion.label,
          value: surveyAnswer.value,
          choices: surveyAnswer.choices,
          number: surveyAnswer.number,
          status: surveyResponse.status,
          submittedAt: surveyResponse.submittedAt,
        })
        .from(surveyResponse)
        .innerJoin(survey, eq(survey.id, surveyResponse.surveyId))
        .innerJoin(surveyAnswer, eq(surveyAnswer.responseId, surveyResponse.id))
        .innerJoin(surveyQuestion, eq(surveyQuestion.id, surveyAnswer.questionId))
        .where(eq(surveyResponse.userId, userId))
        .orderBy(asc(surveyResponse.startedAt), asc(surveyQuestion.position)),
    ),
  ];
}

/**
 * A deleted account's named answers become anonymous ones: the words they typed are removed and
 * the response no longer points at the account; choices, scales and numbers stay, so the survey's
 * results keep their counts (decision 38).
 */
export async function anonymise(db: Db, subject: ErasedSubject): Promise<void> {
  const mine = db
    .select({ id: surveyResponse.id })
    .from(surveyResponse)
    .where(eq(surveyResponse.userId, subject.userId));
  const typed = db
    .select({ id: surveyQuestion.id })
    .from(surveyQuestion)
    .where(inArray(surveyQuestion.kind, textKinds));
  await db
    .delete(surveyAnswer)
    .where(and(inArray(surveyAnswer.responseId, mine), inArray(surveyAnswer.questionId, typed)));
  await db.update(surveyResponse).set({ userId: null }).where(eq(surveyResponse.userId, subject.userId));
}
