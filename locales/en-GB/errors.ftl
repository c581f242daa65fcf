# What goes wrong, said so a person can act on it. Each id is error-<code>, the code the
# core and the shell send with every refusal.

## Opening a profile
error-wrong_passphrase = That passphrase is not right. Check caps lock and try again.
error-too_many_attempts = { $seconds ->
    [one] Too many wrong tries. Please wait { $seconds } second, then try again.
   *[other] Too many wrong tries. Please wait { $seconds } seconds, then try again.
}
error-wrong_recovery_code = That recovery code is not right. Check each group of letters and numbers.
error-weak_passphrase = { $problem ->
    [too_short] That passphrase is too easy to guess: use at least 10 characters. Three random words work well.
    [repetitive] That passphrase is too easy to guess: it repeats the same few letters. Try three random words.
    [common] That passphrase is too easy to guess: it is mostly '{ $word }', which is one of the first things people guess.
   *[untypable] That passphrase is too easy to guess: it holds characters a keyboard cannot type, so you could not type it again.
}
error-profile_not_found = There is no profile called '{ $name }' on this computer.
error-profile_name_taken = There is already a profile called '{ $name }'. Please choose another name.
error-locked = Waymark is locked. Open your profile first.
error-confirm_mismatch = Type your profile name, { $name }, exactly to delete it.

## Damage and faults
error-integrity = Record { $record } could not be opened: it has been changed or damaged on disk. Your other records are not affected.
error-damaged_key = The saved keys for this profile are damaged, so it cannot be opened.
error-kdf_below_floor = The key settings stored for this profile are weaker than Waymark allows, so it will not use them.
error-storage = The vault could not be read or written. Please restart Waymark. If it keeps happening, download all your information from Sharing and privacy.
error-io = A file could not be read or written. Check there is space on this laptop and try again.
error-internal = Waymark hit an internal problem. Please restart it.
error-window = Could not hide the window.
error-unreadable_request = Waymark could not read what was sent for '{ $command }'. Nothing was changed.
error-ledger_by_hand = { $kind } records are written by giving or withdrawing consent and by sending, not added by hand.

## Sharing with the service
error-no_invite = Paste your invite code and check it first.
error-not_connected = Connect to your service first, in Sharing and privacy.
error-unreachable = The service could not be reached. Your things stay in the outbox and will be sent later.
error-untrusted_certificate = The service's address did not prove who it is (its security certificate is not trusted on this laptop). Ask the service to check its certificate, or your IT team to install your organisation's certificate authority.
error-service_refused = { $reason ->
    [unauthenticated] The service did not recognise this laptop. Connect again with a new invite code.
    [forbidden] The service no longer lets this laptop share. Ask your service for a new invite code.
    [gone] That invite code has already been used or has run out. Ask your service for a new one.
    [conflict] The service already has this laptop connected.
    [too_large] That is too big for the service to take. Try sharing less at once.
    [rate_limited] The service is busy. Your things stay in the outbox and will be sent later.
    [internal] The service had a problem. Your things stay in the outbox and will be sent later.
   *[other] The service refused this. Your things stay in the outbox; if it keeps happening, tell your service.
}
error-malformed = Something from the service could not be read. It may be damaged.
error-cannot_open = Something from the service could not be opened: it was changed, is damaged, or was not meant for this laptop.
error-bad_signature = Something from the service was refused, because its signature does not match.
error-key_mismatch = The service's keys do not match the ones in your invite code, so this laptop did not connect. Ask your service for a new invite code.
error-bad_invite = { $problem ->
    [not_an_invite] That is not a Waymark invite code. An invite code starts with wm1-.
    [not_https] That invite code is for a service address that is not secure, so Waymark will not use it. Ask your service for a new one.
   *[damaged] That invite code is damaged. Check it was copied whole, from wm1- to the end.
}
error-invite_expired = That invite code has run out. Ask your service for a new one.
error-receipt_key_expired = The service answered, but its receipt could not be trusted: the key it signs receipts with has run out. Waymark will ask again. If this keeps happening, tell your service.
error-mail_refused = Something from the service was refused, because it could not be checked as coming from your service.
error-roster_refused = { $problem ->
    [forked] Your service showed this laptop a different list of its people from the one it showed before, so nothing new from it is trusted. Tell your worker.
    [rolled_back] Your service showed this laptop an older list of its people than before, so nothing new from it is trusted. Tell your worker.
    [held_back] Someone at your service has a newer list of its people than your service shows this laptop, so it may be keeping changes from you. Tell your worker.
   *[other] Your service's list of its people could not be checked as coming from your organisation, so nothing new from it is trusted. Tell your worker.
}

