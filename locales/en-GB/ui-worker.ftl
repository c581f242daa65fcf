# The worker app: the window social workers, IROs, supervising social workers and the duty team use
worker-app-name = Waymark for Workers
role-worker = Worker at the service
moment = { $day }, { $time }
more-items = { $count ->
    [one] Show { $count } more item ({ $hidden } not shown yet)
   *[other] Show { $count } more items ({ $hidden } not shown yet)
}
record-kind-statement = A message
record-kind-pathway_note = A pathway note
record-kind-safer_caring_policy = A safer-caring policy
record-kind-learning_entry = A learning log entry
record-kind-unknown = Something shared

worker-menu-inbox = Inbox
worker-menu-people = My people
worker-menu-setup = This laptop
worker-menu-waiting = { $count } waiting

worker-person-unnamed = Person { $id }
worker-person-unknown = Someone not known

worker-setup-heading = This laptop
worker-setup-intro = Your administrator gives you an invite code made for you. This laptop makes its own keys: what people share with you can only be opened here.
worker-setup-code = Your invite code
worker-setup-code-hint = It starts with "wm1-". Paste all of it.
worker-setup-check = Check the code
worker-setup-check-this = Check this is your organisation's service before you connect.
worker-setup-service = Service
worker-setup-service-fingerprint = Service fingerprint
worker-setup-organisation = Organisation fingerprint
worker-setup-expires = Invite expires
worker-setup-connect = Connect this laptop
worker-setup-different-code = Use a different code
worker-setup-you = You
worker-setup-you-are = { $name }, { $role }
worker-setup-not-named = The organisation's list of workers does not name you yet.
worker-setup-connected = Connected
worker-setup-read-code = Read this code to your administrator. They approve this laptop when it matches the code they see.
worker-setup-code-why = Nothing is shared with this laptop until it is approved. The code is not secret: it is this laptop's fingerprint.
worker-setup-check-again = Check again
worker-setup-approved = This laptop is approved. What people share with you comes here.
worker-setup-revoked = This laptop has been switched off by your organisation. Nothing more comes to it. Ask your administrator.

worker-inbox-heading = Inbox
worker-inbox-not-connected = This laptop is not connected to your service yet.
worker-inbox-not-approved = This laptop is waiting for your administrator to approve it.
worker-inbox-go-setup = Set up this laptop
worker-inbox-refresh = Check for new items
worker-inbox-refreshed = Last checked { $when }.
worker-inbox-refresh-failed = The last check did not work. Waymark tries again every minute.
worker-inbox-search-label = Search and filter the inbox
worker-inbox-search = Search the words
worker-inbox-person = From
worker-inbox-everyone = Everyone
worker-inbox-kind = What
worker-inbox-every-kind = Everything
worker-inbox-search-go = Search
worker-inbox-urgent = { $count ->
    [one] Needs acknowledging now: { $count } urgent item
   *[other] Needs acknowledging now: { $count } urgent items
}
worker-inbox-waited = Waited { $time }
worker-inbox-acknowledge-by = Acknowledge by { $when }.
worker-inbox-overdue = Not acknowledged in time (by { $when }): the organisation's escalation order passes it on.
worker-inbox-everything = { $count ->
    [one] { $count } item, newest first
   *[other] { $count } items, newest first
}
worker-inbox-empty = Nothing has been shared with you yet.
worker-inbox-no-match = Nothing matches that search.
worker-inbox-open = Open: { $what } from { $who }
worker-inbox-opening = Opening your inbox…

