# The home screen, getting ready for a review, saying something, sharing, and what I've said.

## Home
home-hello = Hello, { $name }
# $date is the day of the next review, shown in bold; $when is home-next-review-when.
home-next-review = Your next review: { $date } ({ $when }).
home-next-review-when = { $days ->
    [0] today
    [1] tomorrow
   *[other] in { $days } days
}
home-next-review-none = Your next review date is not here yet. It comes with your plan.
home-todo = What needs doing
# $kind is the kind of thing being said, e.g. "I'm worried".
home-finish = Finish “{ $kind }”
home-ready = { $count } ready to share when you want to.
home-see-them = See them
home-open-steps = { $count ->
    [one] { $count } step in your plan still to do.
   *[other] { $count } steps in your plan still to do.
}
home-see-plan = See my plan
home-plan-changed = Your plan has changed since the last version.
home-see-changes = See what changed
home-nothing = Nothing right now. You can get ready for your next review whenever you like.
home-start-policy = Start your household’s safer-caring policy.
home-start-it = Start it
home-policy-due = Your safer-caring policy is due to be looked at again.
home-open-it = Open it
# $time is how long all the entries took, e.g. "1 h 30 min".
home-learning-log = { $count ->
    [one] Your learning log has { $count } entry ({ $time }).
   *[other] Your learning log has { $count } entries ({ $time }).
}
home-add-to-it = Add to it
# $lock and $exit are the names of the Lock and Quick exit buttons, shown in bold.
home-lock-hint = Press { $lock } when you are done. { $exit } (or Esc twice) hides Waymark at once.

## Getting ready for a review
review-saved = Saved
review-saving = Saving…
review-not-answered = Not answered
# $section is the part of the review the question is in.
review-progress = { $section } · Question { $number } of { $total }
review-pick-face = Pick the one that fits
review-pick-one = Pick one
review-your-words = Your words
review-add-words = Anything you want to add? (you can leave this empty)
review-back = Back
review-check-answers = Check my answers
review-next = Next
review-finish-later = Finish later
review-check-heading = Check your answers
review-change = Change
review-ready-note = When it is ready, you choose if and when to share it. Nothing is sent yet.
review-ready = It's ready
review-opening = Opening…

## Saying something
say-heading = Say something
say-what = What do you want to say?
say-not-safe-now = If you are not safe right now, call someone now.
say-works-offline = This works without the internet.
say-urgent-note = When you share this, your service can see that it is urgent, so it goes first. They cannot see what it says until they open it. Nobody may read it straight away.
say-own-words = Write it in your own words
say-saving = Saving…
say-saved = Saved
say-ready = It's ready
say-finish-later = Finish later

## Sharing one thing with the service
share-will-send = It will be sent when { $service } can be reached.
share-sent = Sent to { $service }.
# $what is what would be shared, e.g. "your learning log"; $service is the service's name.
share-ask = To share this, say yes to sharing { $what } with { $service }. You can take it back at any time.
share-yes = Say yes and share
share-not-now = Not now
share-with = Share with { $service }

## What I've said
shared-heading = What I've said
shared-nothing = Nothing yet. What you write will show here, with what happened to it.
shared-timeline = What happened to it
# $status is a step, e.g. "Shared"; $date is the day it happened.
shared-step-done = { $status }: { $date }
shared-step-not-yet = { $status }: not yet
# Under a question not yet translated into the chosen language (never shown in English)
review-not-translated = This question is not translated yet, so it is in English.
# A worker's role at the service, after "your" (who-worker) or a name (who-worker-named).
worker-social_worker = social worker
worker-iro = Independent Reviewing Officer (IRO)
worker-supervising_social_worker = supervising social worker
worker-duty = duty team
# Who something goes to, or who answered. $worker is one of the roles above; $name is from the service's list.
who-worker = your { $worker }
who-worker-named = { $name } (your { $worker })
who-duty = the duty team
who-duty-named = { $name } (duty team)
# Sharing with a service that keeps a list of its workers: the person chooses who.
share-ask-workers = Who should get { $what }? Only their laptops can open it (and, if you say you don't feel safe, the laptops of the people who answer urgent messages at your service too). You can change this at any time.
share-yes-worker = Share with { $who }
share-yes-both = Share with both
share-waits-for-reader = It waits on this laptop until it can go: the service must approve this laptop, and the worker you chose must have a laptop it approved.
share-nobody-yet = Nobody is your { $worker } in the service's list yet, so what you share with them waits until someone is.
# What a worker did with something shared. $who is who-worker-named or who-duty-named; $date is the day.
shared-responses = What your workers did
shared-response-received = { $who } got this on { $date }.
shared-response-read = { $who } read this on { $date }.
shared-response-acknowledged = { $who } saw this was urgent and is dealing with it ({ $date }).
shared-response-replied = { $who } replied on { $date }:
