import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '#kernel/auth/api-tokens.ts';
import { rows } from '#kernel/db/rows.ts';
import { storedFile } from '#kernel/files/files.sql.ts';
import { readUpload } from '#kernel/files/files.ts';
import { filePolicy } from '#kernel/http/files.ts';
import { proposeEngagement } from '#modules/engagements/index.ts';
import {
  createEvent,
  createExternalEvent,
  EventInput,
  ExternalEventInput,
  getEvent,
  getExternalEvent,
  nominate,
  RegistrationInput,
  register,
} from '#modules/events/index.ts';
import { saveOwnProfile } from '#modules/experts/index.ts';
import { saveItem } from '#modules/library/index.ts';
import { addMember, createPartner, introduceProject } from '#modules/partners/index.ts';
import { findOrCreatePerson } from '#modules/people/index.ts';
import { NoticeInput, publishNotice, recordConsents } from '#modules/privacy/index.ts';
import {
  createConnection,
  createInquiry,
  createListing,
  createProduct,
  imagesOf,
  saveOutcome,
  updateReadinessItem,
} from '#modules/products/index.ts';
import { createProject } from '#modules/projects/index.ts';
import { fileRequest } from '#modules/requests/index.ts';
import { checkIn, createBooking, feedToken, saveRoom } from '#modules/spaces/index.ts';
import { createNeedsSurvey, surveyForm } from '#modules/surveys/index.ts';
import { createUser } from '#seed/factories.ts';
import { TestBrowser } from '#src/testing/browser.ts';
import { fileOf, pdfBytes, pngBytes } from '#src/testing/files.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';

// Every route × every kind of visitor, with the status each must get. A route added to the app
// without a line here fails the first test: access is decided on purpose, never by accident.
// Target: a PRIVATE project owned by "owner"; "other" is a founder outside its team.

const who = ['anon', 'owner', 'other', 'expert', 'partner', 'officer', 'admin'] as const;
type Who = (typeof who)[number];
type Row = [method: 'GET' | 'POST' | 'PUT', route: string, url: string, statuses: Record<Who, number>];

const all = (s: number) => Object.fromEntries(who.map((w) => [w, s])) as Record<Who, number>;
const s = (
  anon: number,
  owner: number,
  other: number,
  expert: number,
  partner: number,
  officer: number,
  admin: number,
) => ({
  anon,
  owner,
  other,
  expert,
  partner,
  officer,
  admin,
});

const P = '{slug}';
const matrix: Row[] = [
  ['GET', '/healthz', '/healthz', all(200)],
  ['GET', '/', '/', all(200)],
  ['GET', '/favicon.ico', '/favicon.ico', all(200)],
  ['GET', '/tim-kiem', '/tim-kiem?q=thach', all(200)],
  ['GET', '/ngon-ngu/:lang', '/ngon-ngu/en?next=/du-an', all(303)],
  ['GET', '/dang-nhap', '/dang-nhap', s(200, 303, 303, 303, 303, 303, 303)],
  ['POST', '/dang-nhap', '/dang-nhap', all(422)],
  // No sign-in waiting for a code: back to the sign-in page (or on, for whoever is signed in).
  ['GET', '/dang-nhap/hai-buoc', '/dang-nhap/hai-buoc', all(303)],
  ['POST', '/dang-nhap/hai-buoc', '/dang-nhap/hai-buoc', all(422)],
  ['GET', '/dang-ky', '/dang-ky', s(200, 303, 303, 303, 303, 303, 303)],
  ['POST', '/dang-ky', '/dang-ky', all(422)],
  ['GET', '/dang-ky/kiem-tra-email', '/dang-ky/kiem-tra-email', all(200)],
  ['GET', '/dang-ky/xac-nhan/:token', '/dang-ky/xac-nhan/not-a-token', all(404)],
  ['POST', '/dang-ky/xac-nhan/:token', '/dang-ky/xac-nhan/not-a-token', all(404)],
  ['POST', '/dang-xuat', '/dang-xuat', all(303)],
  ['GET', '/quen-mat-khau', '/quen-mat-khau', all(200)],
  ['POST', '/quen-mat-khau', '/quen-mat-khau', all(422)],
  ['GET', '/dat-lai-mat-khau/:token', '/dat-lai-mat-khau/not-a-token', all(404)],
  ['POST', '/dat-lai-mat-khau/:token', '/dat-lai-mat-khau/not-a-token', all(404)],
  ['GET', '/tai-khoan', '/tai-khoan', s(303, 200, 200, 200, 200, 200, 200)],
  ['POST', '/tai-khoan', '/tai-khoan', s(303, 422, 422, 422, 422, 422, 422)],
  ['POST', '/tai-khoan/ma-api', '/tai-khoan/ma-api', s(303, 422, 422, 422, 422, 422, 422)],
  [
    'POST',
    '/tai-khoan/ma-api/:id/thu-hoi',
    '/tai-khoan/ma-api/{tokenId}/thu-hoi',
    s(303, 303, 404, 404, 404, 404, 404),
  ],
  ['GET', '/tai-khoan/mat-khau', '/tai-khoan/mat-khau', s(303, 200, 200, 200, 200, 200, 200)],
  ['GET', '/tai-khoan/hai-buoc', '/tai-khoan/hai-buoc', s(303, 403, 403, 403, 403, 200, 200)],
  ['POST', '/tai-khoan/hai-buoc', '/tai-khoan/hai-buoc', s(303, 403, 403, 403, 403, 422, 422)],
  ['POST', '/tai-khoan/hai-buoc/tat', '/tai-khoan/hai-buoc/tat', s(303, 403, 403, 403, 403, 422, 422)],
  ['GET', '/tai-khoan/du-lieu.json', '/tai-khoan/du-lieu.json', s(303, 200, 200, 200, 200, 200, 200)],
  ['GET', '/tai-khoan/du-lieu.xlsx', '/tai-khoan/du-lieu.xlsx', s(303, 200, 200, 200, 200, 200, 200)],
  // Personal data (decision 38): the notice is public; consents, requests and deletion are one's own.
  ['GET', '/quyen-rieng-tu', '/quyen-rieng-tu', all(200)],
  ['GET', '/quyen-rieng-tu/:version', '/quyen-rieng-tu/1.0', all(200)],
  ['GET', '/quan-tri/quyen-rieng-tu', '/quan-tri/quyen-rieng-tu', s(303, 403, 403, 403, 403, 403, 200)],
  ['POST', '/quan-tri/quyen-rieng-tu', '/quan-tri/quyen-rieng-tu', s(303, 403, 403, 403, 403, 403, 422)],
  ['GET', '/tai-khoan/quyen-du-lieu', '/tai-khoan/quyen-du-lieu', s(303, 200, 200, 200, 200, 200, 200)],
  ['POST', '/tai-khoan/yeu-cau-du-lieu', '/tai-khoan/yeu-cau-du-lieu', s(303, 422, 422, 422, 422, 422, 422)],
  ['POST', '/tai-khoan/dong-y/nhan-tin', '/tai-khoan/dong-y/nhan-tin', s(303, 303, 303, 303, 303, 303, 303)],
  ['POST', '/tai-khoan/dong-y/:id/rut', '/tai-khoan/dong-y/{consentId}/rut', s(303, 303, 404, 404, 404, 404, 404)],
  ['GET', '/tai-khoan/xoa', '/tai-khoan/xoa', s(303, 200, 200, 200, 200, 200, 200)],
  // An empty password deletes nothing.
  ['POST', '/tai-khoan/xoa', '/tai-khoan/xoa', s(303, 422, 422, 422, 422, 422, 422)],
  ['GET', '/quan-ly/yeu-cau-du-lieu', '/quan-ly/yeu-cau-du-lieu', s(303, 403, 403, 403, 403, 200, 200)],
  [
    'GET',
    '/quan-ly/yeu-cau-du-lieu/:id',
    '/quan-ly/yeu-cau-du-lieu/{dataRequestId}',
    s(303, 403, 403, 403, 403, 200, 200),
  ],
  [
    'POST',
    '/quan-ly/yeu-cau-du-lieu/:id',
    '/quan-ly/yeu-cau-du-lieu/{dataRequestId}',
    s(303, 403, 403, 403, 403, 422, 422),
  ],
  ['GET', '/quan-tri/su-co', '/quan-tri/su-co', s(303, 403, 403, 403, 403, 403, 200)],
  ['POST', '/quan-tri/su-co', '/quan-tri/su-co', s(303, 403, 403, 403, 403, 403, 422)],
  ['GET', '/quan-tri/su-co/:id', '/quan-tri/su-co/{breachId}', s(303, 403, 403, 403, 403, 403, 200)],
  ['POST', '/quan-tri/su-co/:id', '/quan-tri/su-co/{breachId}', s(303, 403, 403, 403, 403, 403, 422)],
  ['POST', '/tai-khoan/mat-khau', '/tai-khoan/mat-khau', s(303, 422, 422, 422, 422, 422, 422)],
  ['GET', '/quan-tri/tai-khoan', '/quan-tri/tai-khoan', s(303, 403, 403, 403, 403, 403, 200)],
  ['GET', '/quan-tri/tai-khoan/:id', '/quan-tri/tai-khoan/{partnerId}', s(303, 403, 403, 403, 403, 403, 200)],
  [
    'POST',
    '/quan-tri/tai-khoan/:id/vai-tro',
    '/quan-tri/tai-khoan/{partnerId}/vai-tro',
    s(303, 403, 403, 403, 403, 403, 422),
  ],
  // Nobody there has two-step sign-in on: nothing to turn off, the admin is sent back to the page.
  [
    'POST',
    '/quan-tri/tai-khoan/:id/hai-buoc/tat',
    '/quan-tri/tai-khoan/{partnerId}/hai-buoc/tat',
    s(303, 403, 403, 403, 403, 403, 303),
  ],
  [
    'POST',
    '/quan-tri/tai-khoan/:id/khoa',
    '/quan-tri/tai-khoan/no-such-user/khoa',
    s(303, 403, 403, 403, 403, 403, 404),
  ],
  ['GET', '/quan-tri/moi', '/quan-tri/moi', s(303, 403, 403, 403, 403, 403, 200)],
  ['POST', '/quan-tri/moi', '/quan-tri/moi', s(303, 403, 403, 403, 403, 403, 422)],
  ['GET', '/quan-tri/hop-thu', '/quan-tri/hop-thu', s(303, 403, 403, 403, 403, 403, 200)],
  [
    'POST',
    '/quan-tri/hop-thu/:id/gui-lai',
    '/quan-tri/hop-thu/00000000-0000-4000-8000-000000000000/gui-lai',
    s(303, 403, 403, 403, 403, 403, 404),
  ],
  ['GET', '/quan-tri/nhat-ky', '/quan-tri/nhat-ky', s(303, 403, 403, 403, 403, 403, 200)],
  ['GET', '/quan-tri/nhat-ky.csv', '/quan-tri/nhat-ky.csv', s(303, 403, 403, 403, 403, 403, 200)],
  ['GET', '/quan-tri/nhat-ky.xlsx', '/quan-tri/nhat-ky.xlsx', s(303, 403, 403, 403, 403, 403, 200)],
  // setup: the site has admins, so the one-time setup address is gone for everyone.
  ['GET', '/cai-dat/:token', '/cai-dat/any-token', all(404)],
  ['POST', '/cai-dat/:token', '/cai-dat/any-token', all(404)],
  ['GET', '/quan-tri/cai-dat', '/quan-tri/cai-dat', s(303, 403, 403, 403, 403, 403, 200)],
  ['POST', '/quan-tri/cai-dat', '/quan-tri/cai-dat', s(303, 403, 403, 403, 403, 403, 422)],
  // An empty form leaves two-step sign-in not required (as it was).
  ['POST', '/quan-tri/cai-dat/bao-mat', '/quan-tri/cai-dat/bao-mat', s(303, 403, 403, 403, 403, 403, 303)],
  ['GET', '/du-an', '/du-an', all(200)],
  ['GET', '/du-an.csv', '/du-an.csv', s(303, 403, 403, 403, 403, 200, 200)],
  ['GET', '/du-an/cua-toi', '/du-an/cua-toi', s(303, 200, 200, 200, 200, 200, 200)],
  ['GET', '/du-an/moi', '/du-an/moi', s(303, 200, 200, 403, 403, 200, 200)],
  ['POST', '/du-an/moi', '/du-an/moi', s(303, 422, 422, 403, 403, 422, 422)],
  ['GET', '/du-an/:slug', `/du-an/${P}`, s(404, 200, 404, 404, 404, 200, 200)],
  ['GET', '/du-an/:slug/sua', `/du-an/${P}/sua`, s(303, 200, 404, 404, 404, 200, 200)],
  ['POST', '/du-an/:slug/sua', `/du-an/${P}/sua`, s(303, 422, 404, 404, 404, 422, 422)],
  ['POST', '/du-an/:slug/phu-trach', `/du-an/${P}/phu-trach`, s(303, 403, 403, 403, 403, 303, 303)],
  ['POST', '/du-an/:slug/duyet', `/du-an/${P}/duyet`, s(303, 403, 403, 403, 403, 422, 422)],
  ['GET', '/quan-ly/du-an-cho-duyet', '/quan-ly/du-an-cho-duyet', s(303, 403, 403, 403, 403, 200, 200)],
  ['GET', '/du-an/:slug/ho-tro/moi', `/du-an/${P}/ho-tro/moi`, s(303, 403, 403, 403, 403, 200, 200)],
  ['POST', '/du-an/:slug/ho-tro/moi', `/du-an/${P}/ho-tro/moi`, s(303, 403, 403, 403, 403, 422, 422)],
  ['GET', '/ho-tro', '/ho-tro', s(303, 403, 403, 403, 403, 200, 200)],
  ['GET', '/ho-tro.csv', '/ho-tro.csv', s(303, 403, 403, 403, 403, 200, 200)],
  ['GET', '/quan-ly/nguoi', '/quan-ly/nguoi', s(303, 403, 403, 403, 403, 200, 200)],
  ['GET', '/quan-ly/nhap-du-lieu', '/quan-ly/nhap-du-lieu', s(303, 403, 403, 403, 403, 200, 200)],
  ['POST', '/quan-ly/nhap-du-lieu', '/quan-ly/nhap-du-lieu', s(303, 403, 403, 403, 403, 422, 422)],
  [
    'GET',
    '/quan-ly/nhap-du-lieu/mau/:kind',
    '/quan-ly/nhap-du-lieu/mau/attendance',
    s(303, 403, 403, 403, 403, 200, 200),
  ],
  [
    'GET',
    '/quan-ly/nhap-du-lieu/:id',
    '/quan-ly/nhap-du-lieu/00000000-0000-4000-8000-000000000000',
    s(303, 403, 403, 403, 403, 404, 404),
  ],
  [
    'POST',
    '/quan-ly/nhap-du-lieu/:id/cot',
    '/quan-ly/nhap-du-lieu/00000000-0000-4000-8000-000000000000/cot',
    s(303, 403, 403, 403, 403, 404, 404),
  ],
  [
    'POST',
    '/quan-ly/nhap-du-lieu/:id/nhap',
    '/quan-ly/nhap-du-lieu/00000000-0000-4000-8000-000000000000/nhap',
    s(303, 403, 403, 403, 403, 404, 404),
  ],
  [
    'POST',
    '/quan-ly/nhap-du-lieu/:id/hoan-tac',
    '/quan-ly/nhap-du-lieu/00000000-0000-4000-8000-000000000000/hoan-tac',
    s(303, 403, 403, 403, 403, 404, 404),
  ],
  ['GET', '/quan-ly/bao-cao', '/quan-ly/bao-cao?from=2022-01-01&to=2022-12-31', s(303, 403, 403, 403, 403, 200, 200)],
  [
    'GET',
    '/quan-ly/bao-cao.xlsx',
    '/quan-ly/bao-cao.xlsx?from=2022-01-01&to=2022-12-31',
    s(303, 403, 403, 403, 403, 200, 200),
  ],
  [
    'GET',
    '/quan-ly/bao-cao/word',
    '/quan-ly/bao-cao/word?from=2022-01-01&to=2022-12-31',
    s(303, 403, 403, 403, 403, 200, 200),
  ],
  ['POST', '/quan-ly/bao-cao/word', '/quan-ly/bao-cao/word', s(303, 403, 403, 403, 403, 422, 422)],
  [
    'GET',
    '/quan-ly/bao-cao/chi-tieu/:id',
    '/quan-ly/bao-cao/chi-tieu/khoa-dao-tao?from=2022-01-01&to=2022-12-31',
    s(303, 403, 403, 403, 403, 200, 200),
  ],
  ['GET', '/so-lieu', '/so-lieu', all(200)],
  ['GET', '/quan-ly/cau-chuyen', '/quan-ly/cau-chuyen', s(303, 403, 403, 403, 403, 200, 200)],
  ['POST', '/quan-ly/cau-chuyen', '/quan-ly/cau-chuyen', s(303, 403, 403, 403, 403, 422, 422)],
  ['GET', '/quan-ly/cau-chuyen/:projectId', '/quan-ly/cau-chuyen/{id}', s(303, 403, 403, 403, 403, 404, 404)],
  ['POST', '/quan-ly/cau-chuyen/:projectId', '/quan-ly/cau-chuyen/{id}', s(303, 403, 403, 403, 403, 404, 404)],
  ['POST', '/quan-ly/cau-chuyen/:projectId/xoa', '/quan-ly/cau-chuyen/{id}/xoa', s(303, 403, 403, 403, 403, 303, 303)],
  ['GET', '/api/v1/reports', '/api/v1/reports?from=2022-01-01&to=2022-12-31', s(401, 403, 403, 403, 403, 200, 200)],
  [
    'GET',
    '/api/v1/reports/:indicator/evidence',
    '/api/v1/reports/khoa-dao-tao/evidence?from=2022-01-01&to=2022-12-31',
    s(401, 403, 403, 403, 403, 200, 200),
  ],
  ['GET', '/quan-ly/nguoi/:id', '/quan-ly/nguoi/{personId}', s(303, 403, 403, 403, 403, 200, 200)],
  ['GET', '/quan-ly/nguoi/:id/gop', '/quan-ly/nguoi/{personId}/gop', s(303, 403, 403, 403, 403, 200, 200)],
  ['POST', '/quan-ly/nguoi/:id/gop', '/quan-ly/nguoi/{personId}/gop', s(303, 403, 403, 403, 403, 422, 422)],
  ['GET', '/api/v1/projects', '/api/v1/projects', all(200)],
  ['GET', '/api/v1/projects/:id', '/api/v1/projects/{id}', s(404, 200, 404, 404, 404, 200, 200)],
  // The JSON API's writes for staff: a form post is not JSON (400) once past the role check.
  ['POST', '/api/v1/projects', '/api/v1/projects', s(401, 403, 403, 403, 403, 400, 400)],
  ['PUT', '/api/v1/projects/:id', '/api/v1/projects/{id}', s(401, 403, 403, 403, 403, 400, 400)],
  ['POST', '/api/v1/engagements', '/api/v1/engagements', s(401, 403, 403, 403, 403, 400, 400)],
  [
    'POST',
    '/api/v1/engagements/:id/sessions',
    '/api/v1/engagements/{engagementId}/sessions',
    s(401, 403, 403, 403, 403, 400, 400),
  ],
  [
    'POST',
    '/api/v1/engagements/:id/close',
    '/api/v1/engagements/{engagementId}/close',
    s(401, 403, 403, 403, 403, 400, 400),
  ],
  ['POST', '/api/v1/introductions', '/api/v1/introductions', s(401, 403, 403, 403, 403, 400, 400)],
  ['GET', '/api/v1/openapi.json', '/api/v1/openapi.json', all(200)],
  ['GET', '/api/v1/docs', '/api/v1/docs', all(200)],
  // partners & experts
  ['GET', '/doi-tac', '/doi-tac', all(200)],
  ['GET', '/doi-tac.csv', '/doi-tac.csv', s(303, 403, 403, 403, 403, 200, 200)],
  ['GET', '/doi-tac/moi', '/doi-tac/moi', s(303, 403, 403, 403, 403, 200, 200)],
  ['POST', '/doi-tac/moi', '/doi-tac/moi', s(303, 403, 403, 403, 403, 422, 422)],
  ['GET', '/doi-tac/cua-toi', '/doi-tac/cua-toi', s(303, 403, 403, 403, 303, 403, 403)],
  ['GET', '/doi-tac/:slug', '/doi-tac/{partnerSlug}', s(404, 404, 404, 404, 200, 200, 200)],
  ['GET', '/doi-tac/:slug/sua', '/doi-tac/{partnerSlug}/sua', s(303, 404, 404, 404, 200, 200, 200)],
  ['POST', '/doi-tac/:slug/sua', '/doi-tac/{partnerSlug}/sua', s(303, 404, 404, 404, 422, 422, 422)],
  ['POST', '/doi-tac/:slug/thanh-vien', '/doi-tac/{partnerSlug}/thanh-vien', s(303, 403, 403, 403, 403, 422, 422)],
  [
    'POST',
    '/doi-tac/:slug/thanh-vien/:userId/xoa',
    '/doi-tac/{partnerSlug}/thanh-vien/no-such-user/xoa',
    s(303, 403, 403, 403, 403, 404, 404),
  ],
  ['POST', '/doi-tac/:slug/gioi-thieu', '/doi-tac/{partnerSlug}/gioi-thieu', s(303, 403, 403, 403, 403, 422, 422)],
  ['GET', '/gioi-thieu/:id', '/gioi-thieu/{introductionId}', s(303, 200, 404, 404, 200, 200, 200)],
  ['POST', '/gioi-thieu/:id/tra-loi', '/gioi-thieu/{introductionId}/tra-loi', s(303, 403, 404, 404, 422, 422, 422)],
  ['GET', '/chuyen-gia', '/chuyen-gia', all(200)],
  ['GET', '/chuyen-gia.csv', '/chuyen-gia.csv', s(303, 403, 403, 403, 403, 200, 200)],
  ['GET', '/chuyen-gia/ho-so', '/chuyen-gia/ho-so', s(303, 403, 403, 200, 403, 403, 403)],
  ['POST', '/chuyen-gia/ho-so', '/chuyen-gia/ho-so', s(303, 403, 403, 422, 403, 403, 403)],
  ['GET', '/chuyen-gia/:slug', '/chuyen-gia/{expertSlug}', s(404, 404, 404, 200, 404, 200, 200)],
  ['GET', '/chuyen-gia/:slug/sua', '/chuyen-gia/{expertSlug}/sua', s(303, 403, 403, 403, 403, 200, 200)],
  ['POST', '/chuyen-gia/:slug/sua', '/chuyen-gia/{expertSlug}/sua', s(303, 403, 403, 403, 403, 422, 422)],
  ['GET', '/api/v1/partners', '/api/v1/partners', all(200)],
  ['GET', '/api/v1/partners/:slug', '/api/v1/partners/{partnerSlug}', s(404, 404, 404, 404, 200, 200, 200)],
  ['GET', '/api/v1/experts', '/api/v1/experts', all(200)],
  ['GET', '/api/v1/experts/:slug', '/api/v1/experts/{expertSlug}', s(404, 404, 404, 200, 404, 200, 200)],
  // requests, engagements, matching: the owner's request on the private project (with a file),
  // and an engagement proposed to the expert on it.
  ['GET', '/yeu-cau', '/yeu-cau', s(303, 200, 200, 200, 200, 200, 200)],
  ['GET', '/yeu-cau/moi', '/yeu-cau/moi', s(303, 200, 200, 403, 403, 403, 403)],
  ['POST', '/yeu-cau/moi', '/yeu-cau/moi', s(303, 422, 422, 403, 403, 403, 403)],
  ['GET', '/yeu-cau/:number', '/yeu-cau/{requestNumber}', s(303, 200, 404, 404, 404, 200, 200)],
  ['POST', '/yeu-cau/:number/tin-nhan', '/yeu-cau/{requestNumber}/tin-nhan', s(303, 422, 404, 404, 404, 422, 422)],
  [
    'GET',
    '/yeu-cau/:number/tep/:fileId',
    '/yeu-cau/{requestNumber}/tep/{requestFileId}',
    s(303, 200, 404, 404, 404, 200, 200),
  ],
  ['POST', '/yeu-cau/:number/trang-thai', '/yeu-cau/{requestNumber}/trang-thai', s(303, 403, 403, 403, 403, 422, 422)],
  ['POST', '/yeu-cau/:number/ket-noi', '/yeu-cau/{requestNumber}/ket-noi', s(303, 403, 403, 403, 403, 422, 422)],
  ['POST', '/yeu-cau/:number/nhan', '/yeu-cau/{requestNumber}/nhan', s(303, 403, 403, 403, 403, 303, 303)],
  ['GET', '/quan-ly/yeu-cau', '/quan-ly/yeu-cau', s(303, 403, 403, 403, 403, 200, 200)],
  ['GET', '/quan-ly/yeu-cau.csv', '/quan-ly/yeu-cau.csv', s(303, 403, 403, 403, 403, 200, 200)],
  ['POST', '/quan-ly/yeu-cau/phan-cong', '/quan-ly/yeu-cau/phan-cong', s(303, 403, 403, 403, 403, 422, 422)],
  ['GET', '/quan-ly/yeu-cau/moi', '/quan-ly/yeu-cau/moi', s(303, 403, 403, 403, 403, 200, 200)],
  ['POST', '/quan-ly/yeu-cau/moi', '/quan-ly/yeu-cau/moi', s(303, 403, 403, 403, 403, 422, 422)],
  ['GET', '/tu-van', '/tu-van', s(303, 200, 200, 200, 200, 200, 200)],
  ['GET', '/tu-van/:id', '/tu-van/{engagementId}', s(303, 200, 404, 200, 404, 200, 200)],
  ['POST', '/tu-van/:id/tra-loi', '/tu-van/{engagementId}/tra-loi', s(303, 403, 404, 422, 404, 403, 403)],
  ['POST', '/tu-van/:id/buoi', '/tu-van/{engagementId}/buoi', s(303, 403, 404, 422, 404, 422, 422)],
  ['POST', '/tu-van/:id/ket-thuc', '/tu-van/{engagementId}/ket-thuc', s(303, 403, 404, 422, 404, 422, 422)],
  [
    'GET',
    '/tu-van/:id/tep/:fileId',
    '/tu-van/{engagementId}/tep/00000000-0000-0000-0000-000000000000',
    s(303, 404, 404, 404, 404, 404, 404),
  ],
  ['GET', '/du-an/:slug/goi-y', `/du-an/${P}/goi-y`, s(303, 403, 403, 403, 403, 200, 200)],
  ['POST', '/du-an/:slug/goi-y/chuyen-gia', `/du-an/${P}/goi-y/chuyen-gia`, s(303, 403, 403, 403, 403, 422, 422)],
  ['POST', '/du-an/:slug/goi-y/doi-tac', `/du-an/${P}/goi-y/doi-tac`, s(303, 403, 403, 403, 403, 422, 422)],
  [
    'GET',
    '/chuyen-gia/:slug/du-an-phu-hop',
    '/chuyen-gia/{expertSlug}/du-an-phu-hop',
    s(303, 403, 403, 200, 403, 200, 200),
  ],
  ['GET', '/api/v1/requests', '/api/v1/requests', s(401, 200, 200, 200, 200, 200, 200)],
  ['POST', '/api/v1/requests', '/api/v1/requests', s(401, 400, 400, 403, 403, 400, 400)],
  ['GET', '/api/v1/requests/:number', '/api/v1/requests/{requestNumber}', s(401, 200, 404, 404, 404, 200, 200)],
  ['GET', '/api/v1/engagements', '/api/v1/engagements', s(401, 200, 200, 200, 200, 200, 200)],
  ['GET', '/api/v1/engagements/:id', '/api/v1/engagements/{engagementId}', s(401, 200, 404, 200, 404, 200, 200)],
  ['GET', '/doi-tac/:slug/du-an-phu-hop', '/doi-tac/{partnerSlug}/du-an-phu-hop', s(303, 403, 403, 403, 200, 200, 200)],
  // events
  ['GET', '/su-kien', '/su-kien', all(200)],
  ['GET', '/su-kien/cua-toi', '/su-kien/cua-toi', s(303, 200, 200, 200, 200, 200, 200)],
  ['GET', '/su-kien/moi', '/su-kien/moi', s(303, 403, 403, 403, 403, 200, 200)],
  ['POST', '/su-kien/moi', '/su-kien/moi', s(303, 403, 403, 403, 403, 422, 422)],
  ['GET', '/su-kien/:slug', '/su-kien/{eventSlug}', all(200)],
  ['GET', '/su-kien/:slug/lich.ics', '/su-kien/{eventSlug}/lich.ics', all(200)],
  ['GET', '/su-kien/:slug/dang-ky', '/su-kien/{eventSlug}/dang-ky', all(200)],
  ['POST', '/su-kien/:slug/dang-ky', '/su-kien/{eventSlug}/dang-ky', all(422)],
  ['GET', '/ve/:token', '/ve/{ticket}', all(200)],
  ['POST', '/ve/:token/huy', '/ve/not-a-ticket-not-a-ticket/huy', all(404)],
  ['GET', '/ve/:token/chung-nhan.pdf', '/ve/{ticket}/chung-nhan.pdf', all(404)],
  // a certificate of a seat taken by an account: its holder and staff, never the link alone
  ['GET', '/ve/:token/chung-nhan.pdf', '/ve/{heldTicket}/chung-nhan.pdf', s(303, 200, 404, 404, 404, 200, 200)],
  ['POST', '/ve/:token/gop-y', '/ve/not-a-ticket-not-a-ticket/gop-y', all(404)],
  ['GET', '/chung-nhan', '/chung-nhan', all(200)],
  ['GET', '/chung-nhan/:code', '/chung-nhan/KHONGCOMA99', all(404)],
  ['GET', '/su-kien/:slug/sua', '/su-kien/{eventSlug}/sua', s(303, 403, 403, 403, 403, 200, 200)],
  ['POST', '/su-kien/:slug/sua', '/su-kien/{eventSlug}/sua', s(303, 403, 403, 403, 403, 422, 422)],
  ['GET', '/su-kien/:slug/nguoi-dang-ky', '/su-kien/{eventSlug}/nguoi-dang-ky', s(303, 403, 403, 403, 403, 200, 200)],
  [
    'GET',
    '/su-kien/:slug/nguoi-dang-ky.xlsx',
    '/su-kien/{eventSlug}/nguoi-dang-ky.xlsx',
    s(303, 403, 403, 403, 403, 200, 200),
  ],
  ['GET', '/su-kien/:slug/diem-danh', '/su-kien/{eventSlug}/diem-danh', s(303, 403, 403, 403, 403, 200, 200)],
  ['POST', '/su-kien/:slug/diem-danh', '/su-kien/{eventSlug}/diem-danh', s(303, 403, 403, 403, 403, 422, 422)],
  [
    'POST',
    '/su-kien/:slug/diem-danh/tat-ca',
    '/su-kien/{eventSlug}/diem-danh/tat-ca',
    s(303, 403, 403, 403, 403, 422, 422),
  ],
  // Recording who came is for ended events: on this one (not ended) staff are sent to the ordinary form.
  ['GET', '/su-kien/:slug/ghi-nhan', '/su-kien/{eventSlug}/ghi-nhan', s(303, 403, 403, 403, 403, 303, 303)],
  ['POST', '/su-kien/:slug/ghi-nhan', '/su-kien/{eventSlug}/ghi-nhan', s(303, 403, 403, 403, 403, 303, 303)],
  [
    'POST',
    '/su-kien/:slug/khach-vang-lai',
    '/su-kien/{eventSlug}/khach-vang-lai',
    s(303, 403, 403, 403, 403, 422, 422),
  ],
  ['GET', '/su-kien/:slug/ket-qua', '/su-kien/{eventSlug}/ket-qua', s(303, 403, 403, 403, 403, 200, 200)],
  ['POST', '/su-kien/:slug/chung-nhan', '/su-kien/{eventSlug}/chung-nhan', s(303, 403, 403, 403, 403, 303, 303)],
  [
    'POST',
    '/su-kien/:slug/chung-nhan/:id/cap-lai',
    '/su-kien/{eventSlug}/chung-nhan/{registrationId}/cap-lai',
    s(303, 403, 403, 403, 403, 409, 409),
  ],
  ['GET', '/su-kien-ngoai', '/su-kien-ngoai', s(303, 403, 403, 403, 403, 200, 200)],
  ['GET', '/su-kien-ngoai/moi', '/su-kien-ngoai/moi', s(303, 403, 403, 403, 403, 200, 200)],
  ['POST', '/su-kien-ngoai/moi', '/su-kien-ngoai/moi', s(303, 403, 403, 403, 403, 422, 422)],
  ['GET', '/su-kien-ngoai/:slug', '/su-kien-ngoai/{externalSlug}', s(303, 403, 403, 403, 403, 200, 200)],
  ['GET', '/su-kien-ngoai/:slug/sua', '/su-kien-ngoai/{externalSlug}/sua', s(303, 403, 403, 403, 403, 200, 200)],
  ['POST', '/su-kien-ngoai/:slug/sua', '/su-kien-ngoai/{externalSlug}/sua', s(303, 403, 403, 403, 403, 422, 422)],
  ['GET', '/su-kien-ngoai/:slug/de-cu', '/su-kien-ngoai/{externalSlug}/de-cu', s(303, 403, 403, 403, 403, 200, 200)],
  ['POST', '/su-kien-ngoai/:slug/de-cu', '/su-kien-ngoai/{externalSlug}/de-cu', s(303, 403, 403, 403, 403, 422, 422)],
  [
    'POST',
    '/su-kien-ngoai/:slug/de-cu/:id',
    '/su-kien-ngoai/{externalSlug}/de-cu/{nominationId}',
    s(303, 403, 403, 403, 403, 422, 422),
  ],
  ['GET', '/api/v1/events', '/api/v1/events', all(200)],
  ['GET', '/api/v1/events/:id', '/api/v1/events/{eventId}', all(200)],
  ['GET', '/api/v1/events/:id/sessions', '/api/v1/events/{eventId}/sessions', all(200)],
  ['GET', '/api/v1/registrations', '/api/v1/registrations', s(401, 200, 200, 200, 200, 200, 200)],
  ['GET', '/api/v1/nominations', '/api/v1/nominations', s(401, 403, 403, 403, 403, 200, 200)],
  // products (the target: a product of the private project, with a photo, a document and a listing)
  ['GET', '/san-pham', '/san-pham?q=thach&ready=1', all(200)],
  ['GET', '/sitemap.xml', '/sitemap.xml', all(200)],
  ['GET', '/anh-san-pham/:id/:size{lon|nho}', '/anh-san-pham/{imageId}/nho', s(404, 200, 404, 404, 404, 200, 200)],
  ['GET', '/san-pham/xuat', '/san-pham/xuat', s(303, 403, 403, 403, 403, 200, 200)],
  ['GET', '/san-pham/xuat.zip', '/san-pham/xuat.zip?id={productId}', s(303, 403, 403, 403, 403, 200, 200)],
  ['GET', '/hoi-mua', '/hoi-mua', s(303, 200, 200, 403, 403, 200, 200)],
  ['POST', '/hoi-mua/:id/dong', '/hoi-mua/{inquiryId}/dong', s(303, 403, 403, 403, 403, 303, 303)],
  ['GET', '/san-pham/:slug', '/san-pham/{productSlug}', s(404, 200, 404, 404, 404, 200, 200)],
  ['POST', '/san-pham/:slug/hoi-mua', '/san-pham/{productSlug}/hoi-mua', s(404, 422, 404, 404, 404, 422, 422)],
  ['GET', '/du-an/:slug/san-pham', `/du-an/${P}/san-pham`, s(404, 200, 404, 404, 404, 200, 200)],
  ['GET', '/du-an/:slug/san-pham/moi', `/du-an/${P}/san-pham/moi`, s(303, 200, 404, 404, 404, 200, 200)],
  ['POST', '/du-an/:slug/san-pham/moi', `/du-an/${P}/san-pham/moi`, s(303, 422, 404, 404, 404, 422, 422)],
  ['GET', '/san-pham/:slug/sua', '/san-pham/{productSlug}/sua', s(303, 200, 404, 404, 404, 200, 200)],
  ['POST', '/san-pham/:slug/sua', '/san-pham/{productSlug}/sua', s(303, 422, 404, 404, 404, 422, 422)],
  [
    'POST',
    '/san-pham/:slug/anh/:imageId/xoa',
    '/san-pham/{productSlug}/anh/no-such-image/xoa',
    s(303, 404, 404, 404, 404, 404, 404),
  ],
  ['GET', '/san-pham/:slug/dieu-kien', '/san-pham/{productSlug}/dieu-kien', s(303, 200, 404, 404, 404, 200, 200)],
  [
    'GET',
    '/san-pham/:slug/dieu-kien/:item',
    '/san-pham/{productSlug}/dieu-kien/label',
    s(303, 200, 404, 404, 404, 200, 200),
  ],
  [
    'POST',
    '/san-pham/:slug/dieu-kien/:item',
    '/san-pham/{productSlug}/dieu-kien/label',
    s(303, 422, 404, 404, 404, 422, 422),
  ],
  [
    'POST',
    '/san-pham/:slug/dieu-kien/:item/xac-nhan',
    '/san-pham/{productSlug}/dieu-kien/label/xac-nhan',
    s(303, 403, 403, 403, 403, 409, 409),
  ],
  [
    'GET',
    '/san-pham/:slug/dieu-kien/:item/tai-lieu',
    '/san-pham/{productSlug}/dieu-kien/self_declaration/tai-lieu',
    s(303, 200, 404, 404, 404, 200, 200),
  ],
  ['GET', '/san-pham/:slug/niem-yet/moi', '/san-pham/{productSlug}/niem-yet/moi', s(303, 403, 403, 403, 403, 200, 200)],
  [
    'POST',
    '/san-pham/:slug/niem-yet/moi',
    '/san-pham/{productSlug}/niem-yet/moi',
    s(303, 403, 403, 403, 403, 422, 422),
  ],
  [
    'GET',
    '/san-pham/:slug/niem-yet/:id',
    '/san-pham/{productSlug}/niem-yet/{listingId}',
    s(303, 403, 403, 403, 403, 200, 200),
  ],
  [
    'POST',
    '/san-pham/:slug/niem-yet/:id',
    '/san-pham/{productSlug}/niem-yet/{listingId}',
    s(303, 403, 403, 403, 403, 422, 422),
  ],
  ['GET', '/ket-noi-tieu-thu', '/ket-noi-tieu-thu', s(303, 403, 403, 403, 403, 200, 200)],
  ['GET', '/ket-noi-tieu-thu/moi', '/ket-noi-tieu-thu/moi', s(303, 403, 403, 403, 403, 200, 200)],
  ['POST', '/ket-noi-tieu-thu/moi', '/ket-noi-tieu-thu/moi', s(303, 403, 403, 403, 403, 422, 422)],
  ['GET', '/ket-noi-tieu-thu/:id', '/ket-noi-tieu-thu/{connectionId}', s(303, 200, 404, 404, 200, 200, 200)],
  [
    'POST',
    '/ket-noi-tieu-thu/:id/giai-doan',
    '/ket-noi-tieu-thu/{connectionId}/giai-doan',
    s(303, 403, 403, 403, 403, 422, 422),
  ],
  [
    'POST',
    '/ket-noi-tieu-thu/:id/ket-qua',
    '/ket-noi-tieu-thu/{connectionId}/ket-qua',
    s(303, 403, 403, 403, 403, 303, 303),
  ],
  [
    'POST',
    '/ket-noi-tieu-thu/:id/chia-se',
    '/ket-noi-tieu-thu/{connectionId}/chia-se',
    s(303, 303, 404, 404, 403, 403, 403),
  ],
  [
    'GET',
    '/ket-noi-tieu-thu/:id/hop-dong',
    '/ket-noi-tieu-thu/{connectionId}/hop-dong',
    s(303, 200, 404, 404, 200, 200, 200),
  ],
  ['GET', '/api/v1/products', '/api/v1/products?q=thach', all(200)],
  ['GET', '/api/v1/products/:id', '/api/v1/products/{productId}', s(404, 200, 404, 404, 404, 200, 200)],
  [
    'GET',
    '/api/v1/products/:id/readiness',
    '/api/v1/products/{productId}/readiness',
    s(404, 200, 404, 404, 404, 200, 200),
  ],
  [
    'GET',
    '/api/v1/products/:id/listings',
    '/api/v1/products/{productId}/listings',
    s(404, 200, 404, 404, 404, 200, 200),
  ],
  [
    'POST',
    '/api/v1/products/:id/listings',
    '/api/v1/products/{productId}/listings',
    s(401, 403, 403, 403, 403, 400, 400),
  ],
  ['GET', '/api/v1/connections', '/api/v1/connections', s(401, 403, 403, 403, 403, 200, 200)],
  ['GET', '/api/v1/connections/:id', '/api/v1/connections/{connectionId}', s(401, 200, 404, 404, 200, 200, 200)],
  ['GET', '/khong-gian', '/khong-gian', all(200)],
  ['GET', '/api/v1/rooms', '/api/v1/rooms', all(200)],
  ['GET', '/api/v1/rooms/:slug/week', '/api/v1/rooms/{roomSlug}/week?day=2031-04-01', all(200)],
  ['GET', '/khong-gian/moi', '/khong-gian/moi', s(303, 403, 403, 403, 403, 200, 200)],
  ['POST', '/khong-gian/moi', '/khong-gian/moi', s(303, 403, 403, 403, 403, 422, 422)],
  ['GET', '/khong-gian/:slug', '/khong-gian/{roomSlug}', all(200)],
  ['GET', '/khong-gian/:slug/sua', '/khong-gian/{roomSlug}/sua', s(303, 403, 403, 403, 403, 200, 200)],
  ['POST', '/khong-gian/:slug/sua', '/khong-gian/{roomSlug}/sua', s(303, 403, 403, 403, 403, 422, 422)],
  ['GET', '/khong-gian/:slug/lich', '/khong-gian/{roomSlug}/lich', all(200)],
  ['GET', '/khong-gian/lich', '/khong-gian/lich?xem=thang&thang=2031-04', all(200)],
  ['GET', '/khong-gian/cong-suat', '/khong-gian/cong-suat?thang=2031-04', s(303, 403, 403, 403, 403, 200, 200)],
  ['GET', '/khong-gian/:slug/lich.ics', '/khong-gian/{roomSlug}/lich.ics', all(200)],
  // A person's feed: its private address is the key (calendar apps send no cookie).
  ['GET', '/dat-cho/lich/:token', '/dat-cho/lich/{feedToken}.ics', all(200)],
  ['POST', '/api/v1/rooms/:slug/bookings', '/api/v1/rooms/{roomSlug}/bookings', s(401, 400, 400, 400, 400, 400, 400)],
  ['GET', '/api/v1/occupancy', '/api/v1/occupancy?month=2031-04', s(401, 403, 403, 403, 403, 200, 200)],
  ['GET', '/khong-gian/:slug/dat-cho', '/khong-gian/{roomSlug}/dat-cho', s(303, 200, 200, 200, 200, 200, 200)],
  ['POST', '/khong-gian/:slug/dat-cho', '/khong-gian/{roomSlug}/dat-cho', s(303, 422, 422, 422, 422, 422, 422)],
  ['GET', '/dat-cho', '/dat-cho', s(303, 200, 200, 200, 200, 200, 200)],
  ['GET', '/dat-cho/:id', '/dat-cho/{bookingId}', s(303, 200, 404, 404, 404, 200, 200)],
  ['POST', '/dat-cho/:id/duyet', '/dat-cho/{bookingId}/duyet', s(303, 403, 404, 404, 404, 422, 422)],
  ['POST', '/dat-cho/:id/doi-gio', '/dat-cho/{bookingId}/doi-gio', s(303, 422, 404, 404, 404, 422, 422)],
  // The owner (who booked) cancels with an empty reason; staff then find it already cancelled.
  ['POST', '/dat-cho/:id/huy', '/dat-cho/{bookingId}/huy', s(303, 303, 404, 404, 404, 409, 409)],
  // Surveys: staff build and read results; anyone answers a public survey, and only their own
  // response (found by account or resume token; none here, so every answering page goes back).
  ['GET', '/khao-sat', '/khao-sat', s(303, 403, 403, 403, 403, 200, 200)],
  ['GET', '/api/v1/surveys', '/api/v1/surveys', s(401, 403, 403, 403, 403, 200, 200)],
  [
    'GET',
    '/api/v1/surveys/:slug/results',
    '/api/v1/surveys/{surveySlug}/results?by=commune',
    s(401, 403, 403, 403, 403, 200, 200),
  ],
  ['GET', '/khao-sat/moi', '/khao-sat/moi', s(303, 403, 403, 403, 403, 200, 200)],
  ['POST', '/khao-sat/moi', '/khao-sat/moi', s(303, 403, 403, 403, 403, 422, 422)],
  ['POST', '/khao-sat/tu-mau', '/khao-sat/tu-mau', s(303, 403, 403, 403, 403, 303, 303)],
  ['GET', '/khao-sat/:slug/thiet-ke', '/khao-sat/{surveySlug}/thiet-ke', s(303, 403, 403, 403, 403, 200, 200)],
  ['GET', '/khao-sat/:slug/sua', '/khao-sat/{surveySlug}/sua', s(303, 403, 403, 403, 403, 200, 200)],
  ['POST', '/khao-sat/:slug/sua', '/khao-sat/{surveySlug}/sua', s(303, 403, 403, 403, 403, 422, 422)],
  ['POST', '/khao-sat/:slug/phan', '/khao-sat/{surveySlug}/phan', s(303, 403, 403, 403, 403, 303, 303)],
  ['GET', '/khao-sat/:slug/phan/:id', '/khao-sat/{surveySlug}/phan/{sectionId}', s(303, 403, 403, 403, 403, 200, 200)],
  ['POST', '/khao-sat/:slug/phan/:id', '/khao-sat/{surveySlug}/phan/{sectionId}', s(303, 403, 403, 403, 403, 422, 422)],
  // A section with questions is not removed: back to the builder with the reason.
  [
    'POST',
    '/khao-sat/:slug/phan/:id/xoa',
    '/khao-sat/{surveySlug}/phan/{sectionId}/xoa',
    s(303, 403, 403, 403, 403, 303, 303),
  ],
  [
    'GET',
    '/khao-sat/:slug/cau-hoi/moi',
    '/khao-sat/{surveySlug}/cau-hoi/moi?phan={sectionId}',
    s(303, 403, 403, 403, 403, 200, 200),
  ],
  [
    'POST',
    '/khao-sat/:slug/cau-hoi/moi',
    '/khao-sat/{surveySlug}/cau-hoi/moi?phan={sectionId}',
    s(303, 403, 403, 403, 403, 422, 422),
  ],
  [
    'GET',
    '/khao-sat/:slug/cau-hoi/:id',
    '/khao-sat/{surveySlug}/cau-hoi/{questionId}',
    s(303, 403, 403, 403, 403, 200, 200),
  ],
  [
    'POST',
    '/khao-sat/:slug/cau-hoi/:id',
    '/khao-sat/{surveySlug}/cau-hoi/{questionId}',
    s(303, 403, 403, 403, 403, 422, 422),
  ],
  [
    'POST',
    '/khao-sat/:slug/cau-hoi/:id/di-chuyen',
    '/khao-sat/{surveySlug}/cau-hoi/{questionId}/di-chuyen',
    s(303, 403, 403, 403, 403, 422, 422),
  ],
  // The group question has questions that depend on it: not removed.
  [
    'POST',
    '/khao-sat/:slug/cau-hoi/:id/xoa',
    '/khao-sat/{surveySlug}/cau-hoi/{questionId}/xoa',
    s(303, 403, 403, 403, 403, 303, 303),
  ],
  ['GET', '/khao-sat/:slug/ap-phich', '/khao-sat/{surveySlug}/ap-phich', s(303, 403, 403, 403, 403, 200, 200)],
  ['GET', '/khao-sat/:slug/ket-qua', '/khao-sat/{surveySlug}/ket-qua', s(303, 403, 403, 403, 403, 200, 200)],
  ['GET', '/khao-sat/:slug/ket-qua.xlsx', '/khao-sat/{surveySlug}/ket-qua.xlsx', s(303, 403, 403, 403, 403, 200, 200)],
  [
    'GET',
    '/khao-sat/:slug/ket-qua/:question',
    '/khao-sat/{surveySlug}/ket-qua/{textQuestionId}?q=von',
    s(303, 403, 403, 403, 403, 200, 200),
  ],
  ['GET', '/khao-sat/:slug', '/khao-sat/{surveySlug}', all(200)],
  // The consent is not ticked.
  ['POST', '/khao-sat/:slug', '/khao-sat/{surveySlug}', all(422)],
  ['GET', '/khao-sat/:slug/tiep-tuc/:token', '/khao-sat/{surveySlug}/tiep-tuc/not-a-token', all(404)],
  ['GET', '/khao-sat/:slug/trang/:page', '/khao-sat/{surveySlug}/trang/1', all(303)],
  ['POST', '/khao-sat/:slug/trang/:page', '/khao-sat/{surveySlug}/trang/1', all(303)],
  ['GET', '/khao-sat/:slug/da-luu', '/khao-sat/{surveySlug}/da-luu', all(303)],
  ['GET', '/khao-sat/:slug/xong', '/khao-sat/{surveySlug}/xong', all(303)],
  ['POST', '/khao-sat/:slug/nhu-cau', '/khao-sat/{surveySlug}/nhu-cau', s(303, 404, 404, 404, 404, 404, 404)],
  // Visits: the check-in at the door is for anyone; the desk, its list and exports for staff.
  ['GET', '/den-lam-viec', '/den-lam-viec', all(200)],
  ['POST', '/den-lam-viec', '/den-lam-viec', all(422)],
  ['GET', '/den-lam-viec/cam-on', '/den-lam-viec/cam-on', all(200)],
  ['GET', '/quan-ly/luot-den', '/quan-ly/luot-den', s(303, 403, 403, 403, 403, 200, 200)],
  ['GET', '/quan-ly/luot-den/tai-ve', '/quan-ly/luot-den/tai-ve?dang=csv', s(303, 403, 403, 403, 403, 200, 200)],
  ['GET', '/quan-ly/luot-den/ap-phich', '/quan-ly/luot-den/ap-phich', s(303, 403, 403, 403, 403, 200, 200)],
  ['GET', '/quan-ly/luot-den/moi', '/quan-ly/luot-den/moi', s(303, 403, 403, 403, 403, 200, 200)],
  ['POST', '/quan-ly/luot-den/moi', '/quan-ly/luot-den/moi', s(303, 403, 403, 403, 403, 422, 422)],
  ['GET', '/quan-ly/luot-den/:id/yeu-cau', '/quan-ly/luot-den/{visitId}/yeu-cau', s(303, 403, 403, 403, 403, 200, 200)],
  [
    'POST',
    '/quan-ly/luot-den/:id/yeu-cau',
    '/quan-ly/luot-den/{visitId}/yeu-cau',
    s(303, 403, 403, 403, 403, 422, 422),
  ],
  // The officer removes the visit; the admin then finds nothing to remove.
  ['GET', '/api/v1/visits', '/api/v1/visits?from=2022-06-01&to=2022-06-30', s(401, 403, 403, 403, 403, 200, 200)],
  ['POST', '/api/v1/visits', '/api/v1/visits', s(401, 403, 403, 403, 403, 400, 400)],
  ['POST', '/quan-ly/luot-den/:id/xoa', '/quan-ly/luot-den/{visitId}/xoa', s(303, 403, 403, 403, 403, 303, 404)],
  // The library: anyone reads and downloads public items; staff manage them.
  ['GET', '/thu-vien', '/thu-vien', all(200)],
  ['GET', '/thu-vien/moi', '/thu-vien/moi', s(303, 403, 403, 403, 403, 200, 200)],
  ['POST', '/thu-vien/moi', '/thu-vien/moi', s(303, 403, 403, 403, 403, 422, 422)],
  ['GET', '/thu-vien/:slug', '/thu-vien/{librarySlug}', all(200)],
  ['GET', '/thu-vien/:slug/tai-ve', '/thu-vien/{librarySlug}/tai-ve', all(303)],
  ['GET', '/thu-vien/:slug/sua', '/thu-vien/{librarySlug}/sua', s(303, 403, 403, 403, 403, 200, 200)],
  ['POST', '/thu-vien/:slug/sua', '/thu-vien/{librarySlug}/sua', s(303, 403, 403, 403, 403, 422, 422)],
  ['POST', '/thu-vien/:slug/xoa', '/thu-vien/{librarySlug}/xoa', s(303, 403, 403, 403, 403, 303, 404)],
];

let rt: TestRuntime;
const browsers = {} as Record<Who, TestBrowser>;
const ids: Record<string, string> = {};
const password = 'mat-khau-ma-tran';

beforeAll(async () => {
  rt = await testRuntime();
  const people: Partial<Record<Who, Awaited<ReturnType<typeof createUser>>>> = {};
  for (const w of who) {
    if (w === 'anon') continue;
    const role = w === 'owner' || w === 'other' ? 'founder' : w;
    people[w] = await createUser(rt.deps, { name: `Người ${w}`, email: `${w}@matrix.vn`, password, role });
  }
  const owner = people.owner;
  if (owner) ids.tokenId = (await createApiToken(rt.db, { actor: owner, name: 'Mã của owner', scope: 'read' })).id;
  if (!owner || !people.partner) throw new Error('setup failed');
  // A notice, the owner's optional consent, the owner's request about their data, a breach.
  await publishNotice({
    db: rt.db,
    actor: owner,
    input: NoticeInput.parse({
      version: '1.0',
      effectiveOn: '2026-01-01',
      textVi: 'Chính sách của ma trận phân quyền.',
    }),
  });
  await recordConsents(rt.db, { userId: owner.id, purposes: ['news'], source: 'account' });
  const [consentRow] = await rows<{ id: string }>(rt.db, sql`select id from consent where user_id = ${owner.id}`);
  ids.consentId = consentRow?.id ?? '';
  const [dataRequestRow] = await rows<{ id: string }>(
    rt.db,
    sql`insert into data_request (user_id, kind, due_at) values (${owner.id}, 'access', now() + interval '10 days') returning id`,
  );
  ids.dataRequestId = dataRequestRow?.id ?? '';
  const [breachRow] = await rows<{ id: string }>(
    rt.db,
    sql`insert into breach (title, description, discovered_at) values ('Sự cố', 'Mô tả sự cố ma trận.', now()) returning id`,
  );
  ids.breachId = breachRow?.id ?? '';
  const project = await createProject({
    db: rt.db,
    actor: owner,
    input: {
      name: 'Dự án riêng tư',
      summary: 'Chỉ nhóm và cán bộ Sở được xem.',
      description: '',
      type: 'product',
      field: 'food',
      stage: 'idea',
      commune: 'that-khe',
      members: [],
      needs: [],
      awards: [],
      links: [],
      consentToPublish: false,
      isPublic: false,
    },
  });
  ids.slug = project.slug;
  ids.id = project.id;
  ids.partnerId = people.partner.id;
  for (const w of who) {
    browsers[w] = new TestBrowser(rt.app);
    await browsers[w].get('/');
    if (w !== 'anon') await browsers[w].signIn(`${w}@matrix.vn`, password);
  }
  // partners & experts: a hidden organisation the partner speaks for, the private project
  // introduced to it, and the expert's hidden profile.
  if (!people.officer || !people.expert) throw new Error('setup failed');
  const org = await createPartner({
    db: rt.db,
    actor: people.officer,
    input: {
      name: 'Tổ chức ẩn của ma trận',
      slug: '',
      kind: 'distributor',
      summary: 'Chỉ cán bộ Sở và thành viên được xem.',
      description: '',
      offers: [],
      fields: [],
      communes: [],
      anywhere: true,
      address: '',
      website: '',
      contactName: '',
      contactPhone: '',
      contactEmail: '',
      isPublic: false,
    },
  });
  await addMember({ db: rt.db, actor: people.officer, slug: org.slug, email: 'partner@matrix.vn' });
  ids.partnerSlug = org.slug;
  ids.introductionId = (
    await introduceProject({
      db: rt.db,
      mailer: rt.deps.mailer,
      actor: people.officer,
      partnerId: org.id,
      projectId: project.id,
      message: 'Giới thiệu dự án riêng tư.',
    })
  ).id;
  ids.expertSlug = (
    await saveOwnProfile({
      db: rt.db,
      actor: people.expert,
      input: {
        name: 'Người expert',
        headline: 'Hồ sơ chưa công khai.',
        organisation: '',
        bio: '',
        specialties: ['legal'],
        fields: [],
        communes: [],
        anywhere: true,
        isPublic: false,
      },
    })
  ).slug;
  const context = { db: rt.db, mailer: rt.deps.mailer, baseUrl: 'http://localhost' };
  const filed = await fileRequest({
    ...context,
    actor: owner,
    input: {
      project: project.slug,
      needs: ['consulting_ip'],
      body: 'Yêu cầu hỗ trợ của dự án riêng tư trong ma trận.',
      urgency: 'normal',
    },
    files: [await readUpload(fileOf(pdfBytes(), 'ho-so.pdf'), 'files', { accept: 'document', maxBytes: 1024 * 1024 })],
  });
  ids.requestNumber = String(filed.number);
  const [file] = await rt.db.select({ id: storedFile.id }).from(storedFile);
  ids.requestFileId = file?.id ?? '';
  ids.engagementId = (
    await proposeEngagement({
      ...context,
      actor: people.officer,
      input: { expertId: people.expert.id, projectId: project.id, topic: 'Tư vấn trong ma trận', brief: '' },
    })
  ).id;
  // events: a published public course with one anonymous registration; an external event nominating the project
  const officer = people.officer;
  if (!officer) throw new Error('setup failed');
  const soon = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const course = await createEvent({
    db: rt.db,
    actor: officer,
    input: EventInput.parse({
      kind: 'course',
      title: 'Khóa học ma trận',
      organiser: 'Sở KHCN',
      venue: 'Hội trường',
      sessions: `${soon} 08:00-11:00`,
      capacity: '10',
      audience: 'public',
      published: 'on',
    }),
  });
  ids.eventSlug = course.slug;
  ids.eventId = course.id;
  const seat = await register({
    deps: rt.deps,
    actor: null,
    slug: course.slug,
    input: RegistrationInput.parse({
      name: 'Người đăng ký',
      phone: '0912345678',
      organisationType: 'individual',
      sex: 'female',
      ethnicity: 'tay',
      birthYear: '1990',
      consent: 'on',
    }),
  });
  ids.ticket = seat.registration.token;
  ids.registrationId = seat.registration.id;
  // The owner's own seat on another course, attended, with its certificate: its PDF is the owner's
  // and staff's only.
  const heldCourse = await createEvent({
    db: rt.db,
    actor: officer,
    input: EventInput.parse({
      kind: 'course',
      title: 'Khóa học ma trận có chứng nhận',
      organiser: 'Sở KHCN',
      venue: 'Hội trường',
      sessions: `${soon} 13:30-16:30`,
      capacity: '10',
      audience: 'public',
      published: 'on',
    }),
  });
  const held = await register({
    deps: rt.deps,
    actor: owner,
    slug: heldCourse.slug,
    input: RegistrationInput.parse({
      name: 'Người owner',
      phone: '0912345679',
      email: 'owner@matrix.vn',
      organisationType: 'individual',
      sex: 'male',
      ethnicity: 'kinh',
      birthYear: '1988',
      consent: 'on',
    }),
  });
  ids.heldTicket = held.registration.token;
  const [firstSession] = (await getEvent({ db: rt.db, actor: officer, slug: heldCourse.slug })).sessions;
  await browsers.officer.post(`/su-kien/${heldCourse.slug}/diem-danh`, {
    session: firstSession?.id ?? '',
    code: held.registration.code,
  });
  expect((await browsers.officer.post(`/su-kien/${heldCourse.slug}/chung-nhan`)).status).toBe(303);
  const external = await createExternalEvent({
    db: rt.db,
    actor: officer,
    input: ExternalEventInput.parse({ kind: 'event', title: 'Ngày hội ma trận', organiser: 'Bộ KHCN', startsOn: soon }),
  });
  ids.externalSlug = external.slug;
  await nominate({
    deps: rt.deps,
    actor: officer,
    slug: external.slug,
    input: { projects: [project.id], message: '' },
  });
  const [n] = (await getExternalEvent({ db: rt.db, actor: officer, slug: external.slug })).nominations;
  ids.nominationId = n?.id ?? '';
  // products: a product of the private project, with a photo, a document, a listing and an inquiry
  if (!people.officer) throw new Error('setup failed');
  const item = await createProduct({
    db: rt.db,
    actor: owner,
    projectSlug: project.slug,
    input: {
      name: 'Thạch đen riêng tư',
      category: 'food',
      description: '',
      unit: '',
      priceMinVnd: undefined,
      priceMaxVnd: undefined,
      minOrder: '',
      capacity: '',
      ocopStars: undefined,
      ocopCertificateNo: '',
      ocopExpiresOn: undefined,
      isPublic: true,
    },
    files: [fileOf(await pngBytes(), 'anh.png', 'image/png')],
  });
  ids.productSlug = item.slug;
  ids.productId = item.id;
  ids.imageId = (await imagesOf(rt.db, item.id))[0]?.id ?? '';
  await updateReadinessItem({
    db: rt.db,
    actor: owner,
    slug: item.slug,
    item: 'self_declaration',
    input: {
      status: 'done',
      variant: '',
      number: '01/TCB',
      issuedOn: undefined,
      expiresOn: undefined,
      note: '',
      removeFile: false,
    },
    file: fileOf(pdfBytes(), 'tu-cong-bo.pdf', 'application/pdf'),
  });
  const listing = await createListing({
    db: rt.db,
    actor: people.officer,
    slug: item.slug,
    input: { platform: 'techfest247', url: '', listedOn: '2022-01-10', status: 'live', note: '' },
  });
  ids.listingId = listing.id;
  ids.personId = (
    await rt.db.transaction((tx) => findOrCreatePerson(tx, { fullName: 'Người thử', phone: '0911999888' }))
  ).id;
  const inquiry = await createInquiry({
    db: rt.db,
    mailer: rt.deps.mailer,
    actor: owner,
    slug: item.slug,
    input: {
      name: 'Người mua',
      organisation: '',
      email: 'mua@matrix.vn',
      phone: '',
      quantity: '',
      message: 'Tôi muốn hỏi giá sỉ.',
    },
    baseUrl: 'http://localhost',
  });
  ids.inquiryId = inquiry.id;
  // a sales connection of that product with the organisation the partner account speaks for, with its contract
  const connection = await createConnection({
    db: rt.db,
    actor: people.officer,
    input: {
      partnerId: org.id,
      product: item.slug,
      project: '',
      startedOn: '2022-03-10',
      notes: '',
      nextStep: '',
      nextStepOn: undefined,
      inquiryId: undefined,
    },
  });
  ids.connectionId = connection.id;
  // spaces: a room, and the owner's booking of it for the private project
  const room = await saveRoom({
    db: rt.db,
    actor: people.officer,
    input: {
      name: 'Phòng họp ma trận',
      kind: 'meeting_room',
      capacity: 10,
      description: '',
      needsApproval: true,
      maxDays: 2,
      active: true,
    },
  });
  ids.roomSlug = room.slug;
  ids.feedToken = feedToken(rt.deps.cookieSecret, owner.id);
  const survey = await createNeedsSurvey({ db: rt.db, actor: people.officer, year: 2031 });
  const surveyQuestions = await surveyForm(rt.db, survey.id);
  ids.surveySlug = survey.slug;
  ids.sectionId = surveyQuestions.sections[0]?.id ?? '';
  ids.questionId = surveyQuestions.questions[0]?.id ?? '';
  ids.textQuestionId = surveyQuestions.questions.find((q) => q.kind === 'long_text')?.id ?? '';
  ids.visitId = (
    await checkIn({
      db: rt.db,
      actor: null,
      input: { fullName: 'Khách ma trận', phone: '0987650001', commune: '', purpose: 'support', note: '' },
    })
  ).id;
  ids.librarySlug = (
    await saveItem({
      db: rt.db,
      actor: people.officer,
      input: {
        title: 'Tài liệu của ma trận',
        kind: 'guide',
        category: 'startup',
        tags: '',
        description: '',
        author: '',
        year: undefined,
        url: 'https://example.org/tai-lieu',
        shelfMark: '',
        access: 'public',
        removeFile: false,
      },
    })
  ).slug;
  ids.bookingId = (
    await createBooking({
      db: rt.db,
      actor: owner,
      roomSlug: room.slug,
      baseUrl: 'http://localhost',
      input: {
        project: project.id,
        mode: 'hours',
        date: '2031-04-02',
        startTime: '08:00',
        endTime: '10:00',
        purpose: 'Họp ma trận',
      },
    })
  ).id;
  await saveOutcome({
    db: rt.db,
    actor: people.officer,
    id: connection.id,
    input: {
      contractSignedOn: '2022-05-20',
      contractValueVnd: 1000,
      contractVolume: '',
      contractMonths: undefined,
      salesPeriod: '',
      salesBeforeVnd: undefined,
      salesAfterVnd: undefined,
      removeFile: false,
    },
    file: fileOf(pdfBytes('Hop dong'), 'hop-dong.pdf', 'application/pdf'),
  });
});
afterAll(() => rt.close());