worker-item-new = New
worker-item-read = Read
worker-item-acknowledged = Acknowledged
worker-item-replied = { $count ->
    [one] You replied
   *[other] You replied { $count } times
}
worker-item-refused = Could not be opened: it did not pass Waymark's checks
worker-item-urgent = Urgent
worker-item-back = Back to the inbox
worker-item-opening = Opening…
worker-item-urgent-note = Urgent: this person said they do not feel safe. Acknowledge it so they know someone has it.
worker-item-urgent-taken = Urgent: the service says someone has acknowledged this. Acknowledge it too if you are dealing with it.
worker-item-received = Came to this laptop { $when }.
worker-item-cannot-show = Waymark cannot show this item.
worker-item-progress = How far along they feel: { $progress } out of 100
worker-item-readers = Who can read this
worker-reader-me = You, on this laptop
worker-reader-named = { $name }, { $role }
worker-reader-other = A laptop that is not a worker's
worker-item-answer-heading = What you have told them
worker-item-not-read = You have not marked it read yet. Opening it does not tell them anything.
worker-item-read-on = You marked it read { $when }.
worker-item-acknowledged-on = You acknowledged it { $when }.
worker-item-replied-on = You replied { $when }:
worker-item-acknowledge = Acknowledge: I have this
worker-item-mark-read = Mark as read
worker-item-reply = Reply to { $who }
worker-item-reply-reminder = { $who } reads this in their own app, in your words. Write as you would say it to them.
worker-item-send-reply = Send reply
worker-answer-done-read = { $who } is told you have read it.
worker-answer-done-acknowledge = { $who } is told someone has it.
worker-answer-done-reply = Your reply is on its way to { $who }.

worker-people-heading = My people
worker-people-intro = The young people and carers you work with. The names you give them here stay on this laptop: they are never sent to the service.
worker-people-none = Nobody is allocated to you yet, and nobody has shared anything with you.
worker-people-you-are = you are their { $roles }
worker-people-devices = { $count ->
    [one] { $count } approved device
   *[other] { $count } approved devices
}
worker-people-last-contact = last shared something { $when }
worker-people-no-contact = has not shared anything yet
worker-people-waiting = { $count ->
    [one] { $count } item waiting for you
   *[other] { $count } items waiting for you
}
worker-people-show-items = Show what { $who } shared
worker-people-name = Name { $who }
worker-people-name-label = Their name, on this laptop
worker-people-name-hint = Only you see it, here. Leave it empty to forget it.
worker-people-save-name = Save the name
worker-people-cancel = Cancel

worker-item-save-pdf = Save as a PDF for the case record
worker-people-save-pdf = Save everything from { $who } as a PDF
worker-saved-pdf = Saved: { $path }

