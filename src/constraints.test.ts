import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '#kernel/auth/api-tokens.ts';
import { rows } from '#kernel/db/rows.ts';
import { type TestRuntime, testRuntime } from '#src/testing/runtime.ts';

// The database refuses bad rows by itself, whichever code path (or hand-typed SQL) writes them.
// Each rule is broken once on a row of the demo data; the database must refuse with that rule's
// name. A rule added to a migration without a line here fails the first test.

let rt: TestRuntime;
beforeAll(async () => {
  rt = await testRuntime({ demo: true });
  // The demo data has no API token (tokens are personal, made on the account page): one to break.
  const [officer] = await rows<{ id: string; name: string; email: string }>(
    rt.db,
    sql`select id, name, email from "user" where role = 'officer' limit 1`,
  );
  if (officer) await createApiToken(rt.db, { actor: { ...officer, role: 'officer' }, name: 'Mã thử', scope: 'read' });
  // Nor two-step sign-in (each staff member turns it on): an authenticator to break.
  if (officer)
    await rt.db.execute(
      sql`insert into two_factor (user_id, secret) values (${officer.id}, 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP')`,
    );
  // Nor an import: a draft batch to break.
  await rt.db.execute(sql`insert into import_batch (kind, file_name) values ('attendance', 'danh-sach.xlsx')`);
  // Nor a data subject's request or a consent given on the account page: one of each to break.
  if (officer) {
    await rt.db.execute(
      sql`insert into data_request (user_id, kind, due_at) values (${officer.id}, 'access', now() + interval '10 days')`,
    );
    await rt.db.execute(sql`insert into consent (user_id, purpose, source) values (${officer.id}, 'news', 'account')`);
  }
}, 300_000);
afterAll(() => rt.close());

