# The safer-caring policy, learning log and sharing-and-privacy screens.

## Our safer-caring policy
policy-heading = Our safer-caring policy
policy-intro = How your household keeps everyone safe and feeling safe. Write as much or as little as fits your home. It saves as you type.
policy-status-need-household = Add your household’s name first, then your words will be saved.
policy-status-saving = Saving…
policy-status-saved = Saved
policy-status-not-saved = Not saved
policy-household = Household name
policy-reviewed-on = Last talked through together
policy-next-review-on = Next time to look at it
policy-print = Print
policy-export = Save as a document
policy-exported = Saved to { $path }

## Learning log
learning-log-heading = Learning log
learning-log-add-heading = Add something you learned
learning-log-date = Date
learning-log-kind = What kind
learning-log-kind-course = Course or training
learning-log-kind-reading = { learning-reading }
learning-log-kind-webinar = { learning-webinar }
learning-log-kind-support_group = { learning-support_group }
learning-log-kind-other = Something else
learning-log-title = What was it?
learning-log-how-long = How long did it take?
learning-log-hours = Hours
learning-log-minutes = Minutes
learning-log-notes = Notes (you can leave this)
learning-log-add = Add to my log
learning-log-need-time = Say how long it took: hours, minutes or both.
learning-log-added = Added “{ $title }”.
learning-log-exported = Saved to { $path }
learning-log-totals = Totals
learning-log-total = { $count ->
        [one] { $count } entry
       *[other] { $count } entries
    }, { $time } in all.
learning-log-by-month = Hours by month
learning-log-month = Month
learning-log-time = Time
learning-log-export = Save as a spreadsheet (CSV)
learning-log-everything = Everything in my log
learning-log-empty = Nothing yet.

## Sharing and privacy
privacy-heading = Sharing and privacy
privacy-connected-status = Connected to { $service }. Nothing is shared until you say yes to it.
privacy-consent-saved = Saved. You can take it back at any time.
privacy-sent = Done. Anything new is in your plan and in what you have shared.
# After taking a permission back: the first sentence always, then each of the others when it applies.
privacy-withdrawn = { $recipient } will not get { $what } from now on.
# When another worker still has it: $count things already shared that the service says it will stop giving them.
privacy-withdrawn-no-longer-handed = Your service says it will no longer give them { $count ->
    [one] the 1 thing
   *[other] the { $count } things
} you shared before. They may have read some of it already.
privacy-withdrawn-unsent = { $count } waiting to go will not be sent.
privacy-withdrawn-deleted = { $recipient } deleted { $count ->
        [one] { $count } thing
       *[other] { $count } things
    } it had from you, and its signed receipt checks out.
privacy-withdrawn-problem = We could not ask { $recipient } to delete what it has yet ({ $problem }); we will keep asking.
privacy-my-service = My service
# $service is shown in bold.
privacy-connected = Connected to { $service } since { $date }.
privacy-keys = Its keys: { $fingerprint }
privacy-approval-waiting = Ask your worker to approve this laptop. Read them this code: { $code }
privacy-approval-waiting-why = Until they do, your plan cannot come to this laptop, and what you share waits here: it is locked so only your workers' laptops can open it, and they need to know this laptop is yours.
privacy-approval-approved = { $service } has approved this laptop.
privacy-approval-revoked = { $service } has switched this laptop off. Nothing more comes to it. Ask your worker if you did not expect this.
privacy-waiting = { $waiting ->
        [0] Nothing is waiting to be sent.
       *[other] { $waiting } waiting to be sent.
    }
privacy-last-sent = Last sent { $date }.
privacy-check-now = { $waiting ->
        [0] Check for news now
       *[other] Send and check now
    }
privacy-say-yes = Say yes to sharing { $what } with { $service }
# $service is shown in bold.
privacy-preview-from = This code is from { $service }.
privacy-preview-details = Address: { $url } · Keys: { $fingerprint } (they match the code)
privacy-preview-organisation = Organisation: { $fingerprint }. Only people and laptops this organisation signs for are trusted.
privacy-preview-explain = If you connect, they get nothing until you say yes to a kind of thing and choose to share it. You can stop at any time.
privacy-connect = Connect to { $service }
privacy-not-now = Not now
privacy-change-service = Connect to a different service…
privacy-keep-service = Keep { $service }
privacy-change-same = This connects again to { $service }. What you said yes to carries on.
privacy-change-replaces = This replaces your connection to { $service }.
privacy-change-ends = You said yes to sharing { $what } with { $service }: that ends.
privacy-change-waiting = { $count ->
    [one] 1 thing waiting to go to { $service } will not be sent.
   *[other] { $count } things waiting to go to { $service } will not be sent.
}
privacy-change-deletions = { $count ->
    [one] 1 thing you asked { $service } to delete will not be asked again.
   *[other] { $count } things you asked { $service } to delete will not be asked again.
}
privacy-change-nothing-carried = Nothing you said yes to goes with you to the new service.
privacy-change-passphrase = Your passphrase, to change service
privacy-invite-explain = Your social worker, personal adviser or fostering service can give you an invite code. Paste it here to connect.
privacy-invite-code = Invite code
privacy-check-code = Check this code
privacy-who-heading = Who can get your things
privacy-no-consents = Nobody. Everything you write stays on this laptop until you say it can go.
# $recipient and $what are shown in bold.
privacy-consent = { $recipient } can get { $what } that you choose to share.
# $who is who-worker or who-worker-named ("your social worker", "Sam Okafor (your social worker)").
privacy-consent-worker = You said { $what } that you choose to share can go to { $who }.
privacy-said-yes = You said yes on { $date }.
privacy-stop-sharing = Stop sharing { $what } with { $recipient }
privacy-counts = { $waiting } waiting to be sent · { $sent } sent so far.
privacy-deletions-heading = What you asked to be deleted
# $service is shown in bold. $what is the kind of thing, in words from the service's record.
privacy-deletion-asked = You asked { $service } to delete { $what } on { $date }.
privacy-deletion-done = Done on { $date }: they deleted { $count ->
        [one] { $count } thing
       *[other] { $count } things
    }, and their signed receipt checks out. The receipt is kept in your profile.
privacy-deletion-waiting = Waiting for them to confirm. We will keep asking while Waymark is open.
privacy-copy-passphrase = Your passphrase, to lock the copy
privacy-download-locked = Save a locked copy
privacy-readable-summary = A copy anyone can read
privacy-readable-warning = These files are not locked: anyone who gets them can read everything you wrote. Only save them somewhere private, and delete them when you have finished with them.
privacy-copy-heading = A copy of everything
privacy-copy-explain = Save a locked copy of everything in your profile. It opens only with your passphrase, and you can bring it back into Waymark, on this laptop or another one.
privacy-download = Save a copy anyone can read (a page and a data file)
privacy-saved-to = Saved to { $path }
privacy-delete-heading = Delete my profile
privacy-start-delete = Delete my profile…
# $name is shown in bold.
privacy-delete-warning = This deletes everything in { $name } from this laptop for good. Nobody can bring it back, not even with your recovery code. Things already sent to the service stay with them.
privacy-delete-first = You might want to download your information first.
privacy-confirm-name = To delete, type your profile name: { $name }
privacy-confirm-delete = Delete my profile for good
privacy-keep = Keep my profile