worker-people-plan = Plan for { $who }
worker-plan-back = Back to my people
worker-plan-heading = Plan for { $who }
worker-plan-latest = You last published version { $version } on { $when }.
worker-plan-none-yet = You have not published a plan for them from this laptop yet.
worker-plan-not-theirs = Only a worker the organisation has allocated to { $who } can publish their plan. You can write it here, but not send it.
worker-plan-kind = What kind of plan
worker-plan-kind-care = Care plan
worker-plan-kind-pathway = Pathway plan (for a young person leaving care)
worker-plan-title = Title
worker-plan-summary = Summary, in words they will understand
worker-plan-from = Starts on
worker-plan-next-review = Next review (optional)
worker-plan-goals = Goals
worker-plan-goal = Goal { $number }
worker-plan-matter = Which part of the plan
worker-plan-no-matter = Not one part (a care plan's goal)
worker-plan-goal-text = The goal
worker-plan-action = Step { $number }
worker-plan-action-text = What will be done
worker-plan-owner = Who does it
worker-plan-due = By when (optional)
worker-plan-status = How far along
worker-plan-add-action = Add a step
worker-plan-remove-action = Remove step { $number }
worker-plan-add-goal = Add a goal
worker-plan-remove-goal = Remove goal { $number }
worker-plan-preview = Show what { $who } will see
worker-plan-preview-heading = What { $who } will see in version { $version }
worker-plan-preview-first = This is the first version: { $who } sees the whole plan.
worker-plan-publish = Publish to { $who }
worker-plan-published = { $count ->
    [one] Version { $version } is on its way to { $who } ({ $count } device).
   *[other] Version { $version } is on its way to { $who } ({ $count } devices).
}
worker-people-next-review = next review { $date }

worker-menu-duty = Duty
worker-duty-heading = Urgent items across the team
worker-duty-intro = Everything anyone said was urgent, who it went to, who has it and what escalated. The service knows who was alerted, never what was written: open an item to read it, if it was sealed to this laptop.
worker-duty-none = Nobody has said anything urgent.
worker-duty-raised = raised { $when }
worker-duty-acknowledged = Acknowledged by { $who } on { $when }.
worker-duty-not-acknowledged = Nobody has acknowledged it yet: waited { $time }.
worker-duty-escalations = { $count ->
    [one] It went on to the next person once.
   *[other] It went on to the next person { $count } times.
}
worker-duty-raised-to = Raised to:
worker-duty-why-duty = duty team
worker-duty-why-allocated = their own worker
worker-duty-why-escalated = escalated
worker-duty-open = Open what { $who } said
worker-duty-not-sealed-here = It was not sealed to this laptop, so it cannot be read here.
worker-inbox-taken = The service says someone has acknowledged it.

# The organisation: devices, and for administrators invites, workers and allocations
worker-menu-organisation = Organisation
worker-org-heading = Organisation
worker-org-heading-named = { $organisation }
worker-org-intro = The people you work with and their devices. When someone connects with the invite code they were given, their app shows a short code: ask them to read it to you, and approve their device only when it matches.
worker-org-intro-admin = You are an administrator: you can invite people, approve and switch off devices, add and remove workers, and say who works with whom. Each change is signed by this laptop, and every app checks it.
worker-org-people-all = Everyone the organisation works with
worker-org-people-mine = The people you work with
worker-org-no-people = Nobody yet.
worker-org-no-worker = No worker yet
worker-org-allocation = { $role }: { $name }
worker-org-show-devices = Devices of { $who }
worker-org-devices-of = Devices of { $who }
worker-org-no-devices = No device has connected with their invite yet.
worker-org-device = Device { $id }
worker-org-device-waiting = Waiting for approval
worker-org-device-approved = Approved
worker-org-device-revoked = Switched off
worker-org-device-enrolled = connected { $when }
worker-org-code-label = The code their app shows
worker-org-code-hint = Ask them to read it out. If it does not match, do not approve: it may not be their device.
worker-org-approve = Approve this device
worker-org-approved = Approved. Their app can now share with the people they choose.
worker-org-revoke = Switch this device off
worker-org-revoke-confirm = Switch this device off? Nothing more is sent to it and nothing it sends is taken. Do this when a device is lost or no longer theirs. It cannot be undone: they connect again with a new invite code.
worker-org-revoke-yes = Yes, switch it off
worker-org-revoked = Switched off.
worker-org-invite-heading = Invite someone
worker-org-invite-name = Their name
worker-org-invite-name-hint = Kept on this laptop only. The service and the organisation's list know them by a number.
worker-org-invite-as = Who they are
worker-org-invite-worker = Their { $role }
worker-org-nobody-yet = Nobody yet
worker-org-invite-days = Days the code lasts (1 to 30)
worker-org-invite-make = Make their invite code
worker-org-invite-made = Invite code for { $who }
worker-org-invite-give = Give them this code, or save it as a document to print. It works once. Nobody else should see it.
worker-org-invite-expires = It runs out { $when }.
worker-org-invite-print = Save as a document to print
worker-org-invite-close = Done
worker-org-allocate-label = New worker for { $who }
worker-org-choose-worker = Choose a worker
worker-org-worker-option = { $name } ({ $role })
worker-org-allocate = Allocate
worker-org-allocated = Allocated. They replace whoever held that role for this person.
worker-org-without-worker = { $count ->
    [one] 1 person has no worker in a role since their worker left:
   *[other] { $count } people have no worker in a role since their worker left:
}
worker-org-person-code = New invite code for { $who }
worker-org-workers = Workers
worker-org-you = { $name } (you)
worker-org-admin = administrator
worker-org-left = left
worker-org-laptops = { $count ->
    [one] 1 approved laptop
   *[other] { $count } approved laptops
}
worker-org-show-laptops = Laptops of { $who }
worker-org-laptop-code = New laptop code for { $who }
worker-org-remove = Remove { $who }
worker-org-remove-confirm = Remove { $who }? Their laptops are switched off at once: nothing more is sent to them and nothing they send is taken. What they already opened stays on their laptops. The people they worked with will need a new worker.
worker-org-remove-yes = Yes, remove { $who }
worker-org-removed = Removed. Their laptops are switched off.
worker-org-add-worker = Add a worker
worker-org-worker-name = Their name
worker-org-worker-name-hint = People they work with see this name.
worker-org-worker-role = Their role
worker-org-add-worker-make = Add them and make their laptop's invite code

worker-org-library = Publish the library
worker-org-library-hint = Choose every page of the library: the Markdown files (.md) in English and in Welsh. They are checked (every link, every translation) and signed by this laptop, and every app installs them on its next check, once it has checked your signature.
worker-org-library-files = The library's pages
worker-org-library-chosen = { $count ->
    [one] 1 page chosen.
   *[other] { $count } pages chosen.
}
worker-org-library-version = Version (higher than the one published now)
worker-org-library-publish = Check, sign and publish
worker-org-library-published = Version { $version } of the library is published ({ $count } pages). Every app takes it on its next check and uses it until { $until }: publish it again before then, or apps go back to the pages that come with Waymark.

# The audit log, for administrators
worker-menu-audit = Audit log
worker-audit-heading = Audit log
worker-audit-intro = What each worker did, and when, as their laptop wrote it down and signed it. The service keeps the log but cannot write to it: an entry it made up or changed would not carry a laptop's signature, and one it left out of the middle leaves a gap that shows here. It could still hold back a laptop's newest entries until that laptop writes again: see below when each laptop last wrote.
worker-audit-refresh = Read the log again
worker-audit-problems = Something is wrong with the log
worker-audit-problem-missing = Entries { $from } to { $to } from { $who }'s laptop ({ $laptop }) are missing: the service did not hand them over.
worker-audit-problem-not_signed = An entry ({ $from }) said to be from { $who }'s laptop ({ $laptop }) is not signed by it, or was changed. It is not shown.
worker-audit-problem-broken_chain = Entry { $from } from { $who }'s laptop ({ $laptop }) does not follow the one before it: one of them was replaced.
worker-audit-problem-unknown_device = Entries came from a device ({ $laptop }) that is not a worker's laptop in the organisation's list. They are not shown.
worker-audit-all-checked = { $count ->
    [one] 1 entry shown, signed by the laptop that wrote it.
   *[other] { $count } entries shown, every one signed by the laptop that wrote it, with none missing between them.
}
worker-audit-laptops = Laptops
worker-audit-laptop = { $who }, laptop { $laptop }: { $count ->
    [one] 1 entry
   *[other] { $count } entries
}
worker-audit-last = last { $when }
worker-audit-none = Nothing has been written to the log yet.
worker-audit-caption = The newest { $shown } of { $total } entries
worker-audit-when = When
worker-audit-who = Who
worker-audit-what = What they did
worker-audit-about = About
worker-audit-on-laptop = (laptop { $laptop })
worker-audit-opened = Opened what was shared
worker-audit-read = Marked as read
worker-audit-acknowledged = Acknowledged
worker-audit-replied = Replied
worker-audit-published = Published version { $version } of the plan
worker-audit-saved = { $count ->
    [one] Saved a case record (1 item)
   *[other] Saved a case record ({ $count } items)
}
worker-audit-invite = Made an invite code
worker-audit-library = Published version { $version } of the library
worker-audit-roster-add_person = Added someone to the organisation's list
worker-audit-roster-certify_device = Approved a device
worker-audit-roster-revoke_device = Switched a device off
worker-audit-roster-add_worker = Added a worker
worker-audit-roster-revoke_worker = Removed a worker
worker-audit-roster-add_worker_device = Approved a worker's laptop
worker-audit-roster-allocate = Allocated a worker
worker-audit-roster-set_urgent_policy = Changed who urgent items go to
worker-audit-roster-other = Changed the organisation's list