describe('authorization matrix', () => {
  it('lists every route of the app', () => {
    const routes = new Set(rt.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
    const listed = new Set(matrix.map(([m, r]) => `${m} ${r}`));
    expect([...routes].filter((r) => !listed.has(r))).toEqual([]);
    expect([...listed].filter((r) => !routes.has(r))).toEqual([]);
  });

  for (const [method, route, url, expected] of matrix) {
    it(`${method} ${route}`, async () => {
      const actual: Record<string, number> = {};
      for (const w of who) {
        const path = url.replace(/\{(\w+)\}/g, (_, k: string) => ids[k] ?? '');
        const res =
          method === 'GET'
            ? await browsers[w].get(path)
            : method === 'PUT'
              ? await browsers[w].request(path, {
                  method,
                  headers: { 'x-csrf-token': await browsers[w].csrfToken() },
                  body: '',
                })
              : await browsers[w].post(path, {});
        actual[w] = res.status;
        // signing out ends the session: sign back in for the next rows
        if (route === '/dang-xuat' && w !== 'anon') await browsers[w].signIn(`${w}@matrix.vn`, password);
      }
      expect(actual).toEqual(expected);
    });
  }

  it('anonymous visitors are sent to sign in, and come back where they were', async () => {
    const res = await browsers.anon.get('/ho-tro');
    expect(res.headers.get('location')).toBe('/dang-nhap?next=%2Fho-tro');
  });

  it("an uploaded file keeps its own sandboxed policy, not the site's, also when answered 304", async () => {
    const path = `/yeu-cau/${ids.requestNumber}/tep/${ids.requestFileId}`;
    const res = await browsers.owner.get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-security-policy')).toBe(filePolicy);
    const again = await browsers.owner.request(path, { headers: { 'if-none-match': res.headers.get('etag') ?? '' } });
    expect(again.status).toBe(304);
    expect(again.headers.get('content-security-policy')).toBe(filePolicy);
    // Every other response still gets the site's policy.
    const page = await browsers.owner.get(`/yeu-cau/${ids.requestNumber}`);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('content-security-policy')).not.toContain('sandbox');
  });

  it('signed-in pages are never cached; every page has security headers', async () => {
    const res = await browsers.owner.get('/du-an/cua-toi');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});