## What was refused, and why
# An `invalid` refusal is `invalid-<problem>`, with the name of what it is about (one of the
# field-* messages below) in $field. $given is what was sent, shown back so it can be found.
error-too_long = { $field }: this is too long. It can have at most { $max } characters, and it has { $actual }.
invalid-empty = { $field }: this cannot be empty.
invalid-control_characters = { $field }: this has characters in it that cannot be shown.
invalid-one_line = { $field }: this must be on one line.
invalid-too_many_items = { $field }: this can have at most { $max } items.
invalid-not_a_date = { $field }: '{ $given }' is not a date. Write it like 2026-11-23.
invalid-not_known = { $field }: '{ $given }' is not one Waymark knows.
invalid-not_an_id = { $field }: '{ $given }' is not an id Waymark made.
invalid-between = { $field }: choose a number from { $min } to { $max }.
invalid-at_least = { $field }: this must be { $min } or more.
invalid-twice = { $field }: '{ $given }' is there twice.
invalid-only_characters = { $field }: use only these characters: { $allowed }.
invalid-has_space = { $field }: '{ $given }' has a space in it. Join the words with '-'.
invalid-wrong_role = { $field }: { $role ->
    [carer] this belongs in a foster carer's profile.
   *[young_person] this belongs in a young person's profile.
}
invalid-not_a = { $field }: that is not { $expected ->
    [statement] something you wrote to say.
    [pathway_note] a pathway note.
    [resource_mark] a bookmark.
    [plan] a plan.
    [safer_caring_policy] a safer-caring policy.
    [learning_entry] a learning log entry.
   *[other] the right kind of record.
}
invalid-unreadable = { $field }: this could not be read.
invalid-unchangeable = { $field }: this is kept exactly as it was written, so it cannot be changed.
invalid-only_draft_changes = { $field }: only a draft can be changed. Change it back to a draft first.
invalid-not_ready = { $field }: mark it ready before sharing it.
invalid-nothing_written = { $field }: nothing is written yet. Answer at least one question or write something first.
invalid-starts_with_draft = { $field }: this must start as a draft.
invalid-backwards = { $field }: the dates must not go backwards.
invalid-needs_question_set = { $field }: getting ready for a review needs its questions.
invalid-questions_only_for_review = { $field }: only getting ready for a review has questions. Write in your own words instead.
invalid-unknown_question_set = { $field }: this version of Waymark does not know the questions '{ $given }' (version { $version }). Please update Waymark.
invalid-no_such_question = { $field }: there is no question called '{ $given }'.
invalid-not_faces = { $field }: question '{ $given }' is not answered with faces.
invalid-not_a_choice = { $field }: '{ $given }' is not one of the choices.
invalid-not_shareable = { $field }: this kind of record cannot be shared.
invalid-needs_letters = { $field }: this needs some letters or numbers.
invalid-too_many_files = { $field }: there are too many files called '{ $given }' already. Move or delete some, then try again.
invalid-needs_pathway_matter = { $field }: '{ $given }' needs a pathway plan matter.
invalid-not_after_last_review = { $field }: this must be after the last review.
invalid-needs_plan = { $field }: this needs the plan it belongs to.
invalid-not_newer = { $field }: version { $version } is not newer than version { $latest }, which is already here.
invalid-links_missing = { $field }: '{ $given }' links to '{ $target }', which is not in the library.
invalid-section_empty = { $field }: in '{ $given }', the section '{ $heading }' has nothing under it.
invalid-wrong_format = { $field }: this is a '{ $given }' file, not one Waymark reads.
invalid-not_signed = { $field }: refused, because it is not a signed Waymark library. The library you have was kept.
invalid-needs_passphrase = { $field }: to connect somewhere else, say your passphrase again.
invalid-bad_signature = { $field }: refused, because its signature does not match your service's key. The library you have was kept.
invalid-expired = { $field }: refused, because its publisher's date for it has passed. The library you have was kept.
invalid-lasts_too_long = { $field }: refused, because it says it lasts more than { $days } days. The library you have was kept.
invalid-no_original = { $field }: '{ $given }' is a translation of a page that is not in the library.

## Other refusals
error-not_found = { $thing ->
    [resource] There is no page called '{ $given }'.
    [plan_version] There is no version { $given } of that plan.
   *[record] That could not be found (id { $given }). It may have been deleted.
}
error-unknown_kind = '{ $given }' is not a kind of record Waymark knows.
error-invalid_transition = That change cannot be made to this now. A draft can be made ready, and a ready one changed back to a draft or shared.
error-no_consent = { $kind ->
    [statement] You have not said yes to sharing what you write to say with { $recipient }, so it was not sent.
    [pathway_note] You have not said yes to sharing your pathway notes with { $recipient }, so it was not sent.
    [safer_caring_policy] You have not said yes to sharing your safer-caring policy with { $recipient }, so it was not sent.
   *[learning_entry] You have not said yes to sharing your learning log with { $recipient }, so it was not sent.
}
error-unsupported_version = { $what ->
    [export] This file was saved by a newer Waymark
    [settings] These settings were saved by a newer Waymark
    [vault] This laptop's Waymark data was saved by a newer Waymark
    [key_wrap] This profile's keys were saved by a newer Waymark
    [service_connection] This connection to the service was saved by a newer Waymark
    [library_bundle] This library was made for a newer Waymark
    [invite] This invite code was made for a newer Waymark
    [mail] Something from the service was made for a newer Waymark
    [envelope] Something sent through the service was made by a newer Waymark
    [deletion_receipt] The service's receipt for a deletion was made for a newer Waymark
   *[other] This was made by a newer Waymark
} (format { $found }; this Waymark reads up to { $supported }). Please update Waymark.
error-malformed_import = This file could not be read as a Waymark export: { $problem ->
    [too_big] it is { $megabytes } MB, and the largest Waymark reads is { $max_megabytes } MB.
    [not_json] it is not a file Waymark saved.
    [not_an_export] it is not a Waymark export.
    [no_version] it does not say which version of Waymark saved it.
    [too_many_records] it has more than { $max } records.
    [bad_record] record { $number } is damaged.
    [repeated_id] record { $number } is there twice.
   *[unreadable] part of it is damaged.
}
error-no_policy = Write some of your policy first.

