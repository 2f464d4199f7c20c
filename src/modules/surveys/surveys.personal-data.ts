import { asc, eq } from 'drizzle-orm';
import type { Db } from '#kernel/db/client.ts';
import { type PersonalDataPart, personalPart } from '#kernel/personal-data.ts';
import { survey, surveyAnswer, surveyQuestion, surveyResponse } from './surveys.sql.ts';

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
