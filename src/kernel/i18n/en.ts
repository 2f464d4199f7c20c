import type { vi } from './vi.ts';
/** English: every key of the Vietnamese catalogue. */
export const en: Record<keyof typeof vi, string> = {
  'site.name': 'Kết Nối',
  'site.tagline': 'Innovation startup network',
  'site.department': 'Department of Science and Technology of {province} province',
  'site.department.short': '{province} Dept. of Science & Technology',
  'site.unit': 'Technology Management and Innovation Division',
  'site.skip': 'Skip to main content',
  'site.menu': 'Menu',
  'site.footer.api': 'Integration API',
  'site.footer.about':
    'Kết Nối is open-source software that lets Departments of Science and Technology run their startup networks.',
  'site.lang.switch': 'Tiếng Việt',
  'site.lang.label': 'Language',

  'nav.home': 'Home',
  'nav.projects': 'Projects',
  'nav.search': 'Search',
  'nav.myProjects': 'My projects',
  'nav.support': 'Support log',
  'nav.reports': 'Reports',
  'nav.people': 'Participants',
  'nav.users': 'Accounts',
  'nav.outbox': 'Outbox',
  'nav.audit': 'Activity log',
  'nav.account': 'My account',
  'nav.signIn': 'Sign in',
  'nav.signUp': 'Register',
  'nav.signOut': 'Sign out',
  'nav.mine': 'My pages',
  'nav.work': 'Work',
  'nav.admin': 'Administration',

  'errors.bad_request': 'The request is not valid. Please check the link or the information you submitted.',
  'errors.unauthenticated': 'Please sign in to continue.',
  'errors.forbidden': 'Your account does not have permission to do this.',
  'errors.not_found':
    'We could not find the page you were looking for. The link may be wrong or the content may have been removed.',
  'errors.conflict': 'This information has just been changed or already exists. Please reload the page and try again.',
  'errors.payload_too_large': 'What you submitted is too large. Please shorten it and submit it again.',
  'errors.validation': 'Some information is not valid. Please correct the fields marked below.',
  'errors.too_many_requests': 'You have made too many attempts. Please wait 15 minutes and try again.',
  'errors.server':
    'Something went wrong on the server. Your information has not been saved; please try again in a few minutes.',
  'errors.csrf': 'This form has expired. Please reload the page and submit it again.',
  'errors.tokenInvalid': 'This API token is wrong or has been revoked. Create a new one on your Account page.',
  'errors.tokenReadOnly': 'This API token may only read. Create a read and write token on your Account page.',
  'errors.title': 'Something went wrong',
  'errors.summary': 'There is a problem',
  'errors.backHome': 'Back to the home page',
  'errors.userNotFound': 'This account could not be found.',
  'errors.emailTaken':
    'An account already exists for this email address. Please sign in, or use the forgotten password option.',
  'errors.badCredentials': 'The email address or password is incorrect.',
  'errors.accountDisabled': 'This account has been disabled. Please contact the Department of Science and Technology.',
  'errors.wrongPassword': 'Your current password is incorrect.',
  'errors.resetTokenInvalid': 'This password reset link is not valid or has expired. Please request a new link.',
  'errors.sessionExpired': 'Your session has expired. Please sign in again.',
  'errors.ownRole': 'You cannot change your own role or disable your own account.',

  'v.required': 'Please fill in this field.',
  'v.tooShort': 'Enter at least {min} characters.',
  'v.tooLong': 'Enter no more than {max} characters.',
  'v.tooMany': 'Choose no more than {max} items.',
  'v.email': 'Enter an email address in the correct format, for example: name@example.com.',
  'v.url': 'Enter the full web address, starting with http:// or https://.',
  'v.choose': 'Please choose a value from the list.',
  'v.invalid': 'This value is not valid.',
  'v.number': 'Enter a number.',
  'v.date': 'Enter the date in the format day/month/year.',
  'v.dateOrder': 'The end date must be after the start date.',
  'v.year': 'Enter a year between 1990 and the current year.',
  'v.passwordMismatch': 'The two passwords do not match.',
  'v.passwordLength': 'Your password must be between 8 and 128 characters.',
  'v.phone': 'Enter a Vietnamese phone number, for example: 0912 345 678.',
  'v.consent': 'You need to give your consent for the profile to be made public.',
  'v.textEncoding':
    'The text contains characters that cannot be read. Please retype it using a Vietnamese (Unicode) keyboard.',
  'v.fileEmpty': 'The chosen file is empty. Please choose it again.',
  'v.fileTooLarge': 'The file is too large: at most {max} MB per file.',
  'v.fileType':
    'Only PDF files or JPEG, PNG, WebP images are accepted. This file is none of these (its content was checked).',
  'v.fileNotImage': 'Only JPEG, PNG or WebP images are accepted. This file is not an image (its content was checked).',
  'v.fileBroken': 'The file is damaged or incomplete and cannot be opened. Please check it and choose it again.',
  'v.imageTooManyPixels':
    'The image is too large in size (at most 40 million pixels). Please make it smaller and upload it again.',
  'v.tooManyFiles': 'Choose at most {max} files.',
  'v.award':
    'One award per line as: year - award name, e.g. 2021 - Third prize, provincial innovation startup contest.',

  'form.save': 'Save',
  'form.cancel': 'Cancel',
  'form.heldFiles': 'Files chosen last time (untick to leave out; choose other files to replace them):',
  'form.optional': '(optional)',
  'form.choose': '— Select —',
  'form.filter': 'Filter',
  'form.filters': 'Filters',
  'form.filtersActive': 'Filters ({count})',
  'search.accentsOptional': 'Accents are optional',
  'form.clear': 'Clear filters',
  'form.search': 'Search',
  'form.yes': 'Yes',
  'form.no': 'No',
  'form.hintOnePerLine': 'One item per line.',

  'list.empty': 'There is nothing here yet.',
  'list.noResults': 'No matching results. Try removing some filters or searching with different keywords.',
  'list.count': '{count} results',
  'list.countMore': 'More than {count} results',
  'list.prev': 'Previous page',
  'list.next': 'Next page',
  'list.page': 'Page {page} of {pages}',
  'list.pagination': 'Pagination',
  'list.export': 'Download (CSV)',

  'role.admin': 'Administrator',
  'role.officer': 'Department officer',
  'role.founder': 'Founder or founding team',
  'role.expert': 'Expert adviser',
  'role.partner': 'Partner',

  'commune.kind.commune': 'Commune',
  'commune.kind.ward': 'Ward',
  'commune.formerDistrict': 'former district: {name}',

  'auth.mail.reset.subject': 'Reset your Kết Nối password',
  'auth.mail.reset.body':
    'Hello {name},\n\nTo set a new password for your Kết Nối account, open the following link (valid for 1 hour):\n{url}\n\nIf you did not request this, you can ignore this email.',

  'api.title': 'Integration API',
  'api.lead': 'The Kết Nối JSON API, described in OpenAPI 3.1. Machine-readable documentation:',
  'api.params': 'Parameters',
  'api.example': 'Example body (JSON)',
  'api.responses': 'Responses',

  'backup.notMigrated': 'This database has not been set up (no migration applied): there is nothing to back up.',
  'backup.broken.archive':
    'The backup file is damaged or incomplete (the archive cannot be read: {reason}). Nothing was written to the database.',
  'backup.broken.manifest':
    'The backup file is not valid: its description manifest.json is missing or damaged ({reason}). Nothing was written to the database.',
  'backup.broken.table':
    'The backup file is damaged: the data of table {table} are missing, or do not match the row count and checksum in the manifest. Nothing was written to the database.',
  'backup.broken.file':
    'The backup file is damaged: the uploaded file {file} is missing or does not match its checksum. Nothing was written to the database.',
  'backup.newer':
    'The backup was made by a newer Kết Nối ({version}, migration {migration}) than the one running. Update Kết Nối, then restore again.',
  'backup.targetNewer':
    'The target database is at a newer version than the backup (migration {migration}). Restore into a new database: an empty DATA_DIR folder, or an empty PostgreSQL database.',
  'backup.schemaMismatch':
    'The tables of the target database do not match the backup (migration {migration}). Nothing was written to the database.',
  'backup.targetNotEmpty':
    'The target database is not empty: it has {users} accounts. Restoring deletes everything in it; if you are sure, run again with --force.',
  'backup.verifyFailed':
    "The check after restoring failed: table {table} does not match the backup's row count or checksum. Everything was undone; the database is as it was.",
  'backup.cli.needFile': 'Name the file, e.g. npm run cli -- {command} backup.zip',
  'backup.cli.fileMissing': 'File {file} not found.',
  'backup.cli.noData':
    'There is no PGlite database in {dir}: nothing to back up. If the data are in PostgreSQL, set DATABASE_URL.',
  'backup.cli.written':
    'Backed up to {file} ({size}): {tables} tables, {rows} rows, {files} uploaded files; migration {migration}.',
  'backup.cli.restored':
    "Restored the backup made at {date} (version {version}, from {database}): {tables} tables, {rows} rows, {files} uploaded files. Each table's row count and checksum match the backup. The data are at migration {migration}.",
  'backup.cli.locked':
    'The data folder {dir} is in use by the Kết Nối server (pid {pid}), so this command cannot open the PGlite database.',
  'backup.cli.lockedBackup':
    'To get a backup: use the daily backup the server writes in {backupDir} (at {at} each day, BACKUP_DAILY_AT){latest}; or stop the server and run this command again.',
  'backup.cli.lockedNoDaily':
    "To get a backup: stop the server and run this command again; or turn on the server's daily backup (BACKUP_DAILY_AT=02:00).",
  'backup.cli.lockedLatest': ', latest: {file}',
  'backup.cli.lockedRestore':
    'Stop the server before restoring, or restore into another folder (DATA_DIR=… npm run cli -- restore FILE).',
  'backup.cli.asking': 'The server is running (pid {pid}): asked it to write a backup, waiting…',
  'backup.cli.askFailed': 'The server could not write the backup: {reason}',
  'backup.cli.askTimeout': 'The server did not answer within {seconds} seconds.',
};