/** The rule, the table of a row to break it on, and the assignment that breaks it. */
const breaking: [rule: string, table: string, set: string][] = [
  ['user_role_known', 'user', `role = 'superuser'`],
  ['api_token_scope_known', 'api_token', `scope = 'admin'`],
  ['api_token_name_length', 'api_token', `name = ''`],
  ['two_factor_secret_base32', 'two_factor', `secret = 'not-base32'`],
  ['stored_file_size', 'stored_file', 'size = -1'],
  ['mail_outbox_status', 'mail_outbox', `status = 'lost'`],
  ['mail_outbox_attempts', 'mail_outbox', 'attempts = -1'],
  ['project_type_known', 'project', `type = 'startup'`],
  ['project_field_known', 'project', `field = 'space travel'`],
  ['project_stage_known', 'project', `stage = 'unicorn'`],
  ['project_needs_known', 'project', `needs = array['consulting_ip', 'magic']`],
  ['import_batch_kind_known', 'import_batch', `kind = 'everything'`],
  ['import_batch_status_known', 'import_batch', `status = 'lost'`],
  ['import_batch_header_row', 'import_batch', 'header_row = -1'],
  ['project_publish_review_known', 'project', `publish_review = 'maybe'`],
  ['project_review_not_public', 'project', `is_public = true, publish_review = 'pending'`],
  ['project_member_position', 'project_member', 'position = -1'],
  ['support_kind_known', 'support', `kind = 'gift'`],
  ['support_provider_kind_known', 'support', `provider_kind = 'friend'`],
  ['support_status_known', 'support', `status = 'maybe'`],
  ['support_dates_in_order', 'support', `ended_on = started_on - 1`],
  ['support_figures_valid', 'support', `figures = '{"participants": -3}'`],
  ['support_beneficiary_set', 'support', 'project_id = null, person_id = null'],
  ['support_source_kind_known', 'support', `source_kind = 'gossip'`],
  ['person_sex_known', 'person', `sex = 'x'`],
  ['person_ethnicity_known', 'person', `ethnicity = 'martian'`],
  ['person_birth_year', 'person', 'birth_year = 1850'],
  ['engagement_status_known', 'engagement', `status = 'paused'`],
  ['engagement_session_hours', 'engagement_session', 'hours = 0'],
  ['expert_specialties_known', 'expert_profile', `specialties = array['astrology']`],
  ['expert_fields_known', 'expert_profile', `fields = array['mining']`],
  ['partner_kind_known', 'partner', `kind = 'friend'`],
  ['partner_offers_known', 'partner', `offers = array['free lunch']`],
  ['partner_fields_known', 'partner', `fields = array['mining']`],
  ['introduction_status_known', 'introduction', `status = 'ignored'`],
  ['event_kind_known', 'event', `kind = 'party'`],
  ['event_audience_known', 'event', `audience = 'vip'`],
  ['event_capacity', 'event', 'capacity = 0'],
  ['event_certificate_percent', 'event', 'certificate_percent = 120'],
  ['event_days_in_order', 'event', 'ends_on = starts_on - 1'],
  [
    'event_registration_window_in_order',
    'event',
    `registration_opens_on = '2022-06-10', registration_closes_on = '2022-06-01'`,
  ],
  ['event_session_position', 'event_session', 'position = -1'],
  ['event_session_start_time', 'event_session', `start_time = '0:5'`],
  ['event_session_end_time', 'event_session', `end_time = '25:00'`],
  ['event_session_ends_after_start', 'event_session', `start_time = '17:00', end_time = '08:00'`],
  ['event_registration_status_known', 'event_registration', `status = 'maybe'`],
  ['event_registration_organisation_type_known', 'event_registration', `organisation_type = 'club'`],
  ['event_registration_sex_known', 'event_registration', `sex = 'x'`],
  ['event_registration_ethnicity_known', 'event_registration', `ethnicity = 'martian'`],
  ['event_registration_birth_year', 'event_registration', 'birth_year = 1850'],
  ['event_attendance_method_known', 'event_attendance', `method = 'telepathy'`],
  ['event_certificate_sessions', 'event_certificate', 'sessions_attended = -1'],
  ['event_certificate_hours', 'event_certificate', 'hours = -1'],
  ['event_feedback_rating', 'event_feedback', 'rating = 6'],
  ['external_event_kind_known', 'external_event', `kind = 'party'`],
  ['external_event_days_in_order', 'external_event', 'ends_on = starts_on - 1'],
  ['nomination_status_known', 'nomination', `status = 'forgotten'`],
  ['nomination_contacts', 'nomination', 'contacts = -2'],
  ['product_category_known', 'product', `category = 'weapons'`],
  ['product_price_min', 'product', 'price_min_vnd = -1000'],
  ['product_prices_in_order', 'product', 'price_min_vnd = 90000, price_max_vnd = 50000'],
  ['product_ocop_stars', 'product', 'ocop_stars = 6'],
  ['product_image_position', 'product_image', 'position = -1'],
  ['product_image_size', 'product_image', 'width = 0'],
  ['readiness_item_known', 'readiness_item', `item = 'horoscope'`],
  ['readiness_item_status_known', 'readiness_item', `status = 'someday'`],
  ['readiness_item_dates_in_order', 'readiness_item', `issued_on = '2023-01-02', expires_on = '2023-01-01'`],
  ['product_listing_platform_known', 'product_listing', `platform = 'ebay'`],
  ['product_listing_status_known', 'product_listing', `status = 'hidden'`],
  ['product_inquiry_status_known', 'product_inquiry', `status = 'spam'`],
  ['sales_connection_stage_known', 'sales_connection', `stage = 'married'`],
  ['sales_connection_contract_value', 'sales_connection', 'contract_value_vnd = -1'],
  ['sales_connection_sales_before', 'sales_connection', 'sales_before_vnd = -1'],
  ['sales_connection_sales_after', 'sales_connection', 'sales_after_vnd = -1'],
  ['sales_connection_contract_months', 'sales_connection', 'contract_months = 0'],
  ['connection_step_stage_known', 'connection_step', `stage = 'married'`],
  ['support_request_kind_known', 'support_request', `kind = 'anything', needs = array['anything']`],
  ['support_request_needs_known', 'support_request', `needs = array[kind, 'anything']`],
  ['support_request_needs_start_with_kind', 'support_request', `needs = '{}'`],
  ['support_request_urgency_known', 'support_request', `urgency = 'yesterday'`],
  ['support_request_status_known', 'support_request', `status = 'lost'`],
  ['support_request_resolved_has_outcome', 'support_request', `status = 'resolved', outcome = ''`],
  ['support_request_declined_has_reason', 'support_request', `status = 'declined', decline_reason = ''`],
  ['request_event_type_known', 'request_event', `type = 'shouted'`],
  ['request_event_from_status_known', 'request_event', `from_status = 'lost'`],
  ['request_event_to_status_known', 'request_event', `to_status = 'lost'`],
  ['request_link_type_known', 'request_link', `type = 'phone call'`],
  ['request_link_need_known', 'request_link', `need = 'anything'`],
  ['room_kind_known', 'room', `kind = 'castle'`],
  ['room_capacity', 'room', 'capacity = 0'],
  ['room_max_days', 'room', 'max_days = 0'],
  ['room_buffer_minutes', 'room', 'buffer_minutes = 241'],
  ['room_bookers_known', 'room', `bookers = '{castle}'`],
  ['room_weekly_hours_week', 'room', `weekly_hours = '[]'`],
  ['booking_status_known', 'booking', `status = 'maybe'`],
  ['booking_ends_after_start', 'booking', 'ends_at = starts_at'],
  ['booking_refused_has_reason', 'booking', `status = 'refused', reason = ''`],
  ['consent_purpose_known', 'consent', `purpose = 'marketing'`],
  ['consent_source_known', 'consent', `source = 'rumour'`],
  ['consent_basis_known', 'consent', `basis = 'whim'`],
  ['consent_withdrawn_after_given', 'consent', `withdrawn_at = given_at - interval '1 day'`],
  ['consent_has_subject_or_statement', 'consent', `user_id = null, statement = ''`],
  ['data_request_kind_known', 'data_request', `kind = 'everything'`],
  ['data_request_status_known', 'data_request', `status = 'lost', decided_at = now(), reason = 'x'`],
  ['data_request_due_after_filed', 'data_request', 'due_at = filed_at'],
  ['data_request_decided_has_reason', 'data_request', `status = 'done', reason = ''`],
  ['breach_notified_after_discovery', 'breach', `notified_at = discovered_at - interval '1 day'`],
  ['survey_owner_kind_known', 'survey', `owner_kind = 'contest'`],
  ['survey_target_group_known', 'survey', `target_group = 'everyone'`],
  ['survey_access_known', 'survey', `access = 'secret'`],
  ['survey_dates_in_order', 'survey', `closes_on = opens_on - 1`],
  ['survey_question_kind_known', 'survey_question', `kind = 'essay'`],
  ['survey_response_status_known', 'survey_response', `status = 'lost'`],
  ['survey_response_group_known', 'survey_response', `respondent_group = 'both'`],
  ['survey_response_page', 'survey_response', 'page = -1'],
  ['survey_response_submitted_when', 'survey_response', 'submitted_at = null'],
  ['survey_answer_has_something', 'survey_answer', 'value = null, choices = null, number = null'],
  ['visit_purpose_known', 'visit', `purpose = 'sightseeing'`],
  ['visit_channel_known', 'visit', `channel = 'pigeon'`],
  ['library_item_kind_known', 'library_item', `kind = 'poem'`],
  ['library_item_category_known', 'library_item', `category = 'astrology'`],
  ['library_item_access_known', 'library_item', `access = 'friends'`],
  ['library_item_downloads', 'library_item', 'downloads = -1'],
  ['library_item_year', 'library_item', 'year = 1800'],
];