## The names of things a refusal can be about
field-name = Name
field-passphrase = Passphrase
field-new_passphrase = New passphrase
field-recovery_code = Recovery code
field-role = Role
field-language = Language
field-profile = Profile
field-kind = Kind of record
field-record = Record
field-settings = Settings
field-lock_after = Lock after (minutes)
field-file_name = File name
field-statement_kind = Kind of message
field-status = Status
field-statement = What you wrote
field-status_history = Status history
field-answers = Answers
field-answer = Answer
field-question_set = Questions
field-face = Face
field-choice = Choice
field-words = Your words
field-title = Title
field-summary = Summary
field-body = Text
field-resource_id = Page id
field-tags = Tags
field-tag = Tag
field-last_reviewed = Last checked
field-source = Source
field-library_bundle = Library
field-resource = Page
field-library_update = Library update
field-plan_title = Plan title
field-plan_summary = Plan summary
field-plan_version = Plan version
field-goal_id = Goal id
field-goal = Goal
field-action_id = Action id
field-action = Action
field-who_does_it = Who does it
field-due_date = Due date
field-goals = Goals
field-actions = Actions
field-note = Note
field-progress = Progress
field-date = Date
field-time = Time (minutes)
field-household_name = Household name
field-sections = Policy sections
field-next_review = Next review
field-effective_from = Starts on
field-reviewed_on = Reviewed on
field-recipient = Who it is for
field-sequence = Sequence
field-receipt = Receipt
field-search = Search
field-service_name = Service name
field-by = Who it was from
field-notes = Notes
field-version = Version
field-invite_code = Invite code
field-question = Question
field-id = Id
field-device_code = Code from their app
# The worker app
error-item_refused = This item did not pass Waymark's checks when it came, so it cannot be answered.
error-not_approved = This laptop is not approved yet: nothing can be sent from it. Read your administrator the code on "This laptop".
error-no_device_for_person = This person has no approved device at the moment, so nothing can reach them. Try again later.
error-no_font = The case record cannot be written: the font it uses is missing from this laptop (looked in { $looked }). Ask whoever looks after this laptop to reinstall Waymark for Workers.
error-case_record_failed = The case record could not be written. Nothing was saved; try again.
error-not_their_worker = Only a worker the organisation has allocated to this person can publish their plan. Nothing was sent.
error-not_on_duty = The team's urgent items are for workers on the duty rota.
error-laptop_not_connected = Set up this laptop first, on "This laptop".
error-not_admin = Only a worker the organisation has made an administrator can do this. Nothing was changed.
error-not_allocated = Only this person's own worker or an administrator can see or approve their devices.
error-code_does_not_match = That code does not match this device. Ask them to read out the code their app shows again, and approve nothing until it matches.
error-device_not_enrolled = That device has not connected with this person's invite, or is already switched off.
error-not_in_roster = That person or worker is not in the organisation's list. Check for new items and try again.
error-invite_days = An invite code lasts from 1 to { $most } days.
error-not_yourself = You cannot remove yourself. Ask another administrator.
error-vault_changed = Nothing was sent. Something kept on this laptop was changed while Waymark was closed, so Waymark cannot be sure what you said yes to sharing.

## What the whole-vault check found changed, part by part: shown by both apps and printed by the command line
vault-part-state = Waymark's own list of what you keep (it is missing or does not open, so nothing could be checked)
vault-part-consent = your choices about sharing
vault-part-sharing = the list of what you shared
vault-part-outbox = things waiting to be sent
vault-part-deletions = deletions you asked the service for
vault-part-connection = your connection to the service
vault-part-roster = who works at the service
vault-part-shared-with-me = what people shared with you
vault-part-labels = the names you gave people
vault-part-plans = plans you published
vault-part-audit = this laptop's record of what you did
vault-part-records = things you wrote or saved
vault-part-profile = your profile's name, role or language
