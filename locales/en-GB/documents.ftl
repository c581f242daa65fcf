# The documents Waymark saves when a person asks: what they say and their names.

## The recovery code, saved as a text file (its name says nothing about what it is)
recovery-document-name = Waymark note
recovery-document =
    Waymark recovery code for { $name }

    { $code }

    If you forget your passphrase, this code opens your profile.
    Keep it somewhere safe, away from this laptop. Anyone with it and this laptop can open your profile.

## The safer-caring policy, saved as a page to print or share
policy-document-name = Safer-caring policy - { $household }
policy-document-title = Safer-caring policy – { $household }
policy-document-heading = Our safer-caring policy
policy-document-reviewed = Last reviewed together: { $date }
policy-document-next-review = Next review: { $date }

## The learning log, saved as a spreadsheet (CSV): its column names
learning-document-name = Learning log - { $name }
learning-csv-date = Date
learning-csv-kind = Kind
learning-csv-title = Title
learning-csv-hours = Hours
learning-csv-notes = Notes

## "Download all my information": the page to read it (the JSON beside it is for Waymark)
export-document-name = All my information - { $name }
export-heading = All my information
export-intro = This is everything Waymark keeps for { $name }, made on { $date }.
export-damaged = { $count ->
    [one] { $count } record could not be opened because it was damaged on disk, so it is not shown.
   *[other] { $count } records could not be opened because they were damaged on disk, so they are not shown.
}
export-yes = yes
export-no = no
export-none = none
# Each kind of record, with how many there are.
export-kind-statement = What I said ({ $count })
export-kind-plan = Plans ({ $count })
export-kind-pathway_note = Pathway notes ({ $count })
export-kind-resource_mark = Bookmarks and reading ({ $count })
export-kind-safer_caring_policy = Safer-caring policy ({ $count })
export-kind-learning_entry = Learning log ({ $count })
export-kind-consent_event = Consent: what I said yes and no to ({ $count })
export-kind-share_entry = What was shared ({ $count })
# Codes a record holds that have no words elsewhere.
export-value-granted = said yes
export-value-withdrawn = said no
export-value-pathway_plan = Pathway plan
export-value-care_plan = Care plan
# The name of each field a record has.
export-key-action = What happened
export-key-actions = Actions
export-key-answers = Answers
export-key-at = When
export-key-bookmarked = Bookmarked
export-key-by = Who
export-key-choice = Choice
export-key-created_at = Started
export-key-date = Date
export-key-due = Due
export-key-effective_from = Starts on
export-key-face = Face (1 to 5)
export-key-goal_id = Goal
export-key-goals = Goals
export-key-history = What happened to it
export-key-household = Household
export-key-id = Id
export-key-kind = Kind
export-key-matter = Part of the plan
export-key-minutes = Minutes
export-key-next_review_on = Next review
export-key-notes = Notes
export-key-owner = Who does it
export-key-plan_id = Plan
export-key-progress = Progress (%)
export-key-question_id = Question
export-key-question_set = Questions
export-key-read_at = Read on
export-key-receipt = Receipt
export-key-received_at = Received
export-key-recipient = Shared with
export-key-record_id = Record
export-key-record_kind = Kind of record
export-key-record_version = Record version
export-key-resource_id = Page
export-key-reviewed_on = Reviewed on
export-key-sections = Sections
export-key-sequence = Number
export-key-shared = Shared
export-key-shared_at = Shared on
export-key-status = Status
export-key-summary = Summary
export-key-text = Text
export-key-title = Title
export-key-topic = Topic
export-key-updated_at = Last changed
export-key-version = Version
export-key-words = Words
export-key-written_at = Written

## The case record, saved by the worker app as a PDF for the council's case-management system
case-record-document-name = Case record - { $who }
case-record-title = Case record: { $who }
case-record-person-id = Person { $id } in { $organisation }'s list of people
case-record-made = Made on { $when } by { $name } ({ $role }), from what this laptop received.
case-record-times = Times are in UTC.
case-record-kind-statement = A message
case-record-kind-pathway_note = A pathway note
case-record-kind-safer_caring_policy = A safer-caring policy
case-record-kind-learning_entry = A learning log entry
case-record-urgent = Urgent: they said they do not feel safe
case-record-written = Last changed by them
case-record-received = Received on this laptop
case-record-read = Marked read
case-record-acknowledged = Acknowledged
case-record-not-yet = not yet
case-record-their-words = Their words
case-record-face = Face picked: { $face } ({ $value } of 5)
case-record-progress = How far along they feel: { $progress } out of 100
case-record-learning = { $title }, { $date }, { $minutes } minutes
case-record-reply = Reply from { $name }, { $when }
case-record-readers = Sealed to
case-record-reader-me = this laptop
case-record-reader-other = a laptop that is not a worker's
case-record-signatures = Each item here was signed by a device that { $organisation } approved for this person in its signed list of people and devices, and this laptop checked the signature when the item arrived. Anything that failed the checks is left out.
case-record-empty = Nothing has been received from this person.
case-record-role-social_worker = social worker
case-record-role-iro = Independent Reviewing Officer
case-record-role-supervising_social_worker = supervising social worker
case-record-role-duty = duty team
case-record-person = Person { $id }

# An invite code printed by an administrator in the worker app, to hand to the person it is for
invite-sheet-title = Your Waymark invite code
invite-sheet-expires = This code works once, until { $when }.
invite-sheet-code-heading = The code
invite-sheet-code-label = Type or paste it exactly (the spaces do not matter)
invite-sheet-steps-label = What to do
invite-sheet-steps = Open Waymark and go to "Sharing and privacy". Type or paste this code under "Invite code" and choose "Check this code". Your app then shows a short code of its own: read it out to your worker, so they can check it is really your device before anything is shared.
invite-sheet-keep-safe = Keep this sheet somewhere private until you have used the code, then throw it away. If it runs out or gets lost, ask your worker for a new one.
invite-sheet-document-name = Waymark invite - { $who }
# A locked copy of everything: the name says nothing about whose it is or what is inside.
export-sealed-name = Waymark locked copy