/**
 * The exclusion rules, each with a statement that breaks it: here a second booking of the demo's
 * booked room over the same days, first cancelled (it frees the room), then asked for again.
 */
const excluding: [rule: string, setup: string, breaking: string][] = [
  [
    'booking_no_overlap',
    `insert into booking (room_id, project_id, purpose, starts_at, ends_at, status)
       select room_id, project_id, 'Trùng lịch', starts_at + interval '1 hour', ends_at, 'cancelled' from booking limit 1`,
    `update booking set status = 'requested' where purpose = 'Trùng lịch'`,
  ],
];

/** The PostgreSQL error under drizzle's wrapper (PGlite and `pg` both carry code and constraint). */
function databaseError(error: unknown): { code?: string; constraint?: string } {
  let e = error as { code?: string; constraint?: string; cause?: unknown };
  while (e && !e.code && e.cause) e = e.cause as typeof e;
  return e ?? {};
}

describe('the database refuses bad rows by itself', () => {
  it('every CHECK rule of the schema is exercised here', async () => {
    const defined = await rows<{ name: string }>(
      rt.db,
      sql`select conname as name from pg_constraint c join pg_namespace n on n.oid = c.connamespace
          where c.contype = 'c' and n.nspname = 'public' order by conname`,
    );
    expect(defined.map((r) => r.name).sort()).toEqual(breaking.map(([rule]) => rule).sort());
  });

  it.each(breaking)('%s: a row of %s set to %s is refused', async (rule, table, set) => {
    const [target] = await rows<{ ctid: string }>(rt.db, sql.raw(`select ctid::text from "${table}" limit 1`));
    expect(target, `the demo data has no row in ${table}`).toBeDefined();
    let refused: { code?: string; constraint?: string } = {};
    try {
      await rt.db.execute(sql.raw(`update "${table}" set ${set} where ctid = '${target?.ctid}'::tid`));
    } catch (error) {
      refused = databaseError(error);
    }
    expect(refused).toMatchObject({ code: '23514', constraint: rule });
  });

  it('every EXCLUDE rule of the schema is exercised here', async () => {
    const defined = await rows<{ name: string }>(
      rt.db,
      sql`select conname as name from pg_constraint c join pg_namespace n on n.oid = c.connamespace
          where c.contype = 'x' and n.nspname = 'public' order by conname`,
    );
    expect(defined.map((r) => r.name).sort()).toEqual(excluding.map(([rule]) => rule).sort());
  });

  it.each(excluding)('%s: a row that overlaps another is refused', async (rule, setup, breaking) => {
    await rt.db.execute(sql.raw(setup));
    let refused: { code?: string; constraint?: string } = {};
    try {
      await rt.db.execute(sql.raw(breaking));
    } catch (error) {
      refused = databaseError(error);
    }
    expect(refused).toMatchObject({ code: '23P01', constraint: rule });
  });
});
